package dev.springxhr.xhr;

/**
 * Whether a synchronous {@code send()} ({@code open(method, url, false)}) may block the calling thread.
 */
public enum SyncXhrPolicy {

	/** Synchronous requests are allowed on every thread, also on Reactor event-loop threads (may deadlock there). */
	ALLOW,

	/** Synchronous requests are refused: {@code send()} throws {@code NetworkError}. */
	DENY,

	/**
	 * Synchronous requests are refused with {@code NetworkError} when the caller is a Reactor non-blocking thread
	 * (an event loop or a parallel scheduler thread), and allowed elsewhere. The default.
	 */
	DENY_ON_EVENT_LOOP

}
