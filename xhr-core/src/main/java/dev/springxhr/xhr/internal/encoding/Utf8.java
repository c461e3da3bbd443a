package dev.springxhr.xhr.internal.encoding;

import java.nio.charset.StandardCharsets;

/**
 * The Encoding Standard's UTF-8 encoder and decoder. The decoder is not {@code new String(bytes, UTF_8)}: the JDK
 * turns an encoded surrogate such as {@code ED A0 80} into one U+FFFD where the standard's decoder, which only
 * accepts {@code 80}-{@code 9F} after {@code ED}, gives one U+FFFD for each of the three bytes.
 *
 * @see <a href="https://encoding.spec.whatwg.org/#utf-8-decoder">Encoding §9.1.1 UTF-8 decoder</a>
 */
public final class Utf8 {

	private Utf8() {
	}

	/**
	 * Encoding §9.1 "UTF-8 encode" of the USVString conversion of {@code value}: {@code String.getBytes} alone
	 * would turn a lone surrogate into {@code '?'} where the standards want U+FFFD ({@code EF BF BD}).
	 * @param value the string
	 * @return its UTF-8 bytes
	 */
	public static byte[] encode(String value) {
		return UsvStrings.toUsvString(value).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Encoding §9.1.1 UTF-8 decoder without BOM handling ("UTF-8 decode without BOM"): each maximal invalid
	 * subsequence becomes U+FFFD, and a leading U+FEFF is kept.
	 * @param bytes the bytes
	 * @param offset where to start in {@code bytes}
	 * @param length how many bytes to decode
	 * @return the decoded string
	 */
	public static String decodeWithoutBom(byte[] bytes, int offset, int length) {
		// Fast path: for well-formed input (no U+FFFD produced) the JDK's intrinsic decoder gives the same string.
		String fast = new String(bytes, offset, length, StandardCharsets.UTF_8);
		if (fast.indexOf('\uFFFD') < 0) {
			return fast;
		}
		return decodeStrictly(bytes, offset, length);
	}

	private static String decodeStrictly(byte[] bytes, int offset, int length) {
		int end = offset + length;
		char[] chars = new char[length];
		int count = 0;
		int codePoint = 0;
		int bytesSeen = 0;
		int bytesNeeded = 0;
		int lowerBoundary = 0x80;
		int upperBoundary = 0xBF;
		for (int i = offset; i < end; i++) {
			int b = bytes[i] & 0xFF;
			if (bytesNeeded == 0) {
				if (b <= 0x7F) {
					chars[count++] = (char) b;
				}
				else if (b >= 0xC2 && b <= 0xDF) {
					bytesNeeded = 1;
					codePoint = b & 0x1F;
				}
				else if (b >= 0xE0 && b <= 0xEF) {
					// E0 must not start an overlong form, ED must not start a surrogate.
					lowerBoundary = (b == 0xE0) ? 0xA0 : 0x80;
					upperBoundary = (b == 0xED) ? 0x9F : 0xBF;
					bytesNeeded = 2;
					codePoint = b & 0x0F;
				}
				else if (b >= 0xF0 && b <= 0xF4) {
					// F0 must not start an overlong form, F4 must not go past U+10FFFF.
					lowerBoundary = (b == 0xF0) ? 0x90 : 0x80;
					upperBoundary = (b == 0xF4) ? 0x8F : 0xBF;
					bytesNeeded = 3;
					codePoint = b & 0x07;
				}
				else {
					chars[count++] = '\uFFFD';
				}
				continue;
			}
			if (b < lowerBoundary || b > upperBoundary) {
				// An error, and the byte is processed again as the start of a new sequence ("prepend").
				codePoint = 0;
				bytesSeen = 0;
				bytesNeeded = 0;
				lowerBoundary = 0x80;
				upperBoundary = 0xBF;
				chars[count++] = '\uFFFD';
				i--;
				continue;
			}
			lowerBoundary = 0x80;
			upperBoundary = 0xBF;
			codePoint = (codePoint << 6) | (b & 0x3F);
			bytesSeen++;
			if (bytesSeen == bytesNeeded) {
				// At most as many chars as bytes: a supplementary code point takes 2 chars for its 4 bytes.
				count += Character.toChars(codePoint, chars, count);
				codePoint = 0;
				bytesSeen = 0;
				bytesNeeded = 0;
			}
		}
		if (bytesNeeded != 0) {
			// End of input inside a sequence.
			chars[count++] = '\uFFFD';
		}
		return new String(chars, 0, count);
	}

	/**
	 * Encoding §6 "UTF-8 decode": a leading UTF-8 BOM is removed, then as {@link #decodeWithoutBom}.
	 * @param bytes the bytes
	 * @param offset where to start in {@code bytes}
	 * @param length how many bytes to decode
	 * @return the decoded string
	 */
	public static String decode(byte[] bytes, int offset, int length) {
		if (length >= 3 && bytes[offset] == (byte) 0xEF && bytes[offset + 1] == (byte) 0xBB
				&& bytes[offset + 2] == (byte) 0xBF) {
			return decodeWithoutBom(bytes, offset + 3, length - 3);
		}
		return decodeWithoutBom(bytes, offset, length);
	}

}
