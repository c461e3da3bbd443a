package dev.springxhr.xhr;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;

import dev.springxhr.xhr.internal.document.HtmlDocumentParser;
import dev.springxhr.xhr.internal.json.JsonSyntaxException;
import dev.springxhr.xhr.internal.json.JsonValues;
import dev.springxhr.xhr.internal.mime.MimeType;
import dev.springxhr.xhr.internal.transport.ReceivedBytes;
import dev.springxhr.xhr.internal.encoding.Utf8;
import dev.springxhr.xhr.internal.document.XmlDocumentParser;

/**
 * The response objects of the non-text response types (XHR §3.6.9 "response"): ArrayBuffer, Blob, JSON value and
 * document, each made once from the received bytes, which they share rather than copy — the bytes are never written
 * again once the response is complete.
 *
 * @see <a href="https://xhr.spec.whatwg.org/#response-object">XHR §3.6 response body</a>
 */
final class ResponseBodies {

	/** The standard's response object "failure": the getter returns {@code null}, and it is not made again. */
	static final Object FAILURE = new Object();

	private ResponseBodies() {
	}

	/**
	 * XHR §3.6.9 response getter steps 3-4 for arraybuffer, blob and json; documents go through
	 * {@link #document}.
	 * @return the response object, or {@link #FAILURE}
	 */
	static Object create(XMLHttpRequestResponseType type, ReceivedBytes body, MimeType finalMimeType) {
		return switch (type) {
			case ARRAYBUFFER -> arrayBuffer(body);
			case BLOB -> new Blob(body.array(), 0, body.length(), finalMimeType.serialize());
			case JSON -> json(body);
			default -> throw new IllegalStateException("Not a response object type: " + type);
		};
	}

	/** An ArrayBuffer: a read-only view of the received bytes, so the cached object stays as received. */
	private static ByteBuffer arrayBuffer(ReceivedBytes body) {
		return ByteBuffer.wrap(body.array(), 0, body.length()).slice().asReadOnlyBuffer();
	}

	/**
	 * XHR "get a JSON response": "parse JSON from bytes" — UTF-8 decode (a BOM removed, whatever the Content-Type
	 * says), then JSON.parse; a syntax error is a failure (the getter returns null).
	 */
	private static Object json(ReceivedBytes body) {
		String text = Utf8.decode(body.array(), 0, body.length());
		try {
			Object value = JsonValues.parse(text);
			return (value != null) ? value : JsonNull.INSTANCE;
		}
		catch (JsonSyntaxException ex) {
			return FAILURE;
		}
	}

	/**
	 * XHR "set a document response".
	 * @param body the received bytes, or {@code null} if the response has no body (HEAD, 204, 205, 304)
	 * @param emptyResponseType whether the response type is {@code ""}, which never parses HTML
	 * @return the document, or {@code null}
	 * @see <a href="https://xhr.spec.whatwg.org/#document-response">XHR §3.6 set a document response</a>
	 */
	static @Nullable Document document(@Nullable ReceivedBytes body, MimeType finalMimeType,
			@Nullable Charset finalEncoding, boolean emptyResponseType, @Nullable URI url) {
		if (body == null) {
			return null;
		}
		// Steps 3-4: only HTML and XML are documents, and HTML only when asked for with responseType "document".
		Document document = null;
		if (finalMimeType.isHtml()) {
			document = emptyResponseType ? null
					: HtmlDocumentParser.parse(body.array(), body.length(), finalEncoding, url);
		}
		else if (finalMimeType.isXml()) {
			document = XmlDocumentParser.parse(body.array(), body.length(), finalEncoding, url);
		}
		if (document != null) {
			// "Set document's content type to finalMIME": recorded as its essence, which is what browsers report
			// as document.contentType (e.g. "text/xml" for overrideMimeType("text/xml") on a text/plain body)
			document.setUserData(DOMParser.CONTENT_TYPE_USER_DATA, finalMimeType.essence(), null);
		}
		return document;
	}

	/** A JSON {@code null} response: cached like any value, returned as {@code null}. */
	enum JsonNull {

		INSTANCE

	}

}
