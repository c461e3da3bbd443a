package dev.springxhr.xhr;

import java.nio.ByteBuffer;

/**
 * The response objects of the non-text response types.
 */
final class ResponseBodies {

	private ResponseBodies() {
	}

	/**
	 * Refuse the response types this version cannot produce, when they are set rather than when the response is
	 * read: a silent {@code null} would look like a parse failure.
	 * @throws DOMException NotSupportedError for blob, document and json
	 */
	static void requireSupported(XMLHttpRequestResponseType type) {
		switch (type) {
			case BLOB, DOCUMENT, JSON -> throw new DOMException("responseType \"" + type.idlValue()
					+ "\" is not supported yet; use \"arraybuffer\" or \"text\"", DOMException.NOT_SUPPORTED_ERROR);
			default -> {
			}
		}
	}

	/** XHR §3.6.9 "response": the object for the response type, created once in DONE. */
	static Object create(XMLHttpRequestResponseType type, ReceivedBytes body) {
		if (type == XMLHttpRequestResponseType.ARRAYBUFFER) {
			// An ArrayBuffer is the caller's own copy; read-only so that the cached object stays as received.
			return ByteBuffer.wrap(body.toByteArray()).asReadOnlyBuffer();
		}
		throw new IllegalStateException("Unsupported response type " + type);
	}

}
