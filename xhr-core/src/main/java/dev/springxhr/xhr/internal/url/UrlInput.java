package dev.springxhr.xhr.internal.url;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import dev.springxhr.xhr.internal.http.HttpTokens;

/**
 * What the URL Standard's basic URL parser does to its input, done before {@link URI} parses it: {@code URI} is
 * stricter than the standard, so the input a browser accepts is first made into one {@code URI} holds.
 *
 * @see <a href="https://url.spec.whatwg.org/#concept-basic-url-parser">URL Standard: basic URL parser</a>
 */
final class UrlInput {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private UrlInput() {
	}

	/**
	 * The input as {@link URI} can hold it: leading and trailing C0 controls and spaces stripped, tabs and
	 * newlines removed, a backslash turned into {@code /} before the query of a special URL, {@code '} encoded in
	 * a special query, and the characters {@link URI} rejects percent-encoded as UTF-8.
	 * @param url the input of open()
	 * @return the prepared input
	 */
	static String prepare(String url) {
		int start = 0;
		int end = url.length();
		while (start < end && url.charAt(start) <= 0x20) {
			start++;
		}
		while (end > start && url.charAt(end - 1) <= 0x20) {
			end--;
		}
		StringBuilder result = new StringBuilder(end - start + 16);
		boolean inQuery = false;
		boolean inFragment = false;
		int authorityEnd = authorityEnd(url, start, end);
		// The URL Standard turns a backslash into '/' only in special URLs (and relative ones, whose base is http(s)).
		boolean special = !hasNonSpecialScheme(url, start, end);
		for (int i = start; i < end; i++) {
			char c = url.charAt(i);
			if (c == '\t' || c == '\n' || c == '\r') {
				continue;
			}
			if (c == '#' && !inFragment) {
				inFragment = true;
				result.append(c);
				continue;
			}
			if (c == '?' && !inQuery && !inFragment) {
				inQuery = true;
				result.append(c);
				continue;
			}
			boolean inHost = i < authorityEnd;
			if (c == '\'' && special && inQuery && !inFragment) {
				// The special-query percent-encode set (URL Standard §1.3) adds ' for http(s).
				result.append("%27");
				continue;
			}
			if (c == '\\' && special && !inQuery && !inFragment) {
				result.append('/');
			}
			else if (c == '%' && !(i + 2 < end && isHex(url.charAt(i + 1)) && isHex(url.charAt(i + 2)))) {
				result.append("%25");
			}
			else if (c >= 0x80 || c < 0x20 || c == ' ' || c == '"' || c == '<' || c == '>' || c == '`' || c == '{'
					|| c == '}' || c == '|' || c == '^' || c == '\\' || c == 0x7F
					|| (!inHost && (c == '[' || c == ']')) || (inFragment && c == '#')) {
				appendPercentEncoded(result, url, i);
				if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(url.charAt(i + 1))) {
					i++;
				}
			}
			else {
				result.append(c);
			}
		}
		return result.toString();
	}

	/** Whether the URL starts with a scheme other than http and https, such as {@code data:}. */
	private static boolean hasNonSpecialScheme(String url, int start, int end) {
		int colon = url.indexOf(':', start);
		if (colon <= start || colon >= end || !Character.isLetter(url.charAt(start))) {
			return false;
		}
		for (int i = start; i < colon; i++) {
			char c = url.charAt(i);
			if (!(Character.isLetterOrDigit(c) && c < 0x80) && c != '+' && c != '-' && c != '.') {
				return false;
			}
		}
		String scheme = HttpTokens.toAsciiLowerCase(url.substring(start, colon));
		return !scheme.equals("http") && !scheme.equals("https");
	}

	/** The index after "scheme://authority", so that IPv6 brackets in the host are left alone. */
	private static int authorityEnd(String url, int start, int end) {
		int slashes = url.indexOf("//", start);
		if (slashes < 0 || slashes >= end) {
			return start;
		}
		for (int i = slashes + 2; i < end; i++) {
			char c = url.charAt(i);
			if (c == '/' || c == '?' || c == '#' || c == '\\') {
				return i;
			}
		}
		return end;
	}

	private static void appendPercentEncoded(StringBuilder result, String url, int index) {
		int codePoint = url.codePointAt(index);
		if (Character.isSurrogate(url.charAt(index)) && Character.charCount(codePoint) == 1) {
			codePoint = 0xFFFD; // a lone surrogate becomes U+FFFD, as USVString conversion does
		}
		byte[] bytes = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
		for (byte b : bytes) {
			result.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
		}
	}

	private static boolean isHex(char c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

}
