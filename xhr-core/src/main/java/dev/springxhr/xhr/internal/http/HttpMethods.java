package dev.springxhr.xhr.internal.http;

import java.util.Set;


/**
 * The method rules of {@code open()}: token check, forbidden methods and normalization.
 *
 * @see <a href="https://xhr.spec.whatwg.org/#the-open()-method">XHR §3.2 open() steps 2–4</a>
 * @see <a href="https://fetch.spec.whatwg.org/#methods">Fetch §2.2.1 methods</a>
 */
public final class HttpMethods {

	private static final Set<String> FORBIDDEN = Set.of("CONNECT", "TRACE", "TRACK");

	private static final Set<String> NORMALIZED = Set.of("DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT");

	private HttpMethods() {
	}

	/** Fetch "forbidden method": CONNECT, TRACE or TRACK, byte-case-insensitive. */
	public static boolean isForbidden(String method) {
		return FORBIDDEN.contains(HttpTokens.toAsciiUpperCase(method));
	}

	/** Fetch "normalize a method": upper-case only the six standard methods; {@code patch} stays {@code patch}. */
	public static String normalize(String method) {
		String upper = HttpTokens.toAsciiUpperCase(method);
		return NORMALIZED.contains(upper) ? upper : method;
	}

}
