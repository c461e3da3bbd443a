package dev.springxhr.xhr;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * A request body after Fetch's "extract a body": its bytes (a range of an array that is never copied again) and
 * the Content-Type it implies.
 *
 * @param bytes the array holding the body
 * @param offset where the body starts in {@code bytes}
 * @param length the body length
 * @param contentType the extracted Content-Type, or {@code null} for none
 * @param utf8Text whether the body is text the engine encoded as UTF-8, whose Content-Type charset must say so
 * @see <a href="https://fetch.spec.whatwg.org/#concept-bodyinit-extract">Fetch §5.2 extract a body</a>
 */
record RequestBody(byte[] bytes, int offset, int length, @Nullable String contentType, boolean utf8Text) {

	/**
	 * Extract a body: String (UTF-8, {@code text/plain;charset=UTF-8}), {@code byte[]} and {@link ByteBuffer}
	 * (their bytes, no Content-Type), anything else as its {@code toString()} (WebIDL's ToString).
	 */
	static RequestBody extract(Object body) {
		if (body instanceof byte[] array) {
			// A BufferSource is copied when send() runs, so later writes to the array do not change what is sent.
			byte[] copy = array.clone();
			return new RequestBody(copy, 0, copy.length, null, false);
		}
		if (body instanceof ByteBuffer buffer) {
			byte[] copy = new byte[buffer.remaining()];
			buffer.duplicate().get(copy);
			return new RequestBody(copy, 0, copy.length, null, false);
		}
		String text = (body instanceof String string) ? string : String.valueOf(body);
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8); // lone surrogates become '?'; see toUsvString
		if (hasLoneSurrogate(text)) {
			utf8 = toUsvString(text).getBytes(StandardCharsets.UTF_8);
		}
		return new RequestBody(utf8, 0, utf8.length, "text/plain;charset=UTF-8", true);
	}

	/**
	 * XHR §3.5 send() step 4.4: for a body encoded as UTF-8 (a string), an author Content-Type whose charset is
	 * not UTF-8 is corrected to {@code charset=UTF-8} and re-serialized; an unparsable one, or one without charset,
	 * is sent as set.
	 * @return the Content-Type to send
	 */
	static String correctCharset(String authorContentType) {
		MimeType parsed = MimeType.parse(authorContentType);
		if (parsed == null) {
			return authorContentType;
		}
		String charset = parsed.parameter("charset");
		if (charset == null || charset.equalsIgnoreCase("UTF-8")) {
			return authorContentType;
		}
		return parsed.withParameter("charset", "UTF-8").serialize();
	}

	private static boolean hasLoneSurrogate(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

	/** WebIDL USVString conversion: a lone surrogate becomes U+FFFD. */
	private static String toUsvString(String text) {
		StringBuilder result = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				result.append(c).append(text.charAt(++i));
			}
			else {
				result.append(Character.isSurrogate(c) ? '\uFFFD' : c);
			}
		}
		return result.toString();
	}

}
