package dev.springxhr.xhr.internal.cors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.springxhr.xhr.internal.http.HttpTokens;
import dev.springxhr.xhr.internal.mime.MimeType;

/**
 * The request side of the CORS protocol: which methods and request headers are CORS-safelisted, and so whether a
 * cross-origin request needs a CORS-preflight fetch, and what its {@code Access-Control-Request-Headers} says.
 *
 * <p>Header values are ByteStrings (every char at most U+00FF, as {@code setRequestHeader()} enforces), so a
 * value's length in chars is its length in bytes.
 *
 * @see <a href="https://fetch.spec.whatwg.org/#cors-safelisted-request-header">Fetch §2.2.2 CORS-safelisted
 * request-header</a>
 * @see <a href="https://fetch.spec.whatwg.org/#cors-safelisted-method">Fetch §2.2.1 CORS-safelisted method</a>
 */
public final class CorsRequestRules {

	/** Fetch §2.2.2: a safelisted value is at most 128 bytes. */
	static final int MAX_SAFELISTED_VALUE_LENGTH = 128;

	/** Fetch §2.2.2 CORS-unsafe request-header names step 5: the budget for all safelisted values together. */
	static final int SAFELIST_VALUE_BUDGET = 1024;

	private CorsRequestRules() {
	}

	/** Fetch §2.2.1 "CORS-safelisted method": {@code GET}, {@code HEAD} or {@code POST}, byte-exact. */
	static boolean isSafelistedMethod(String method) {
		return method.equals("GET") || method.equals("HEAD") || method.equals("POST");
	}

	/** Fetch §2.2.2 "CORS non-wildcard request-header name": {@code Authorization}, byte-case-insensitive. */
	static boolean isNonWildcardRequestHeaderName(String name) {
		return HttpTokens.toAsciiLowerCase(name).equals("authorization");
	}

	/** Fetch §2.2.2 "CORS-safelisted request-header" for (name, value). */
	static boolean isSafelistedRequestHeader(String name, String value) {
		// Step 1.
		if (value.length() > MAX_SAFELISTED_VALUE_LENGTH) {
			return false;
		}
		// Step 2: switch on the byte-lowercased name.
		return switch (HttpTokens.toAsciiLowerCase(name)) {
			case "accept" -> !containsCorsUnsafeRequestHeaderByte(value);
			case "accept-language", "content-language" -> isLanguageValue(value);
			case "content-type" -> isSafelistedContentType(value);
			case "range" -> isSimpleRangeHeaderValue(value);
			default -> false;
		};
	}

	/**
	 * Fetch §2.2.2 "CORS-unsafe request-header names" of a header list: the names of the headers that are not
	 * CORS-safelisted, and all names if the safelisted values exceed 1024 bytes together, as a sorted-lowercase set.
	 * @param headers the request's header list: the author request headers, including the {@code Content-Type}
	 * that {@code send()} added for the body, and the {@code Accept} and {@code Accept-Language} that fetch adds
	 */
	public static List<String> unsafeHeaderNames(List<? extends Map.Entry<String, String>> headers) {
		List<String> unsafeNames = new ArrayList<>();
		List<String> potentiallyUnsafeNames = new ArrayList<>();
		long safelistValueSize = 0;
		for (Map.Entry<String, String> header : headers) {
			if (!isSafelistedRequestHeader(header.getKey(), header.getValue())) {
				unsafeNames.add(header.getKey());
			}
			else {
				potentiallyUnsafeNames.add(header.getKey());
				safelistValueSize += header.getValue().length();
			}
		}
		if (safelistValueSize > SAFELIST_VALUE_BUDGET) {
			unsafeNames.addAll(potentiallyUnsafeNames);
		}
		return sortedLowercaseSet(unsafeNames);
	}

	/**
	 * Whether a cross-origin request goes through HTTP fetch with makeCORSPreflight true: Fetch §4.1 main fetch,
	 * "request's use-CORS-preflight flag is set, or request's unsafe-request flag is set and either request's method
	 * is not a CORS-safelisted method or CORS-unsafe request-header names with request's header list is not empty".
	 * XHR always sets the unsafe-request flag. Whether a preflight is then fetched depends on the
	 * {@link PreflightCache} too (Fetch §4.3 HTTP fetch step 4.1).
	 * @param method the normalized method
	 * @param authorHeaders the request's header list, as for {@link #unsafeHeaderNames(List)}
	 * @param uploadListener XHR's upload listener flag, which becomes the use-CORS-preflight flag
	 */
	static boolean needsPreflight(String method, List<? extends Map.Entry<String, String>> authorHeaders,
			boolean uploadListener) {
		return uploadListener || !isSafelistedMethod(method) || !unsafeHeaderNames(authorHeaders).isEmpty();
	}

	/**
	 * The value of a preflight's {@code Access-Control-Request-Headers}: Fetch §4.7 CORS-preflight fetch step 5,
	 * the names (already a sorted-lowercase set) separated by {@code ,} with no space.
	 */
	public static String accessControlRequestHeaders(List<String> unsafeHeaderNames) {
		return String.join(",", unsafeHeaderNames);
	}

	/** Fetch §2.2.2 "convert header names to a sorted-lowercase set": byte-lowercase, de-duplicate, byte order. */
	static List<String> sortedLowercaseSet(List<String> names) {
		// For ASCII (header names are tokens) String's natural order is byte order.
		TreeSet<String> set = new TreeSet<>();
		for (String name : names) {
			set.add(HttpTokens.toAsciiLowerCase(name));
		}
		return List.copyOf(set);
	}

	/**
	 * Fetch §2.2.2 "CORS-unsafe request-header byte": a byte below 0x20 other than HT, one of 0x22 ("), 0x28 ((),
	 * 0x29 ()), 0x3A (:), 0x3C (&lt;), 0x3E (&gt;), 0x3F (?), 0x40 (@), 0x5B ([), 0x5C (\), 0x5D (]), 0x7B (&#123;),
	 * 0x7D (&#125;), or DEL.
	 */
	static boolean isCorsUnsafeRequestHeaderByte(char c) {
		if (c < 0x20) {
			return c != 0x09;
		}
		return switch (c) {
			case '"', '(', ')', ':', '<', '>', '?', '@', '[', '\\', ']', '{', '}', 0x7F -> true;
			default -> false;
		};
	}

	private static boolean containsCorsUnsafeRequestHeaderByte(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (isCorsUnsafeRequestHeaderByte(value.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	/** {@code Accept-Language} and {@code Content-Language}: only 0-9, A-Z, a-z, space, {@code *,-.;=}. */
	private static boolean isLanguageValue(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean allowed = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
					|| c == ' ' || c == '*' || c == ',' || c == '-' || c == '.' || c == ';' || c == '=';
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

	private static boolean isSafelistedContentType(String value) {
		if (containsCorsUnsafeRequestHeaderByte(value)) {
			return false;
		}
		MimeType mimeType = MimeType.parse(value);
		if (mimeType == null) {
			return false;
		}
		String essence = mimeType.essence();
		return essence.equals("application/x-www-form-urlencoded") || essence.equals("multipart/form-data")
				|| essence.equals("text/plain");
	}

	/**
	 * Fetch §2.2.2 {@code range}: "parse a single range header value" with allowWhitespace false succeeds and has a
	 * start, so {@code bytes=N-} or {@code bytes=N-M} with N ≤ M; suffix ranges such as {@code bytes=-500} are not
	 * safelisted.
	 */
	private static boolean isSimpleRangeHeaderValue(String value) {
		// "If data does not start with "bytes"": a case-sensitive comparison.
		if (!value.startsWith("bytes=")) {
			return false;
		}
		int position = 6;
		int startEnd = skipDigits(value, position);
		String rangeStart = value.substring(position, startEnd);
		position = startEnd;
		if (position >= value.length() || value.charAt(position) != '-') {
			return false;
		}
		position++;
		int endEnd = skipDigits(value, position);
		String rangeEnd = value.substring(position, endEnd);
		if (endEnd != value.length()) {
			return false;
		}
		// Safelisting step "If rangeValue[0] is null, return false" (this also covers "both null is failure").
		if (rangeStart.isEmpty()) {
			return false;
		}
		return rangeEnd.isEmpty() || compareDecimal(rangeStart, rangeEnd) <= 0;
	}

	private static int skipDigits(String value, int position) {
		while (position < value.length() && value.charAt(position) >= '0' && value.charAt(position) <= '9') {
			position++;
		}
		return position;
	}

	/** Compare two ASCII-digit strings as (unbounded) decimal numbers. */
	private static int compareDecimal(String a, String b) {
		String x = stripLeadingZeros(a);
		String y = stripLeadingZeros(b);
		return (x.length() != y.length()) ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
	}

	private static String stripLeadingZeros(String digits) {
		int i = 0;
		while (i < digits.length() - 1 && digits.charAt(i) == '0') {
			i++;
		}
		return digits.substring(i);
	}

}
