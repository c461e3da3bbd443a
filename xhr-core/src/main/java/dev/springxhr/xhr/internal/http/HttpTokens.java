package dev.springxhr.xhr.internal.http;

/**
 * The grammar the XHR and Fetch standards check strings against: HTTP tokens (methods, header names), header
 * values, and WebIDL ByteStrings.
 *
 * @see <a href="https://fetch.spec.whatwg.org/#concept-header-value">Fetch §2.2.2 header value</a>
 */
public final class HttpTokens {

	private static final boolean[] TCHAR = new boolean[128];

	static {
		for (char c = '0'; c <= '9'; c++) {
			TCHAR[c] = true;
		}
		for (char c = 'a'; c <= 'z'; c++) {
			TCHAR[c] = true;
			TCHAR[Character.toUpperCase(c)] = true;
		}
		for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
			TCHAR[c] = true;
		}
	}

	private HttpTokens() {
	}

	/** RFC 9110 {@code token}: 1*tchar. Methods and header names are tokens. */
	public static boolean isToken(String value) {
		if (value.isEmpty()) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= 128 || !TCHAR[c]) {
				return false;
			}
		}
		return true;
	}

	/** RFC 9110 {@code tchar}: whether a character may be part of a token. */
	public static boolean isTokenChar(int c) {
		return c < 128 && c >= 0 && TCHAR[c];
	}

	/** WebIDL ByteString: every code unit is at most U+00FF (else a TypeError). */
	public static boolean isByteString(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) > 0xFF) {
				return false;
			}
		}
		return true;
	}

	/** Fetch "header value": no leading or trailing tab or space, and no NUL, LF or CR. */
	public static boolean isHeaderValue(String value) {
		int length = value.length();
		if (length > 0 && (isTabOrSpace(value.charAt(0)) || isTabOrSpace(value.charAt(length - 1)))) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (c == 0x00 || c == 0x0A || c == 0x0D) {
				return false;
			}
		}
		return true;
	}

	/** Fetch "normalize": remove leading and trailing HTTP whitespace (tab, LF, CR, space). */
	public static String normalizeHeaderValue(String value) {
		int start = 0;
		int end = value.length();
		while (start < end && isHttpWhitespace(value.charAt(start))) {
			start++;
		}
		while (end > start && isHttpWhitespace(value.charAt(end - 1))) {
			end--;
		}
		return value.substring(start, end);
	}

	public static boolean isHttpWhitespace(char c) {
		return c == 0x09 || c == 0x0A || c == 0x0D || c == 0x20;
	}

	private static boolean isTabOrSpace(char c) {
		return c == 0x09 || c == 0x20;
	}

	/** ASCII lower-casing, which is what "byte-case-insensitive" means; never locale-sensitive. */
	public static String toAsciiLowerCase(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= 'A' && c <= 'Z') {
				char[] chars = value.toCharArray();
				for (int j = i; j < chars.length; j++) {
					if (chars[j] >= 'A' && chars[j] <= 'Z') {
						chars[j] = (char) (chars[j] + 32);
					}
				}
				return new String(chars);
			}
		}
		return value;
	}

	static String toAsciiUpperCase(String value) {
		char[] chars = value.toCharArray();
		for (int j = 0; j < chars.length; j++) {
			if (chars[j] >= 'a' && chars[j] <= 'z') {
				chars[j] = (char) (chars[j] - 32);
			}
		}
		return new String(chars);
	}

}
