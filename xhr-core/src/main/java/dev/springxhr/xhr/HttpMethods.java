package dev.springxhr.xhr;

import java.util.Set;

/**
 * The method rules of {@code open()}: token check, forbidden methods and normalization.
 *
 * @see <a href="https://xhr.spec.whatwg.org/#the-open()-method">XHR §3.2 open() steps 2–4</a>
 * @see <a href="https://fetch.spec.whatwg.org/#methods">Fetch §2.2.1 methods</a>
 */
final class HttpMethods {

	private static final Set<String> FORBIDDEN = Set.of("CONNECT", "TRACE", "TRACK");

	private static final Set<String> NORMALIZED = Set.of("DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT");

	private HttpMethods() {
	}

	/** Fetch "forbidden method": CONNECT, TRACE or TRACK, byte-case-insensitive. */
	static boolean isForbidden(String method) {
		return FORBIDDEN.contains(HttpTokens.toAsciiUpperCase(method));
	}

	/** Fetch "normalize a method": upper-case only the six standard methods; {@code patch} stays {@code patch}. */
	static String normalize(String method) {
		String upper = HttpTokens.toAsciiUpperCase(method);
		return NORMALIZED.contains(upper) ? upper : method;
	}

	/**
	 * Apply open() steps 2–4 to a method.
	 * @throws DOMException SyntaxError for a non-token, SecurityError for a forbidden method
	 */
	static String check(String method) {
		if (!HttpTokens.isToken(method)) {
			throw new DOMException("'" + method + "' is not a valid HTTP method: it must be a token "
					+ "(letters, digits and !#$%&'*+-.^_`|~)", DOMException.SYNTAX_ERROR);
		}
		if (isForbidden(method)) {
			throw new DOMException("The method '" + method + "' is forbidden (CONNECT, TRACE and TRACK are)",
					DOMException.SECURITY_ERROR);
		}
		return normalize(method);
	}

}
