package dev.springxhr.xhr;

/**
 * The global object the requests behave as if created in. The XHR standard has rules that apply only in a
 * {@code Window}: synchronous requests may not have a timeout or a response type there.
 */
public enum GlobalScope {

	/**
	 * A browser window: {@code open(…, false)} with a timeout or a response type, and setting either on a
	 * synchronous request, throw {@code InvalidAccessError}. The default.
	 */
	WINDOW,

	/**
	 * A dedicated worker: synchronous requests may have a timeout ({@code send()} then throws
	 * {@code TimeoutError}) and a response type; the response type {@code document} is ignored.
	 */
	DEDICATED_WORKER

}
