package dev.springxhr.xhr.internal.cors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.http.HttpTokens;
import dev.springxhr.xhr.internal.http.ResponseHeaders;

/**
 * The response side of the CORS protocol: the CORS check of a response, the checks of a CORS-preflight response,
 * and the CORS filtered response. A check returns {@code null} when it passes, else why it failed (the request then
 * ends in a network error; the reason is for the developer, never for script).
 *
 * @see <a href="https://fetch.spec.whatwg.org/#cors-check">Fetch §4.9 CORS check</a>
 * @see <a href="https://fetch.spec.whatwg.org/#cors-preflight-fetch">Fetch §4.7 CORS-preflight fetch</a>
 * @see <a href="https://fetch.spec.whatwg.org/#concept-filtered-response-cors">Fetch §2.2.6 CORS filtered
 * response</a>
 */
public final class CorsCheck {

	/** Fetch §4.7 step 7.9: the max-age when the preflight response has none, or an unparsable one. */
	static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(5);

	/**
	 * The "imposed limit on max-age": two hours, as Chromium (Firefox allows 24 hours, WebKit 10 minutes).
	 */
	static final Duration MAX_AGE_LIMIT = Duration.ofHours(2);

	/** "Extract header list values" failed; compared by identity. */
	private static final List<String> FAILURE = Collections.unmodifiableList(new ArrayList<>(0));

	private static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";

	private static final String ALLOW_CREDENTIALS = "Access-Control-Allow-Credentials";

	private static final String ALLOW_METHODS = "Access-Control-Allow-Methods";

	private static final String ALLOW_HEADERS = "Access-Control-Allow-Headers";

	private static final String EXPOSE_HEADERS = "Access-Control-Expose-Headers";

	private static final String MAX_AGE = "Access-Control-Max-Age";

	private CorsCheck() {
	}

	/**
	 * Fetch §4.9 "CORS check" of a response.
	 * @param headers the response's header list
	 * @param serializedOrigin the byte-serialized request origin: its ASCII serialization, {@code "null"} when
	 * opaque (see {@link Origins#serialize(java.net.URI)})
	 * @param includeCredentials whether the request's credentials mode is "include"
	 * @return {@code null} on success, else the reason of the failure
	 */
	public static @Nullable String check(ResponseHeaders headers, String serializedOrigin, boolean includeCredentials) {
		// Step 1: "get" combines several headers with ", ", so two of them never match an origin or "*".
		String origin = headers.get(ALLOW_ORIGIN);
		// Step 2.
		if (origin == null) {
			return "No '" + ALLOW_ORIGIN + "' header";
		}
		origin = HttpTokens.normalizeHeaderValue(origin);
		// Step 3.
		if (origin.equals("*")) {
			return includeCredentials ? "'" + ALLOW_ORIGIN + "' is '*' but the request carries credentials" : null;
		}
		// Step 4: byte-exact; "null" matches only an opaque request origin.
		if (!origin.equals(serializedOrigin)) {
			if (origin.indexOf(',') >= 0) {
				return "'" + ALLOW_ORIGIN + "' has several values '" + origin + "'; it must be one origin, '"
						+ serializedOrigin + "'";
			}
			return "'" + ALLOW_ORIGIN + "' is '" + origin + "' not '" + serializedOrigin + "'";
		}
		// Step 5.
		if (!includeCredentials) {
			return null;
		}
		// Steps 6-8: byte-exact "true".
		String credentials = headers.get(ALLOW_CREDENTIALS);
		if (credentials == null || !HttpTokens.normalizeHeaderValue(credentials).equals("true")) {
			return "'" + ALLOW_CREDENTIALS + "' is not 'true'"
					+ ((credentials != null) ? " but '" + credentials + "'" : " (it is missing)")
					+ " and the request carries credentials";
		}
		return null;
	}

	/**
	 * The checks of Fetch §4.7 "CORS-preflight fetch" step 7 on the response to a preflight.
	 * @param status the response status
	 * @param headers the response's header list
	 * @param origin the byte-serialized request origin
	 * @param includeCredentials whether the request's credentials mode is "include"
	 * @param method the (normalized) method of the actual request
	 * @param unsafeHeaderNames the CORS-unsafe request-header names of the actual request
	 * (see {@link CorsRequestRules#unsafeHeaderNames(List)})
	 * @param useCorsPreflight the request's use-CORS-preflight flag (XHR's upload listener flag): with it, a
	 * missing {@code Access-Control-Allow-Methods} allows the request's method
	 * @return {@code null} when the preflight allows the request, else the reason of the failure
	 */
	public static @Nullable String checkPreflightResponse(int status, ResponseHeaders headers, String origin,
			boolean includeCredentials, String method, List<String> unsafeHeaderNames, boolean useCorsPreflight) {
		// Step 7: "If a CORS check for request and response returns success and response's status is an ok status".
		String corsFailure = check(headers, origin, includeCredentials);
		if (corsFailure != null) {
			return "Preflight response: " + corsFailure;
		}
		if (status < 200 || status > 299) {
			return "Preflight response status is " + status + ", not an ok status (200-299)";
		}
		// Steps 7.1-7.3: both are "#" token lists; a value that is not one is a network error.
		List<String> methods = extractTokenList(headers, ALLOW_METHODS);
		if (methods == FAILURE) {
			return "'" + ALLOW_METHODS + "' is not a comma-separated list of methods: '" + headers.get(ALLOW_METHODS)
					+ "'";
		}
		List<String> headerNames = extractTokenList(headers, ALLOW_HEADERS);
		if (headerNames == FAILURE) {
			return "'" + ALLOW_HEADERS + "' is not a comma-separated list of header names: '"
					+ headers.get(ALLOW_HEADERS) + "'";
		}
		// Step 7.4.
		methods = effectiveMethods(methods, method, useCorsPreflight);
		if (headerNames == null) {
			headerNames = List.of();
		}
		// Step 7.5: the method comparison is byte-exact (method names are case-sensitive).
		if (!methods.contains(method) && !CorsRequestRules.isSafelistedMethod(method)
				&& (includeCredentials || !methods.contains("*"))) {
			return "Method '" + method + "' is not in '" + ALLOW_METHODS + "'"
					+ ((includeCredentials && methods.contains("*"))
							? " ('*' is no wildcard when the request carries credentials)" : "");
		}
		boolean wildcardHeaders = headerNames.contains("*");
		for (String unsafeName : unsafeHeaderNames) {
			if (containsIgnoreCase(headerNames, unsafeName)) {
				continue;
			}
			// Step 7.6: a CORS non-wildcard request-header name (Authorization) must be listed, even with "*".
			if (CorsRequestRules.isNonWildcardRequestHeaderName(unsafeName)) {
				return "Request header '" + unsafeName + "' is not in '" + ALLOW_HEADERS + "'"
						+ (wildcardHeaders ? " ('*' never covers it: it must be listed by name)" : "");
			}
			// Step 7.7.
			if (includeCredentials || !wildcardHeaders) {
				return "Request header '" + unsafeName + "' is not in '" + ALLOW_HEADERS + "'"
						+ (wildcardHeaders ? " ('*' is no wildcard when the request carries credentials)" : "");
			}
		}
		return null;
	}

	/**
	 * Fetch §2.2.6 "CORS filtered response": only the CORS-safelisted response-header names and the names in the
	 * response's CORS-exposed header-name list (set in Fetch §4.1 main fetch when the response tainting is "cors": from
	 * {@code Access-Control-Expose-Headers}, where {@code *} exposes every name unless the request carries
	 * credentials).
	 * @param headers the response's header list, without {@code Set-Cookie} and {@code Set-Cookie2} already
	 * @param includeCredentials whether the request's credentials mode is "include"
	 */
	public static ResponseHeaders corsFilter(ResponseHeaders headers, boolean includeCredentials) {
		List<String> exposed = extractTokenList(headers, EXPOSE_HEADERS);
		if (exposed == null || exposed == FAILURE) {
			// "Otherwise, if headerNames is not null or failure": else the list stays empty.
			exposed = List.of();
		}
		else if (!includeCredentials && exposed.contains("*")) {
			// "all unique header names in response's header list"; forbidden response-header names are gone already.
			return headers.filter((name) -> !isForbiddenResponseHeaderName(name));
		}
		List<String> exposedNames = exposed;
		return headers.filter((name) -> isSafelistedResponseHeaderName(name)
				|| (containsIgnoreCase(exposedNames, name) && !isForbiddenResponseHeaderName(name)));
	}

	/**
	 * Fetch §2.2.2 "CORS-safelisted response-header name" without the exposed list: {@code Cache-Control},
	 * {@code Content-Language}, {@code Content-Length}, {@code Content-Type}, {@code Expires}, {@code Last-Modified}
	 * or {@code Pragma}.
	 */
	static boolean isSafelistedResponseHeaderName(String name) {
		return switch (HttpTokens.toAsciiLowerCase(name)) {
			case "cache-control", "content-language", "content-length", "content-type", "expires", "last-modified",
					"pragma" -> true;
			default -> false;
		};
	}

	/**
	 * Fetch §4.7 steps 7.8-7.10: the max-age of a preflight response, from {@code Access-Control-Max-Age}
	 * ({@code delta-seconds}); 5 seconds when it is missing or not one value of ASCII digits, at most two hours.
	 */
	static Duration maxAge(ResponseHeaders headers) {
		String value = headers.get(MAX_AGE);
		if (value == null) {
			return DEFAULT_MAX_AGE;
		}
		// Several headers combine to "a, b", which is no delta-seconds: failure, as the single-header ABNF says.
		value = HttpTokens.normalizeHeaderValue(value);
		if (value.isEmpty()) {
			return DEFAULT_MAX_AGE;
		}
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) < '0' || value.charAt(i) > '9') {
				return DEFAULT_MAX_AGE;
			}
		}
		// Longer than 2^63 - 1: beyond the limit anyway.
		long seconds;
		try {
			seconds = Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			return MAX_AGE_LIMIT;
		}
		return (seconds > MAX_AGE_LIMIT.toSeconds()) ? MAX_AGE_LIMIT : Duration.ofSeconds(seconds);
	}

	/** The methods a passed preflight allows, for the cache: Fetch §4.7 steps 7.1 and 7.4. */
	static List<String> allowedMethods(ResponseHeaders headers, String method, boolean useCorsPreflight) {
		List<String> methods = extractTokenList(headers, ALLOW_METHODS);
		return effectiveMethods((methods == FAILURE) ? List.of() : methods, method, useCorsPreflight);
	}

	/** The header names a passed preflight allows, for the cache: Fetch §4.7 step 7.2. */
	static List<String> allowedHeaderNames(ResponseHeaders headers) {
		List<String> headerNames = extractTokenList(headers, ALLOW_HEADERS);
		return (headerNames == null || headerNames == FAILURE) ? List.of() : headerNames;
	}

	/** Step 7.4: "If methods is null and request's use-CORS-preflight flag is set", the request's method. */
	private static List<String> effectiveMethods(@Nullable List<String> methods, String method,
			boolean useCorsPreflight) {
		if (methods == null) {
			return useCorsPreflight ? List.of(method) : List.of();
		}
		return methods;
	}

	/**
	 * Fetch §2.2.2 "extract header list values" for a {@code #token} header ({@code #method}, {@code #field-name}):
	 * {@code null} if there is none, {@link #FAILURE} if a list element is not a token. Empty elements are ignored,
	 * as RFC 9110 §5.6.1.2 has recipients do.
	 */
	private static @Nullable List<String> extractTokenList(ResponseHeaders headers, String name) {
		// Parsing the combined value is parsing each header in turn: ", " is a list separator.
		String value = headers.get(name);
		if (value == null) {
			return null;
		}
		List<String> values = new ArrayList<>();
		for (String element : value.split(",", -1)) {
			String trimmed = trimOptionalWhitespace(element);
			if (trimmed.isEmpty()) {
				continue;
			}
			if (!HttpTokens.isToken(trimmed)) {
				return FAILURE;
			}
			values.add(trimmed);
		}
		return values;
	}

	/** RFC 9110 OWS: spaces and horizontal tabs. */
	private static String trimOptionalWhitespace(String value) {
		int start = 0;
		int end = value.length();
		while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
			start++;
		}
		while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
			end--;
		}
		return value.substring(start, end);
	}

	/** Fetch §2.2.2 "forbidden response-header name": {@code Set-Cookie} or {@code Set-Cookie2}. */
	private static boolean isForbiddenResponseHeaderName(String name) {
		String lower = HttpTokens.toAsciiLowerCase(name);
		return lower.equals("set-cookie") || lower.equals("set-cookie2");
	}

	private static boolean containsIgnoreCase(List<String> names, String name) {
		for (String candidate : names) {
			// Byte-case-insensitive: ASCII only, unlike String.equalsIgnoreCase.
			if (HttpTokens.toAsciiLowerCase(candidate).equals(HttpTokens.toAsciiLowerCase(name))) {
				return true;
			}
		}
		return false;
	}

}
