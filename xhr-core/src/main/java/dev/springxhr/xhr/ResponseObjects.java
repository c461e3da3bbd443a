package dev.springxhr.xhr;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;

import dev.springxhr.xhr.internal.mime.MimeType;
import dev.springxhr.xhr.internal.transport.ReceivedBytes;
import dev.springxhr.xhr.internal.fetch.XhrResponse;

/**
 * What the response getters of one request return — XHR §3.6 "response body": the text, re-decoded only when more
 * bytes arrived, and the response object of the other types (or its failure), made once.
 *
 * @see <a href="https://xhr.spec.whatwg.org/#response-body">XHR §3.6 response body</a>
 */
final class ResponseObjects {

	private @Nullable Object object;

	private @Nullable String text;

	private int textLength = -1;

	/** The response changed (open(), a new response, abort()): nothing made so far holds. */
	void reset() {
		this.object = null;
		this.text = null;
		this.textLength = -1;
	}

	/** The override MIME type changed: the text is decoded again. */
	void invalidateText() {
		this.textLength = -1;
	}

	/** XHR "get a text response" of the bytes received so far. */
	String text(XhrResponse response, ReceivedBytes body, @Nullable MimeType overrideMimeType,
			boolean emptyResponseType) {
		int length = body.length();
		String current = this.text;
		if (current == null || this.textLength != length) {
			current = response.text(body, overrideMimeType, emptyResponseType);
			this.text = current;
			this.textLength = length;
		}
		return current;
	}

	/**
	 * XHR §3.6.9 response getter steps 3-8 in {@code DONE}: the object for the response type, made on the first
	 * call; {@code null} for a failure (JSON that does not parse, no document) or JSON's {@code null}.
	 */
	@Nullable Object object(XMLHttpRequestResponseType type, XhrResponse response, ReceivedBytes body,
			@Nullable MimeType overrideMimeType, String method) {
		if (this.object == null) {
			if (type == XMLHttpRequestResponseType.DOCUMENT) {
				Document document = document(response, body, overrideMimeType, false, method);
				this.object = (document != null) ? document : ResponseBodies.FAILURE;
			}
			else {
				this.object = ResponseBodies.create(type, body, response.finalMimeType(overrideMimeType));
			}
		}
		Object cached = this.object;
		return (cached == ResponseBodies.FAILURE || cached == ResponseBodies.JsonNull.INSTANCE) ? null : cached;
	}

	/** XHR §3.6.12 responseXML in {@code DONE}: "set a document response" once, then the same document. */
	@Nullable Document responseXml(XhrResponse response, ReceivedBytes body, @Nullable MimeType overrideMimeType,
			boolean emptyResponseType, String method) {
		if (this.object == null) {
			Document document = document(response, body, overrideMimeType, emptyResponseType, method);
			this.object = (document != null) ? document : ResponseBodies.FAILURE;
		}
		return (this.object instanceof Document document) ? document : null;
	}

	private static @Nullable Document document(XhrResponse response, ReceivedBytes body,
			@Nullable MimeType overrideMimeType, boolean emptyResponseType, String method) {
		int status = response.status();
		// Fetch: a response to HEAD, and a 204, 205 or 304, has a null body, which is no document at all.
		boolean nullBody = method.equals("HEAD") || status == 204 || status == 205 || status == 304;
		return ResponseBodies.document(nullBody ? null : body, response.finalMimeType(overrideMimeType),
				response.finalEncoding(overrideMimeType), emptyResponseType,
				(response.url() != null) ? response.url().uri() : null);
	}

}
