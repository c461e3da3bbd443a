package dev.springxhr.xhr.internal.url;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.springxhr.xhr.internal.encoding.Utf8;

/**
 * The URL standard's {@code application/x-www-form-urlencoded} parser and serializer, always in UTF-8.
 *
 * @see <a href="https://url.spec.whatwg.org/#application/x-www-form-urlencoded">URL §5
 * application/x-www-form-urlencoded</a>
 */
public final class FormUrlEncoding {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	/** The bytes the application/x-www-form-urlencoded percent-encode set leaves alone. */
	private static final boolean[] UNRESERVED = new boolean[128];

	static {
		for (char c = '0'; c <= '9'; c++) {
			UNRESERVED[c] = true;
		}
		for (char c = 'a'; c <= 'z'; c++) {
			UNRESERVED[c] = true;
			UNRESERVED[c - 32] = true;
		}
		for (char c : "*-._".toCharArray()) {
			UNRESERVED[c] = true;
		}
	}

	private FormUrlEncoding() {
	}

	/**
	 * URL §5.1 "application/x-www-form-urlencoded parser", applied to the UTF-8 encoding of {@code input}.
	 * @param input the string, for example a query without its '?'
	 * @return a new modifiable list of name-value pairs, in order
	 */
	public static List<Map.Entry<String, String>> parse(String input) {
		byte[] bytes = Utf8.encode(input);
		List<Map.Entry<String, String>> tuples = new ArrayList<>();
		// Step 1: split on '&'.
		int start = 0;
		while (start <= bytes.length) {
			int end = indexOf(bytes, (byte) '&', start, bytes.length);
			// Step 2.1: skip empty sequences.
			if (end > start) {
				// Steps 2.2-2.3: name and value split at the first '='.
				int equals = indexOf(bytes, (byte) '=', start, end);
				int nameEnd = (equals < end) ? equals : end;
				int valueStart = (equals < end) ? equals + 1 : end;
				// Steps 2.4-2.5: '+' to space, percent-decode, UTF-8 decode without BOM.
				tuples.add(Map.entry(decode(bytes, start, nameEnd), decode(bytes, valueStart, end)));
			}
			start = end + 1;
		}
		return tuples;
	}

	/**
	 * URL §5.2 "application/x-www-form-urlencoded serializer" with UTF-8: {@code name=value} pairs joined by '&'.
	 * @param tuples the name-value pairs; a lone surrogate is encoded as U+FFFD
	 * @return the serialization, the empty string for no pairs
	 */
	public static String serialize(List<? extends Map.Entry<String, String>> tuples) {
		StringBuilder output = new StringBuilder();
		for (int i = 0; i < tuples.size(); i++) {
			Map.Entry<String, String> tuple = tuples.get(i);
			if (i > 0) {
				output.append('&');
			}
			percentEncode(output, tuple.getKey());
			output.append('=');
			percentEncode(output, tuple.getValue());
		}
		return output.toString();
	}

	private static int indexOf(byte[] bytes, byte target, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] == target) {
				return i;
			}
		}
		return to;
	}

	/**
	 * '+' becomes a space, then URL §1.3 "percent-decode": {@code %XY} with two hex digits becomes that byte, any
	 * other '%' stays; then "UTF-8 decode without BOM", a U+FEFF is kept, an invalid sequence becomes U+FFFD. One
	 * pass does both: a '+' is not a hex digit, and a decoded byte is not decoded again.
	 */
	private static String decode(byte[] bytes, int from, int to) {
		byte[] decoded = PercentEncoding.decode(bytes, from, to, true);
		return Utf8.decodeWithoutBom(decoded, 0, decoded.length);
	}

	/**
	 * URL §1.3 "percent-encode after encoding" with UTF-8, the application/x-www-form-urlencoded percent-encode
	 * set and spaceAsPlus: ASCII alphanumerics and {@code *-._} stay, a space becomes '+', every other byte
	 * {@code %XX} in upper-case hex. Encodes code point by code point, without an intermediate byte array.
	 */
	private static void percentEncode(StringBuilder output, String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x80) {
				if (UNRESERVED[c]) {
					output.append(c);
				}
				else if (c == ' ') {
					output.append('+');
				}
				else {
					appendByte(output, c);
				}
			}
			else if (c < 0x800) {
				appendByte(output, 0xC0 | (c >> 6));
				appendByte(output, 0x80 | (c & 0x3F));
			}
			else if (Character.isHighSurrogate(c) && i + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(i + 1))) {
				int codePoint = Character.toCodePoint(c, value.charAt(++i));
				appendByte(output, 0xF0 | (codePoint >> 18));
				appendByte(output, 0x80 | ((codePoint >> 12) & 0x3F));
				appendByte(output, 0x80 | ((codePoint >> 6) & 0x3F));
				appendByte(output, 0x80 | (codePoint & 0x3F));
			}
			else {
				// A lone surrogate is U+FFFD, as the USVString conversion makes it.
				int codePoint = Character.isSurrogate(c) ? 0xFFFD : c;
				appendByte(output, 0xE0 | (codePoint >> 12));
				appendByte(output, 0x80 | ((codePoint >> 6) & 0x3F));
				appendByte(output, 0x80 | (codePoint & 0x3F));
			}
		}
	}

	private static void appendByte(StringBuilder output, int b) {
		output.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
	}

}
