package dev.springxhr.xhr;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.fetch.FetchRequest;
import dev.springxhr.xhr.internal.transport.ResponseHead;

/**
 * The synchronous path of {@code send()}: XHR §3.5 send() step 12. The caller's thread waits, with the request's
 * lock released so that other threads can still {@code abort()}; then it runs "handle response end-of-body" without
 * progress events, or the request error steps, which throw instead of firing events — both through the request's
 * {@link RequestState}.
 *
 * @see <a href="https://xhr.spec.whatwg.org/#the-send()-method">XHR §3.5 send()</a>
 */
final class SyncSend {

	private SyncSend() {
	}

	static void run(XMLHttpRequest xhr, RequestState state, XhrEngine engine, FetchRequest request) {
		Fetch started = new Fetch(request, System.nanoTime());
		SendObservation observation = SendObservation.start(engine.observations(), request.method());
		state.completion().observe(observation);
		started.observation = (observation != null) ? observation.observation() : null;
		state.fetchStarted(started);
		SyncFetch outcome = SyncFetch.start(engine, request, started);
		long timeout = xhr.timeoutMillis();
		SyncFetch.Wait waited = awaitWithoutLock(state, outcome, timeout);
		if (!state.isCurrent(started)) {
			// abort() or open() from another thread ended this send; abort() already reset the state.
			throw new DOMException("The synchronous request was aborted", DOMException.ABORT_ERROR);
		}
		if (waited == SyncFetch.Wait.TIMED_OUT) {
			throw requireException(state.timedOut(started,
					"The synchronous request timed out after " + timeout + " ms"));
		}
		if (waited == SyncFetch.Wait.INTERRUPTED) {
			throw requireException(state.interrupted(started,
					"The thread was interrupted while waiting for the synchronous request"));
		}
		Throwable error = outcome.error();
		ResponseHead head = outcome.head();
		if (error != null || head == null) {
			String message = (error != null) ? error.getMessage() : "no response";
			throw requireException(state.networkError(started, "The synchronous request failed: " + message, error));
		}
		// XHR §3.5 "handle response end-of-body", synchronous: no progress, no readystatechange 2 or 3.
		state.responseReceived(head, outcome.body());
		long length = Math.max(0, state.response().contentLength());
		state.responseEndOfBody(state.body().length(), length);
	}

	private static DOMException requireException(@Nullable DOMException exception) {
		return Objects.requireNonNull(exception, "a synchronous request's error steps return the exception to throw");
	}

	/** Wait for a synchronous fetch with the lock released, so that other threads can still abort() it. */
	private static SyncFetch.Wait awaitWithoutLock(RequestState state, SyncFetch outcome, long timeoutMillis) {
		int holds = state.lock.getHoldCount();
		for (int i = 0; i < holds; i++) {
			state.lock.unlock();
		}
		try {
			return outcome.await(timeoutMillis);
		}
		finally {
			for (int i = 0; i < holds; i++) {
				state.lock.lock();
			}
		}
	}

}
