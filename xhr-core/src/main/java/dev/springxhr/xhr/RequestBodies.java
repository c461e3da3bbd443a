package dev.springxhr.xhr;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.reactivestreams.Publisher;
import org.w3c.dom.Document;

import org.springframework.core.io.Resource;
import org.springframework.core.io.buffer.DataBuffer;

import dev.springxhr.xhr.internal.document.DocumentSerializer;
import dev.springxhr.xhr.internal.document.HtmlDocumentParser;
import dev.springxhr.xhr.internal.encoding.UsvStrings;
import dev.springxhr.xhr.internal.transport.BodyStream;
import dev.springxhr.xhr.internal.transport.RequestBody;

import org.jspecify.annotations.Nullable;

/**
 * Fetch's "extract a body" for the body types {@code send()} takes: the API's own ({@link Blob},
 * {@link FormData}, {@link URLSearchParams}, {@link StreamingBody}) and Java's.
 *
 * @see <a href="https://fetch.spec.whatwg.org/#concept-bodyinit-extract">Fetch §5.2 extract a body</a>
 */
final class RequestBodies {

	private static final String TEXT_PLAIN_UTF8 = "text/plain;charset=UTF-8";

	private RequestBodies() {
	}

	/**
	 * Extract a body (Fetch "extract a body", XHR §3.5 send() step 4): String (UTF-8), {@code byte[]} and
	 * {@link ByteBuffer} (a copy, no Content-Type), {@link Blob} (its bytes and type), {@link FormData}
	 * (multipart/form-data), {@link URLSearchParams}, {@link Document} (serialized), {@link StreamingBody},
	 * {@link Publisher} and {@link Resource} (streamed), anything else as its {@code toString()} (WebIDL's
	 * ToString).
	 */
	@SuppressWarnings("unchecked")
	static RequestBody extract(Object body) {
		if (body instanceof byte[] array) {
			// A BufferSource is copied when send() runs, so later writes to the array do not change what is sent.
			return bytes(array.clone(), null, false);
		}
		if (body instanceof ByteBuffer buffer) {
			byte[] copy = new byte[buffer.remaining()];
			buffer.duplicate().get(copy);
			return bytes(copy, null, false);
		}
		if (body instanceof Blob blob) {
			// A Blob is immutable: its bytes are sent as they are.
			String type = blob.getType();
			return new RequestBody(blob.array(), blob.offset(), blob.length(), null, type.isEmpty() ? null : type,
					false);
		}
		if (body instanceof FormData form) {
			MultipartFormData.Encoded encoded = MultipartFormData.encode(form, MultipartFormData.newBoundary());
			return bytes(encoded.body(), encoded.contentType(), false);
		}
		if (body instanceof URLSearchParams params) {
			return bytes(params.toString().getBytes(StandardCharsets.UTF_8),
					"application/x-www-form-urlencoded;charset=UTF-8", true);
		}
		if (body instanceof Document document) {
			// XHR §3.5 send() step 4.1-4.2: serialized, converted and UTF-8 encoded; HTML or XML by its kind.
			byte[] serialized = UsvStrings.toUsvString(DocumentSerializer.serialize(document)).getBytes(StandardCharsets.UTF_8);
			return bytes(serialized, HtmlDocumentParser.isHtmlDocument(document) ? "text/html;charset=UTF-8"
					: "application/xml;charset=UTF-8", true);
		}
		if (body instanceof StreamingBody stream) {
			return new RequestBody(null, 0, stream.getContentLength(), new BodyStream(stream::content, stream.isReplayable()),
					stream.getContentType(), false);
		}
		if (body instanceof Publisher<?> publisher) {
			return extract(StreamingBody.of((Publisher<DataBuffer>) publisher, -1, null));
		}
		if (body instanceof Resource resource) {
			return extract(StreamingBody.fromResource(resource));
		}
		String text = (body instanceof String string) ? string : String.valueOf(body);
		return bytes(UsvStrings.toUsvString(text).getBytes(StandardCharsets.UTF_8), TEXT_PLAIN_UTF8, true);
	}

	private static RequestBody bytes(byte[] bytes, @Nullable String contentType, boolean utf8Text) {
		return new RequestBody(bytes, 0, bytes.length, null, contentType, utf8Text);
	}

}
