package dev.springxhr.xhr.internal.transport;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.mime.MimeType;

/**
 * A request body after Fetch's "extract a body": either bytes (a range of an array that is never copied again) or
 * a {@link BodyStream}, and the Content-Type the body implies. (The extraction from the API's body types is
 * {@code dev.springxhr.xhr.RequestBodies}.)
 *
 * @param bytes the array holding the body, or {@code null} for a streamed body
 * @param offset where the body starts in {@code bytes}
 * @param length the body length, {@code -1} for a stream of unknown length
 * @param stream the streamed body, or {@code null} for bytes
 * @param contentType the extracted Content-Type, or {@code null} for none
 * @param utf8Text whether the body is text the engine encoded as UTF-8 (a string, URLSearchParams or a document),
 * whose author Content-Type charset must say so
 * @see <a href="https://fetch.spec.whatwg.org/#concept-bodyinit-extract">Fetch §5.2 extract a body</a>
 */
public record RequestBody(byte @Nullable [] bytes, int offset, long length, @Nullable BodyStream stream,
		@Nullable String contentType, boolean utf8Text) {

		/** Whether the body has no bytes at all: it uploads nothing, so there are no upload events. */
	public boolean isEmpty() {
		return this.length == 0;
	}

	/**
	 * XHR §3.5 send() step 4.4: for a body encoded as UTF-8 (a string), an author Content-Type whose charset is
	 * not UTF-8 is corrected to {@code charset=UTF-8} and re-serialized; an unparsable one, or one without charset,
	 * is sent as set.
	 * @return the Content-Type to send
	 */
	public static String correctCharset(String authorContentType) {
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

}
