package dev.springxhr.xhr;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;

import org.springframework.core.ResolvableType;

import dev.springxhr.xhr.internal.mime.MimeType;
import dev.springxhr.xhr.internal.transport.ReceivedBytes;

import static dev.springxhr.xhr.XMLHttpRequest.DONE;
import static dev.springxhr.xhr.XMLHttpRequest.LOADING;

/**
 * The response attributes of one request, XHR §3.6: the response type and the override MIME type, with their
 * setters' state rules, and the {@code response}, {@code responseText} and {@code responseXML} getters over the
 * request's {@link RequestState}. Called with the request's lock held.
 *
 * @see <a href="https://xhr.spec.whatwg.org/#the-response">XHR §3.6 the response</a>
 */
final class ResponseAttributes {

	private final RequestState state;

	private final XhrEngine engine;

	private XMLHttpRequestResponseType responseType = XMLHttpRequestResponseType.EMPTY;

	private @Nullable MimeType overrideMimeType;

	ResponseAttributes(RequestState state, XhrEngine engine) {
		this.state = state;
		this.engine = engine;
	}

	XMLHttpRequestResponseType responseType() {
		return this.responseType;
	}

	/** XHR §3.6.5 overrideMimeType(). */
	void overrideMimeType(String mime) {
		if (isLoadingOrDone()) {
			throw new DOMException("overrideMimeType() called in state " + this.state.stateName()
					+ "; call it before the response body arrives", DOMException.INVALID_STATE_ERROR);
		}
		MimeType parsed = MimeType.parse(mime);
		this.overrideMimeType = (parsed != null) ? parsed : MimeType.parse("application/octet-stream");
		this.state.responseObjects().invalidateText();
	}

	/** XHR §3.6.7 the responseType setter. */
	void setResponseType(XMLHttpRequestResponseType type) {
		if (!isWindow() && type == XMLHttpRequestResponseType.DOCUMENT) {
			return; // step 1: workers ignore "document"
		}
		if (isLoadingOrDone()) {
			throw new DOMException("responseType cannot be set in state " + this.state.stateName(),
					DOMException.INVALID_STATE_ERROR);
		}
		if (isWindow() && this.state.synchronous()) {
			throw new DOMException("A synchronous request cannot have a responseType in the WINDOW global "
					+ "scope", DOMException.INVALID_ACCESS_ERROR);
		}
		this.responseType = type;
	}

	/** XHR §3.6.9 the response getter. */
	@Nullable Object response(String method) {
		if (isTextResponseType()) {
			return textResponse();
		}
		if (!hasResponse()) {
			return null;
		}
		return this.state.responseObjects().object(this.responseType, this.state.response(), this.state.body(),
				this.overrideMimeType, method);
	}

	/** The body mapped from JSON by the WebClient's codec (beyond the standard). */
	@Nullable Object mappedJsonResponse(ResolvableType type) {
		ReceivedBytes body = this.state.body();
		if (!hasResponse() || body.length() == 0) {
			return null;
		}
		return this.engine.jsonMapper().map(body.array(), body.length(), type);
	}

	/** XHR §3.6.10 the responseText getter. */
	String responseText() {
		if (!isTextResponseType()) {
			throw new DOMException("responseText is only available when responseType is \"\" or \"text\", it is \""
					+ this.responseType.idlValue() + "\"; use getResponse()", DOMException.INVALID_STATE_ERROR);
		}
		return textResponse();
	}

	/** XHR §3.6.12 the responseXML getter. */
	@Nullable Document responseXml(String method) {
		if (this.responseType != XMLHttpRequestResponseType.EMPTY
				&& this.responseType != XMLHttpRequestResponseType.DOCUMENT) {
			throw new DOMException("responseXML is only available when responseType is \"\" or \"document\", it "
					+ "is \"" + this.responseType.idlValue() + "\"; use getResponse()",
					DOMException.INVALID_STATE_ERROR);
		}
		if (!isWindow() || !hasResponse()) {
			return null;
		}
		return this.state.responseObjects().responseXml(this.state.response(), this.state.body(),
				this.overrideMimeType, this.responseType == XMLHttpRequestResponseType.EMPTY, method);
	}

	/** Only a {@code DONE} request that is no network error has a response object. */
	private boolean hasResponse() {
		return this.state.readyState() == DONE && !this.state.response().isNetworkError();
	}

	/** XHR "get a text response": {@code ""} before {@code LOADING}, then the bytes received so far, decoded. */
	private String textResponse() {
		if (!isLoadingOrDone()) {
			return "";
		}
		return this.state.responseObjects().text(this.state.response(), this.state.body(), this.overrideMimeType,
				this.responseType == XMLHttpRequestResponseType.EMPTY);
	}

	private boolean isTextResponseType() {
		return this.responseType == XMLHttpRequestResponseType.EMPTY
				|| this.responseType == XMLHttpRequestResponseType.TEXT;
	}

	private boolean isLoadingOrDone() {
		short readyState = this.state.readyState();
		return readyState == LOADING || readyState == DONE;
	}

	private boolean isWindow() {
		return this.engine.settings().globalScope() == GlobalScope.WINDOW;
	}

}
