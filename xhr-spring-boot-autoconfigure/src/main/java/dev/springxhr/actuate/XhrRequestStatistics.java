package dev.springxhr.actuate;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

import dev.springxhr.xhr.XhrEventInfo;
import dev.springxhr.xhr.XhrEventObserver;
import dev.springxhr.xhr.event.XhrEventType;

/**
 * Counts the requests of a factory from their events: in flight now, and completed ({@code load}), failed
 * ({@code error}), timed out and aborted within a sliding window of one-second buckets. Background requests
 * ({@code mozBackgroundRequest}) are left out, so they never affect health. A synchronous request counts when it
 * completes (it has no {@code loadstart}, and its failures fire no event, as the standard says). Lock-free.
 */
public final class XhrRequestStatistics implements XhrEventObserver {

	private static final int COMPLETED = 0;

	private static final int ERRORS = 1;

	private static final int TIMEOUTS = 2;

	private static final int ABORTS = 3;

	private final Duration window;

	private final int buckets;

	private final LongSupplier clockMillis;

	/** Ids of the requests between loadstart and loadend (synchronous requests have no loadstart). */
	private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

	/** For each bucket: the second it counts, then its four counters. */
	private final AtomicLongArray counts;

	/**
	 * Create statistics over a window.
	 * @param window the window, 1 second to 1 hour
	 */
	public XhrRequestStatistics(Duration window) {
		this(window, System::currentTimeMillis);
	}

	XhrRequestStatistics(Duration window, LongSupplier clockMillis) {
		if (window.getSeconds() < 1 || window.getSeconds() > 3600) {
			throw new IllegalArgumentException("'window' must be between 1s and 1h, was " + window);
		}
		this.window = window;
		this.buckets = (int) window.getSeconds();
		this.clockMillis = clockMillis;
		this.counts = new AtomicLongArray(this.buckets * 5);
	}

	@Override
	public void onEvent(XhrEventInfo event) {
		if (event.upload() || event.backgroundRequest()) {
			return;
		}
		switch (XhrEventType.fromType(event.eventType())) {
			case LOADSTART -> this.inFlight.add(event.requestId());
			case LOADEND -> this.inFlight.remove(event.requestId());
			case LOAD -> count(COMPLETED);
			case ERROR -> count(ERRORS);
			case TIMEOUT -> count(TIMEOUTS);
			case ABORT -> count(ABORTS);
			case READYSTATECHANGE, PROGRESS -> {
			}
		}
	}

	/**
	 * Return the statistics now.
	 * @return a snapshot
	 */
	public Snapshot snapshot() {
		long now = this.clockMillis.getAsLong() / 1000;
		long[] totals = new long[4];
		for (int bucket = 0; bucket < this.buckets; bucket++) {
			long second = this.counts.get(bucket * 5);
			if (second > now - this.buckets && second <= now) {
				for (int i = 0; i < 4; i++) {
					totals[i] += this.counts.get(bucket * 5 + 1 + i);
				}
			}
		}
		return new Snapshot(this.inFlight.size(), totals[COMPLETED], totals[ERRORS], totals[TIMEOUTS],
				totals[ABORTS], this.window);
	}

	private void count(int counter) {
		long second = this.clockMillis.getAsLong() / 1000;
		int bucket = (int) (second % this.buckets);
		int base = bucket * 5;
		long current = this.counts.get(base);
		if (current != second && this.counts.compareAndSet(base, current, second)) {
			// First count of a new second in this bucket: forget what the bucket held a window ago.
			for (int i = 1; i <= 4; i++) {
				this.counts.set(base + i, 0);
			}
		}
		this.counts.incrementAndGet(base + 1 + counter);
	}

	/**
	 * Request statistics at one moment.
	 * @param inFlight requests sent and not yet ended
	 * @param completed requests that ended with {@code load} within the window (any HTTP status)
	 * @param errors requests that ended with a network error within the window
	 * @param timeouts requests that timed out within the window
	 * @param aborts requests aborted within the window
	 * @param window the window
	 */
	public record Snapshot(long inFlight, long completed, long errors, long timeouts, long aborts, Duration window) {
	}

}
