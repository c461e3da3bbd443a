package dev.springxhr.xhr.internal.url;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.mime.MimeType;

/**
 * The Fetch Standard's {@code data:} URL processor, with the URL Standard's percent-decoding and the Infra
 * Standard's forgiving-base64 decode it relies on.
 *
 * @see <a href="https://fetch.spec.whatwg.org/#data-url-processor">Fetch §4.2.1 data: URL processor</a>
 */
public final class DataUrls {

	private static final String SCHEME = "data:";

	// Fetch §4.2.1 step 12: the MIME type of a data: URL whose own cannot be parsed.
	private static final MimeType DEFAULT_MIME_TYPE = defaultMimeType();

	// Infra §4.7 forgiving-base64: the value of each base64 alphabet character, -1 for any other ASCII character.
	private static final byte[] BASE64_VALUES = new byte[128];

	static {
		Arrays.fill(BASE64_VALUES, (byte) -1);
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
		for (int i = 0; i < alphabet.length(); i++) {
			BASE64_VALUES[alphabet.charAt(i)] = (byte) i;
		}
	}

	private DataUrls() {
	}

	/**
	 * Fetch §4.2.1 "data: URL processor".
	 * @param url the serialized URL, its fragment excluded (a fragment that is left is cut off); the scheme is
	 * matched ASCII case-insensitively
	 * @return the MIME type and body, or {@code null} (failure: not a {@code data:} URL, no ',', or a base64
	 * body that does not decode)
	 */
	public static @Nullable DataUrl process(String url) {
		if (!url.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			return null;
		}
		// Step 1 serializes with "exclude fragment"; a caller that did not is forgiven.
		int hash = url.indexOf('#');
		String input = url.substring(SCHEME.length(), (hash >= 0) ? hash : url.length());
		// Steps 4-6: the MIME type is everything before the first ',' (which a MIME type therefore never holds).
		int comma = input.indexOf(',');
		if (comma < 0) {
			return null;
		}
		String mimeType = stripAsciiWhitespace(input.substring(0, comma));
		// Steps 8-9: the rest is percent-decoded, never the MIME type.
		byte[] body = PercentEncoding.decode(input.substring(comma + 1));
		// Step 10: ";" then any spaces then "base64", in any case, ends the MIME type of a base64 body.
		int base64Suffix = base64SuffixStart(mimeType);
		if (base64Suffix >= 0) {
			byte[] decoded = forgivingBase64Decode(isomorphicDecode(body));
			if (decoded == null) {
				return null;
			}
			body = decoded;
			mimeType = mimeType.substring(0, base64Suffix);
		}
		// Step 11: a MIME type of parameters only is about text/plain.
		if (mimeType.startsWith(";")) {
			mimeType = "text/plain" + mimeType;
		}
		MimeType parsed = MimeType.parse(mimeType);
		return new DataUrl((parsed != null) ? parsed : DEFAULT_MIME_TYPE, body);
	}

	/**
	 * Infra §4.7 "forgiving-base64 decode", the algorithm of {@code atob()}: ASCII whitespace is ignored, and so
	 * are missing padding and the bits left over at the end.
	 * @return the bytes, or {@code null} (failure)
	 */
	static byte @Nullable [] forgivingBase64Decode(String data) {
		// Step 1: remove ASCII whitespace.
		char[] chars = new char[data.length()];
		int length = 0;
		for (int i = 0; i < data.length(); i++) {
			char c = data.charAt(i);
			if (!isAsciiWhitespace(c)) {
				chars[length++] = c;
			}
		}
		// Step 2: with a length that is a multiple of four, one or two '=' at the end are padding.
		if (length % 4 == 0) {
			if (length > 0 && chars[length - 1] == '=') {
				length--;
				if (chars[length - 1] == '=') {
					length--;
				}
			}
		}
		// Step 3: one character alone carries six bits, less than a byte. A supplementary code point counts as
		// one code point there, but step 4 rejects it whatever the length, so counting UTF-16 units is the same.
		if (length % 4 == 1) {
			return null;
		}
		byte[] output = new byte[length * 3 / 4];
		int outputLength = 0;
		int buffer = 0;
		int bits = 0;
		for (int i = 0; i < length; i++) {
			char c = chars[i];
			// Step 4: anything but the alphabet (including a '=' that is not padding) is failure.
			int value = (c < 128) ? BASE64_VALUES[c] : -1;
			if (value < 0) {
				return null;
			}
			// Steps 6-7: append six bits; every 24 bits are three bytes.
			buffer = (buffer << 6) | value;
			bits += 6;
			if (bits == 24) {
				output[outputLength++] = (byte) (buffer >> 16);
				output[outputLength++] = (byte) (buffer >> 8);
				output[outputLength++] = (byte) buffer;
				buffer = 0;
				bits = 0;
			}
		}
		// Step 8: 12 bits left are one byte and 18 bits two; the last four or two bits are discarded.
		if (bits == 12) {
			output[outputLength++] = (byte) (buffer >> 4);
		}
		else if (bits == 18) {
			output[outputLength++] = (byte) (buffer >> 10);
			output[outputLength++] = (byte) (buffer >> 2);
		}
		return (outputLength == output.length) ? output : Arrays.copyOf(output, outputLength);
	}

	/**
	 * Where the {@code ;base64} suffix of Fetch §4.2.1 step 10 starts, or -1: the index of the ';' after removing
	 * "base64", then trailing U+0020 SPACE, then the last ';'.
	 */
	private static int base64SuffixStart(String mimeType) {
		int end = mimeType.length() - 6;
		if (end < 1 || !mimeType.regionMatches(true, end, "base64", 0, 6)) {
			return -1;
		}
		while (end > 0 && mimeType.charAt(end - 1) == ' ') {
			end--;
		}
		return (end > 0 && mimeType.charAt(end - 1) == ';') ? end - 1 : -1;
	}

	/** Infra §4.6 "isomorphic decode": each byte is the code point of the same value. */
	private static String isomorphicDecode(byte[] bytes) {
		char[] chars = new char[bytes.length];
		for (int i = 0; i < bytes.length; i++) {
			chars[i] = (char) (bytes[i] & 0xFF);
		}
		return new String(chars);
	}

	/** Infra §4.6 "strip leading and trailing ASCII whitespace". */
	private static String stripAsciiWhitespace(String value) {
		int start = 0;
		int end = value.length();
		while (start < end && isAsciiWhitespace(value.charAt(start))) {
			start++;
		}
		while (end > start && isAsciiWhitespace(value.charAt(end - 1))) {
			end--;
		}
		return value.substring(start, end);
	}

	/** Infra §4.6 ASCII whitespace: tab, LF, FF, CR and space (HTTP whitespace lacks FF). */
	private static boolean isAsciiWhitespace(char c) {
		return c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20;
	}

	private static MimeType defaultMimeType() {
		MimeType mimeType = MimeType.parse("text/plain;charset=US-ASCII");
		if (mimeType == null) {
			throw new IllegalStateException("text/plain;charset=US-ASCII does not parse");
		}
		return mimeType;
	}

	/**
	 * A processed {@code data:} URL: its MIME type and body. The body array is the record's own, not copied.
	 * @param mimeType the parsed MIME type, {@code text/plain;charset=US-ASCII} if the URL's did not parse
	 * @param body the decoded bytes
	 */
	public record DataUrl(MimeType mimeType, byte[] body) {
	}

}
