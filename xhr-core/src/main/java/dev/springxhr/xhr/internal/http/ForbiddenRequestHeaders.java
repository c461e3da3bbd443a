package dev.springxhr.xhr.internal.http;

import java.util.Set;

/**
 * Fetch's forbidden request-headers: author values for them are silently ignored by {@code setRequestHeader()},
 * because the user agent (here: the engine and the HTTP client) controls them.
 *
 * @see <a href="https://fetch.spec.whatwg.org/#forbidden-request-header">Fetch §2.2.2 forbidden request-header</a>
 */
public final class ForbiddenRequestHeaders {

	private static final Set<String> NAMES = Set.of("accept-charset", "accept-encoding",
			"access-control-request-headers", "access-control-request-method", "connection", "content-length",
			"cookie", "cookie2", "date", "dnt", "expect", "host", "keep-alive", "origin", "referer", "set-cookie", "te",
			"trailer", "transfer-encoding", "upgrade", "via");

	private static final Set<String> METHOD_OVERRIDE_NAMES = Set.of("x-http-method", "x-http-method-override",
			"x-method-override");

	private ForbiddenRequestHeaders() {
	}

	/**
	 * Return whether (name, value) is a forbidden request-header.
	 * @param name the header name, already validated as a token
	 * @param value the normalized header value
	 */
	public static boolean isForbidden(String name, String value) {
		String lowerName = HttpTokens.toAsciiLowerCase(name);
		if (NAMES.contains(lowerName) || lowerName.startsWith("proxy-") || lowerName.startsWith("sec-")) {
			return true;
		}
		if (METHOD_OVERRIDE_NAMES.contains(lowerName)) {
			// "get, decode, and split" the value: any listed method that is forbidden makes the header forbidden.
			for (String method : value.split(",", -1)) {
				if (HttpMethods.isForbidden(HttpTokens.normalizeHeaderValue(method))) {
					return true;
				}
			}
		}
		return false;
	}

}
