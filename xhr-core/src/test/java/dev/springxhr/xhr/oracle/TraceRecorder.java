package dev.springxhr.xhr.oracle;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * The thread-safe log of one scenario, as runner.js keeps it: step and event entries in the order they happened,
 * the event counts, and the "innermost executing step".
 *
 * <p>A page has one thread; our requests deliver network events on event threads. The executing-step stack is
 * therefore per thread: an event dispatched synchronously inside a call (on the calling thread) sees the call as its
 * {@code in}; an event delivered later on an event thread sees no step, unless a trigger's step is executing on
 * that very thread (e.g. {@code abort()} inside a {@code readystatechange} listener).
 */
final class TraceRecorder {

	private final List<Map<String, Object>> log = new ArrayList<>();

	/** Events whose dispatch to our listener started: runner.js's {@code counts}, used by {@code nth}. */
	private final Map<String, Integer> counts = new HashMap<>();

	/**
	 * Events whose listener has returned (entry logged, triggers run). Waits use these, so that a {@code waitFor}
	 * entry always comes after the event that satisfied it, as the browser's promise continuation does.
	 */
	private final Map<String, Integer> settled = new HashMap<>();

	private final ThreadLocal<Deque<String>> executing = ThreadLocal.withInitial(ArrayDeque::new);

	synchronized void add(Map<String, Object> entry) {
		this.log.add(entry);
	}

	/** Count an event whose dispatch starts; returns the new count. */
	synchronized int countEvent(String key) {
		return this.counts.merge(key, 1, Integer::sum);
	}

	synchronized int count(String key) {
		return this.counts.getOrDefault(key, 0);
	}

	synchronized void settle(String key) {
		this.settled.merge(key, 1, Integer::sum);
	}

	private synchronized int settledCount(String key) {
		return this.settled.getOrDefault(key, 0);
	}

	/**
	 * Wait until {@code n} events of {@code key} (e.g. {@code "xhr.loadend"}) have been handled.
	 * @return {@code false} if the cap elapsed first
	 */
	boolean awaitSettled(String key, int n, Duration cap) {
		if (settledCount(key) >= n) {
			return true;
		}
		try {
			await().atMost(cap)
				.pollInSameThread()
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(2))
				.until(() -> settledCount(key) >= n);
			return true;
		}
		catch (ConditionTimeoutException ex) {
			return false;
		}
	}

	/** The innermost step executing on this thread, or {@code null}. */
	String currentStep() {
		Deque<String> stack = this.executing.get();
		return stack.isEmpty() ? null : stack.peek();
	}

	void enterStep(String op) {
		this.executing.get().push(op);
	}

	void exitStep() {
		this.executing.get().pop();
	}

	/** A copy of the log as it is now. */
	synchronized List<Map<String, Object>> snapshot() {
		return new ArrayList<>(this.log);
	}

	synchronized Map<String, Integer> eventCounts() {
		return new HashMap<>(this.counts);
	}

}
