package dev.springxhr.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.AssertProvider;

import dev.springxhr.xhr.XhrEventInfo;
import dev.springxhr.xhr.XhrEventObserver;
import dev.springxhr.xhr.XhrFactory;

/**
 * Records every event of the requests of the factories it observes, by request: a bean of this type (declared, or
 * given by {@link AutoConfigureXhrTest}) observes every factory built by the auto-configured
 * {@code XhrFactory.Builder}; without Spring Boot, give it to {@link XhrFactory.Builder#observer}.
 * <p>
 * AssertJ's {@code assertThat(recorder)} waits (up to {@link #DEFAULT_TIMEOUT}) for the recorded requests to fire
 * their {@code loadend}, then asserts on the one request recorded:
 * {@code assertThat(recorder).hasEventSequence("loadstart", "progress", "load", "loadend")}. With several, pick one:
 * {@code assertThat(recorder.request(1))}. Thread-safe.
 */
public final class XhrEventRecorder implements XhrEventObserver, AssertProvider<RecordedXhrRequestAssert> {

	/** How long assertions wait for requests to end. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	/** Each request's events, in the order of their first event; guarded by this. */
	private final Map<Long, List<XhrEventInfo>> requests = new LinkedHashMap<>();

	@Override
	public synchronized void onEvent(XhrEventInfo event) {
		this.requests.computeIfAbsent(event.requestId(), (id) -> new ArrayList<>()).add(event);
		notifyAll();
	}

	/**
	 * Return the requests recorded so far, in the order of their first event.
	 * @return snapshots of the requests
	 */
	public synchronized List<RecordedXhrRequest> requests() {
		return this.requests.values().stream().map(RecordedXhrRequest::new).toList();
	}

	/**
	 * Return a recorded request once it has ended, waiting up to {@link #DEFAULT_TIMEOUT} for it to exist and end.
	 * @param index the request's position, in the order of their first event
	 * @return a snapshot of the request
	 * @throws AssertionError when there is no such request or it does not end in time
	 */
	public RecordedXhrRequest request(int index) {
		return awaitEnded(index + 1, DEFAULT_TIMEOUT).get(index);
	}

	/**
	 * Wait until at least {@code count} requests are recorded and every recorded request has ended.
	 * @param count the least number of requests
	 * @param timeout how long to wait
	 * @return snapshots of the requests
	 * @throws AssertionError when that does not happen in time, saying what was recorded
	 */
	public synchronized List<RecordedXhrRequest> awaitEnded(int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			List<RecordedXhrRequest> recorded = requests();
			if (recorded.size() >= count && recorded.stream().allMatch(RecordedXhrRequest::ended)) {
				return recorded;
			}
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				throw new AssertionError("Expected at least " + count + " request(s), all ended by loadend, within "
						+ timeout + ", but recorded " + recorded + " (a synchronous request that fails fires no "
						+ "loadend)");
			}
			try {
				Duration wait = Duration.ofNanos(left);
				wait(Math.max(1, wait.toMillis()));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted while waiting for requests to end", ex);
			}
		}
	}

	/**
	 * Forget every recorded request (done before each test method for recorder beans, see
	 * {@link XhrEventRecorderResetTestExecutionListener}).
	 */
	public synchronized void clear() {
		this.requests.clear();
	}

	/**
	 * Assert on the one request recorded, once it has ended.
	 * @return the assertions on that request
	 * @throws AssertionError when there is not exactly one request, or it does not end in time
	 */
	@Override
	public RecordedXhrRequestAssert assertThat() {
		List<RecordedXhrRequest> recorded = awaitEnded(1, DEFAULT_TIMEOUT);
		if (recorded.size() != 1) {
			throw new AssertionError("Expected one recorded request but there are " + recorded.size() + ": "
					+ recorded + "; pick one with assertThat(recorder.request(index))");
		}
		return recorded.get(0).assertThat();
	}

}
