package dev.springxhr.xhr;

/**
 * Firefox's non-standard constructor options, {@code new XMLHttpRequest({mozAnon, mozSystem})}.
 *
 * @param mozAnon whether the request is anonymous: no cookies and no HTTP authentication are sent or stored
 * @param mozSystem whether the request is privileged: no {@code Origin} and no CORS checks; as in Firefox it
 * implies {@code mozAnon}
 */
public record XhrOptions(boolean mozAnon, boolean mozSystem) {

	private static final XhrOptions NONE = new XhrOptions(false, false);

	/**
	 * Return the options of {@code new XMLHttpRequest()}: neither anonymous nor privileged.
	 * @return the default options
	 */
	public static XhrOptions defaults() {
		return NONE;
	}

}
