package dev.springxhr.xhr;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.springxhr.xhr.internal.encoding.Utf8;

/**
 * HTML's "multipart/form-data encoding algorithm" (RFC 7578) for a {@link FormData}, byte for byte as Chromium
 * encodes it, always in UTF-8.
 *
 * @see <a href="https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#multipart-form-data">HTML
 * multipart/form-data encoding algorithm</a>
 */
final class MultipartFormData {

	private static final String BOUNDARY_PREFIX = "----SpringXhrFormBoundary";

	private static final char[] BOUNDARY_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
		.toCharArray();

	private static final int BOUNDARY_RANDOM_LENGTH = 16;

	private static final int MAX_SIZE = Integer.MAX_VALUE - 8;

	private static final byte[] CRLF = { '\r', '\n' };

	/** A boundary that no author can predict, so no value can fake the end of its part. */
	private static final SecureRandom RANDOM = new SecureRandom();

	private MultipartFormData() {
	}

	/**
	 * A new boundary: the prefix and 16 random ASCII alphanumerics, like Chromium's
	 * {@code ----WebKitFormBoundary} boundaries.
	 * @return the boundary, without the leading {@code --}
	 */
	static String newBoundary() {
		char[] chars = new char[BOUNDARY_RANDOM_LENGTH];
		for (int i = 0; i < chars.length; i++) {
			chars[i] = BOUNDARY_CHARS[RANDOM.nextInt(BOUNDARY_CHARS.length)];
		}
		return BOUNDARY_PREFIX + new String(chars);
	}

	/**
	 * Encode the entries of {@code form} into one array sized up front.
	 * @param form the form, whose entries are read once
	 * @param boundary the boundary, without the leading {@code --}
	 * @return the body and its Content-Type
	 * @throws IllegalArgumentException if the body would exceed the maximum size of a Java array
	 */
	static Encoded encode(FormData form, String boundary) {
		Objects.requireNonNull(form, "'form' must not be null");
		Objects.requireNonNull(boundary, "'boundary' must not be null");
		List<Map.Entry<String, Object>> entries = form.entries();
		int count = entries.size();
		String dashBoundary = "--" + boundary;
		// First pass: each part's head (boundary line and headers, up to the empty line) and its content, so that
		// the second pass fills one array of the exact size.
		byte[][] heads = new byte[count][];
		byte[][] contents = new byte[count][];
		int[] contentOffsets = new int[count];
		int[] contentLengths = new int[count];
		long total = 0;
		for (int i = 0; i < count; i++) {
			Map.Entry<String, Object> entry = entries.get(i);
			// Step 1: newlines in the name become CRLF; then RFC 7578 escaping for the header.
			StringBuilder head = new StringBuilder(dashBoundary.length() + 64);
			head.append(dashBoundary).append("\r\nContent-Disposition: form-data; name=\"");
			appendEscaped(head, normalizeNewlines(entry.getKey()));
			head.append('"');
			if (entry.getValue() instanceof File file) {
				// The filename is escaped but, unlike names and string values, its newlines are not normalized.
				head.append("; filename=\"");
				appendEscaped(head, file.getName());
				head.append("\"\r\nContent-Type: ");
				head.append(file.getType().isEmpty() ? "application/octet-stream" : file.getType());
				contents[i] = file.array();
				contentOffsets[i] = file.offset();
				contentLengths[i] = file.length();
			}
			else {
				// Step 2: newlines in a string value become CRLF.
				byte[] value = Utf8.encode(normalizeNewlines((String) entry.getValue()));
				contents[i] = value;
				contentLengths[i] = value.length;
			}
			// String parts have no Content-Type header: RFC 7578 §4.4 defaults them to text/plain.
			head.append("\r\n\r\n");
			heads[i] = Utf8.encode(head.toString());
			total += heads[i].length + (long) contentLengths[i] + CRLF.length;
		}
		byte[] close = (dashBoundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		total += close.length;
		if (total > MAX_SIZE) {
			throw new IllegalArgumentException("The multipart/form-data body would be " + total
					+ " bytes, more than " + MAX_SIZE);
		}
		byte[] body = new byte[(int) total];
		int position = 0;
		for (int i = 0; i < count; i++) {
			System.arraycopy(heads[i], 0, body, position, heads[i].length);
			position += heads[i].length;
			System.arraycopy(contents[i], contentOffsets[i], body, position, contentLengths[i]);
			position += contentLengths[i];
			System.arraycopy(CRLF, 0, body, position, CRLF.length);
			position += CRLF.length;
		}
		System.arraycopy(close, 0, body, position, close.length);
		// Fetch "extract a body": this exact Content-Type, with a space after the semicolon.
		return new Encoded(body, "multipart/form-data; boundary=" + boundary);
	}

	/**
	 * Replace every CR not followed by LF, and every LF not preceded by CR, by CRLF.
	 * @param value the string
	 * @return {@code value} itself when it has no such newline
	 */
	static String normalizeNewlines(String value) {
		int first = -1;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\r' || c == '\n') {
				first = i;
				break;
			}
		}
		if (first < 0) {
			return value;
		}
		StringBuilder result = new StringBuilder(value.length() + 8);
		result.append(value, 0, first);
		for (int i = first; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\r') {
				result.append("\r\n");
				if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
					i++;
				}
			}
			else if (c == '\n') {
				result.append("\r\n");
			}
			else {
				result.append(c);
			}
		}
		return result.toString();
	}

	/** HTML: in names and filenames, LF becomes {@code %0A}, CR {@code %0D} and '"' {@code %22}. */
	private static void appendEscaped(StringBuilder out, String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\n' -> out.append("%0A");
				case '\r' -> out.append("%0D");
				case '"' -> out.append("%22");
				default -> out.append(c);
			}
		}
	}

	/**
	 * An encoded form.
	 *
	 * @param body the {@code multipart/form-data} bytes
	 * @param contentType {@code multipart/form-data; boundary=} and the boundary
	 */
	record Encoded(byte[] body, String contentType) {
	}

}
