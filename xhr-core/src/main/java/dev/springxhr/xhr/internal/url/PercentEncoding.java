package dev.springxhr.xhr.internal.url;

import java.util.Arrays;

import dev.springxhr.xhr.internal.encoding.Utf8;

/**
 * The URL Standard's percent-decoding, shared by URLs, {@code data:} URLs and application/x-www-form-urlencoded:
 * {@code %XY} with two hex digits becomes the byte {@code 0xXY}; anything else, a malformed {@code %} included,
 * stays as it is.
 *
 * @see <a href="https://url.spec.whatwg.org/#percent-decode">URL §1.3 percent-decode</a>
 */
public final class PercentEncoding {

	private PercentEncoding() {
	}

	/** URL §1.3 "percent-decode a string": UTF-8 encode (a lone surrogate as U+FFFD), then percent-decode. */
	static byte[] decode(String input) {
		byte[] bytes = Utf8.encode(input);
		return decode(bytes, 0, bytes.length, false);
	}

	/** Percent-decode a string and UTF-8 decode the result (invalid sequences become U+FFFD). */
	public static String decodeToString(String input) {
		if (input.indexOf('%') < 0) {
			return input;
		}
		byte[] decoded = decode(input);
		return Utf8.decodeWithoutBom(decoded, 0, decoded.length);
	}

	/**
	 * URL §1.3 "percent-decode" of {@code bytes[from, to)}.
	 * @param plusAsSpace whether '+' means a space, as in application/x-www-form-urlencoded
	 */
	static byte[] decode(byte[] bytes, int from, int to, boolean plusAsSpace) {
		byte[] output = new byte[to - from];
		int length = 0;
		for (int i = from; i < to; i++) {
			byte b = bytes[i];
			if (b == '%' && i + 2 < to) {
				int high = hexValue(bytes[i + 1]);
				int low = hexValue(bytes[i + 2]);
				if (high >= 0 && low >= 0) {
					output[length++] = (byte) ((high << 4) | low);
					i += 2;
					continue;
				}
			}
			output[length++] = (plusAsSpace && b == '+') ? (byte) ' ' : b;
		}
		return (length == output.length) ? output : Arrays.copyOf(output, length);
	}

	/** The value of an ASCII hex digit, or {@code -1}. */
	public static int hexValue(int c) {
		if (c >= '0' && c <= '9') {
			return c - '0';
		}
		if (c >= 'a' && c <= 'f') {
			return c - 'a' + 10;
		}
		if (c >= 'A' && c <= 'F') {
			return c - 'A' + 10;
		}
		return -1;
	}

}
