package dev.springxhr.xhr;

import java.util.concurrent.TimeUnit;

/**
 * XHR's "if not roughly 50ms have passed since these steps were last invoked, then return", for download and
 * upload progress alike.
 */
final class ProgressThrottle {

	static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

	private ProgressThrottle() {
	}

	/** Whether progress may fire now, given whether it fired before and when. */
	static boolean due(boolean firedBefore, long lastNanos, long nowNanos) {
		return !firedBefore || nowNanos - lastNanos >= INTERVAL_NANOS;
	}

}
