package dev.springxhr.xhr;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;

import dev.springxhr.xhr.internal.url.RequestUrl;
import dev.springxhr.xhr.event.EventListener;
import dev.springxhr.xhr.event.XhrEventType;
import dev.springxhr.xhr.internal.fetch.FetchRequest;
import dev.springxhr.xhr.internal.task.SerialTaskQueue;

/**
 * The browser's {@code XMLHttpRequest}, on Spring's {@code WebClient}. Create one with an {@link XhrFactory}.
 *
 * <p>It behaves as the WHATWG XHR standard says: the same states, the same events in the same order, the same
 * exceptions ({@link DOMException} names, {@link TypeError} for WebIDL's TypeError).
 *
 * <p>Threads: events that the standard fires inside a call ({@code readystatechange} in {@code open()},
 * {@code loadstart} in {@code send()}, the abort events in {@code abort()}, every event of a synchronous
 * {@code send()}) are dispatched on the calling thread before the call returns. Events caused by the network are
 * delivered later on an event thread, one at a time and in order. Like a page's script, a request does one thing at
 * a time: a call from another thread waits while a listener of this request runs.
 *
 * @see <a href="https://xhr.spec.whatwg.org/">XMLHttpRequest Living Standard</a>
 */
public class XMLHttpRequest extends XMLHttpRequestEventTarget {

	/** {@link #getReadyState()}: the object was constructed. */
	public static final short UNSENT = 0;

	/** {@link #getReadyState()}: {@code open()} succeeded. */
	public static final short OPENED = 1;

	/** {@link #getReadyState()}: all redirects were followed and the response headers arrived. */
	public static final short HEADERS_RECEIVED = 2;

	/** {@link #getReadyState()}: the response body is being received. */
	public static final short LOADING = 3;

	/** {@link #getReadyState()}: the transfer completed or failed. */
	public static final short DONE = 4;

	static final String READYSTATECHANGE = XhrEventType.READYSTATECHANGE.type();

	private final XhrEngine engine;

	private final XhrOptions options;

	private final XMLHttpRequestUpload upload = new XMLHttpRequestUpload();

	/** The state machine: readyState, the flags of the standard, the response, the current fetch. */
	private final RequestState state = new RequestState(this);

	private final AsyncSend asyncSend;

	private final ResponseAttributes responseAttributes;

	/** The request side: method, URL, author request headers, timeout, withCredentials. */
	private final AuthorRequest request;

	XMLHttpRequest(XhrEngine engine, XhrOptions options) {
		this.engine = engine;
		this.options = options;
		this.request = new AuthorRequest(this.state, engine.settings(), options);
		this.responseAttributes = new ResponseAttributes(this.state, engine);
		this.asyncSend = new AsyncSend(this, this.state, engine, new SerialTaskQueue(engine.eventExecutor()));
		if (engine.observer() != XhrEventObserver.NONE) {
			EventReporter reporter = new EventReporter(engine.observer(), this.request, this.state);
			reportTo(reporter, false);
			this.upload.reportTo(reporter, true);
		}
	}

	/** @return the {@code readystatechange} handler, or {@code null} */
	public @Nullable EventListener getOnreadystatechange() {
		return getEventHandler(READYSTATECHANGE);
	}

	/** @param handler the {@code readystatechange} handler, or {@code null} to remove it */
	public void setOnreadystatechange(@Nullable EventListener handler) {
		setEventHandler(READYSTATECHANGE, handler);
	}

	/**
	 * Return the state: {@link #UNSENT}, {@link #OPENED}, {@link #HEADERS_RECEIVED}, {@link #LOADING} or
	 * {@link #DONE}.
	 * @return the ready state
	 */
	public short getReadyState() {
		return this.state.readyState();
	}

	/**
	 * Initialize an asynchronous request, as {@code open(method, url)}.
	 * @param method the method; DELETE, GET, HEAD, OPTIONS, POST and PUT are upper-cased, others sent as given
	 * @param url the URL, resolved against the factory's base URL
	 * @throws DOMException {@code SyntaxError} for a bad method or URL, {@code SecurityError} for CONNECT, TRACE
	 * and TRACK
	 */
	public void open(String method, String url) {
		open(method, url, true, null, null);
	}

	/**
	 * Initialize a request, as {@code open(method, url, async)}.
	 * @param method the method
	 * @param url the URL
	 * @param async {@code false} for a synchronous request, whose {@code send()} blocks until done
	 * @throws DOMException as {@link #open(String, String)}, and {@code InvalidAccessError} for a synchronous
	 * request with a timeout or response type in the {@link GlobalScope#WINDOW WINDOW} scope
	 */
	public void open(String method, String url, boolean async) {
		open(method, url, async, null, null);
	}

	/**
	 * Initialize a request with credentials for the URL, as {@code open(method, url, async, username, password)}.
	 * Calling it during a send ends that send silently; it resets everything but the response type, the override
	 * MIME type, the timeout, withCredentials and the listeners.
	 * @param method the method
	 * @param url the URL
	 * @param async {@code false} for a synchronous request
	 * @param username the URL's user name, or {@code null} to keep the URL's
	 * @param password the URL's password, or {@code null} to keep the URL's
	 * @throws DOMException as {@link #open(String, String, boolean)}
	 * @see <a href="https://xhr.spec.whatwg.org/#the-open()-method">XHR §3.2 open()</a>
	 */
	public void open(String method, String url, boolean async, @Nullable String username,
			@Nullable String password) {
		AuthorRequest.requireByteString(method, "method");
		Objects.requireNonNull(url, "'url' must not be null");
		this.state.lock.lock();
		try {
			this.request.open(method, url, async, username, password,
					this.responseAttributes.responseType() != XMLHttpRequestResponseType.EMPTY);
			this.state.open(!async);
		}
		finally {
			this.state.lock.unlock();
		}
	}

	/**
	 * Add a request header; a name set twice is sent once with both values joined by {@code ", "}. Forbidden
	 * request headers (Cookie, Host, Content-Length, {@code Sec-*}, …) are ignored, as in a browser.
	 * @param name the header name
	 * @param value the header value; leading and trailing whitespace is removed
	 * @throws DOMException {@code InvalidStateError} unless {@code OPENED} and not sent, {@code SyntaxError} for
	 * an invalid name or value
	 * @throws TypeError for characters above U+00FF
	 * @see <a href="https://xhr.spec.whatwg.org/#the-setrequestheader()-method">XHR §3.3 setRequestHeader()</a>
	 */
	public void setRequestHeader(String name, String value) {
		AuthorRequest.requireByteString(name, "name");
		AuthorRequest.requireByteString(value, "value");
		this.state.locked(() -> this.request.setRequestHeader(name, value));
	}

	/**
	 * Return the timeout in milliseconds, 0 for none.
	 * @return the timeout
	 */
	public long getTimeout() {
		return this.state.locked(this.request::timeout);
	}

	/**
	 * Set the timeout in milliseconds, 0 for none. It counts from the start of {@code send()} and may be changed
	 * while the request is in flight.
	 * @param millis the timeout
	 * @throws DOMException {@code InvalidAccessError} on a synchronous request in the {@link GlobalScope#WINDOW}
	 * scope
	 * @see <a href="https://xhr.spec.whatwg.org/#the-timeout-attribute">XHR §3.4 timeout</a>
	 */
	public void setTimeout(long millis) {
		if (millis < 0) {
			throw new IllegalArgumentException("'timeout' must not be negative, was " + millis);
		}
		this.state.locked(() -> this.request.setTimeout(millis));
	}

	/**
	 * Return whether cross-origin requests carry credentials.
	 * @return the withCredentials flag
	 */
	public boolean getWithCredentials() {
		return this.state.locked(this.request::withCredentials);
	}

	/**
	 * Set whether cross-origin requests carry credentials.
	 * @param value the flag
	 * @throws DOMException {@code InvalidStateError} after {@code send()}
	 */
	public void setWithCredentials(boolean value) {
		this.state.locked(() -> this.request.setWithCredentials(value));
	}

	/**
	 * Return the upload object, the target of the request body's progress events (always the same object).
	 * @return the upload object
	 */
	public XMLHttpRequestUpload getUpload() {
		return this.upload;
	}

	/**
	 * Send the request without a body.
	 * @throws DOMException as {@link #send(Object)}
	 */
	public void send() {
		send(null);
	}

	/**
	 * Send the request. Asynchronous: returns after {@code loadstart}; the rest arrives as events. Synchronous:
	 * blocks until the response is complete, then fires {@code readystatechange}, {@code load} and
	 * {@code loadend} and returns.
	 * @param body a {@link String}, {@code byte[]}, {@link ByteBuffer} (its remaining bytes) or anything else (its
	 * {@code toString()}); ignored for GET and HEAD
	 * @throws DOMException {@code InvalidStateError} unless {@code OPENED} and not sent; for a synchronous request
	 * {@code NetworkError}, {@code TimeoutError} or {@code AbortError} when it fails, and {@code NetworkError}
	 * when the sync-xhr policy refuses it (the request then stays {@code OPENED}, unsent)
	 * @see <a href="https://xhr.spec.whatwg.org/#the-send()-method">XHR §3.5 send()</a>
	 */
	public void send(@Nullable Object body) {
		this.state.lock.lock();
		try {
			this.state.checkSend();
			if (this.state.synchronous()) {
				SyncXhrPolicies.check(this.engine.settings().syncXhrPolicy());
			}
			boolean uploadListener = this.upload.hasAnyListeners();
			FetchRequest request = this.request.fetchRequest(body, uploadListener);
			// XHR §3.5 send() step 8: only a null body has its upload complete at once; an empty one has upload
			// events with 0 and 0 (Chromium fires only the upload loadstart). Nor is there an upload for a data:
			// URL, whose body is never read: by the standard fetch never reaches processRequestEndOfBody for it
			// (scheme fetch answers from the URL alone), so an upload loadstart would never be followed by a loadend.
			this.state.send(uploadListener, request.body() == null || "data".equals(request.url().scheme()));
			if (this.state.synchronous()) {
				SyncSend.run(this, this.state, this.engine, request);
			}
			else {
				this.asyncSend.start(request);
			}
		}
		finally {
			this.state.lock.unlock();
		}
	}

	/**
	 * Abort the request. In {@code OPENED} after {@code send()}, {@code HEADERS_RECEIVED} and {@code LOADING} it
	 * fires {@code readystatechange}, {@code abort} and {@code loadend} (on the upload object first, if the upload
	 * was not complete) before returning; in {@code DONE} the state becomes {@code UNSENT} without events.
	 * @see <a href="https://xhr.spec.whatwg.org/#the-abort()-method">XHR §3.5.3 abort()</a>
	 */
	public void abort() {
		this.state.locked(this.state::abort);
	}

	/**
	 * Return the final URL of the response without its fragment, or {@code ""} before headers arrive.
	 * @return the response URL
	 */
	public String getResponseURL() {
		RequestUrl responseUrl = this.state.response().url();
		return (responseUrl != null) ? responseUrl.hrefWithoutFragment() : "";
	}

	/**
	 * Return the HTTP status code, 0 before headers arrive and after a network error. 4xx and 5xx are not errors.
	 * @return the status
	 */
	public short getStatus() {
		return (short) this.state.response().status();
	}

	/**
	 * Return the reason phrase exactly as the server sent it ({@code ""} over HTTP/2).
	 * @return the status text
	 */
	public String getStatusText() {
		return this.state.response().statusText();
	}

	/**
	 * Return a response header, all its values joined by {@code ", "}; names are case-insensitive. Set-Cookie is
	 * never visible.
	 * @param name the header name
	 * @return the value, or {@code null} if the response has no such header
	 */
	public @Nullable String getResponseHeader(String name) {
		AuthorRequest.requireByteString(name, "name");
		return this.state.response().headers().get(name);
	}

	/**
	 * Return all response headers: lower-case names, one line per name sorted by name, {@code name: value} and
	 * CRLF each; {@code ""} before headers arrive.
	 * @return the headers
	 */
	public String getAllResponseHeaders() {
		return this.state.response().headers().serializeAll();
	}

	/**
	 * Override the response's MIME type for decoding (its charset wins) and parsing.
	 * @param mime the MIME type; one that does not parse counts as {@code application/octet-stream}
	 * @throws DOMException {@code InvalidStateError} in {@code LOADING} and {@code DONE}
	 */
	public void overrideMimeType(String mime) {
		Objects.requireNonNull(mime, "'mime' must not be null");
		this.state.locked(() -> this.responseAttributes.overrideMimeType(mime));
	}

	/**
	 * Return the response type.
	 * @return the response type, {@link XMLHttpRequestResponseType#EMPTY} by default
	 */
	public XMLHttpRequestResponseType getResponseType() {
		return this.state.locked(this.responseAttributes::responseType);
	}

	/**
	 * Set the response type.
	 * @param type the response type
	 * @throws DOMException {@code InvalidStateError} in {@code LOADING} and {@code DONE}, {@code InvalidAccessError}
	 * for a synchronous request in the {@link GlobalScope#WINDOW} scope
	 */
	public void setResponseType(XMLHttpRequestResponseType type) {
		Objects.requireNonNull(type, "'type' must not be null");
		this.state.locked(() -> this.responseAttributes.setResponseType(type));
	}

	/**
	 * Set the response type by its IDL value; a string that is not one of the six values is ignored, as WebIDL
	 * ignores an invalid enum value.
	 * @param idlValue {@code ""}, {@code "arraybuffer"}, {@code "blob"}, {@code "document"}, {@code "json"} or
	 * {@code "text"}
	 */
	public void setResponseType(String idlValue) {
		XMLHttpRequestResponseType type = XMLHttpRequestResponseType.fromIdlValue(idlValue);
		if (type != null) {
			setResponseType(type);
		}
	}

	/**
	 * Return the response as its response type says: a {@link String} for {@code ""} and {@code "text"} (partial
	 * while {@code LOADING}); in {@code DONE}, a read-only {@link ByteBuffer} for {@code "arraybuffer"}, a
	 * {@link Blob} whose type is the final MIME type for {@code "blob"}, a {@link Document} or {@code null} for
	 * {@code "document"}, and for {@code "json"} a JS-like value — {@code Map<String, Object>} in member order,
	 * {@code List<Object>}, {@link String}, {@link Integer}/{@link Long}/{@link Double}, {@link Boolean} or
	 * {@code null} (also when the body is not JSON). These objects are made once and returned on every call;
	 * before {@code DONE} and after an error they are {@code null}.
	 * @return the response
	 * @see <a href="https://xhr.spec.whatwg.org/#the-response-attribute">XHR §3.6.9 response</a>
	 */
	public @Nullable Object getResponse() {
		return this.state.locked(() -> this.responseAttributes.response(this.request.method()));
	}

	/**
	 * Return the response body mapped from JSON to a Java type, with the JSON decoder of the factory's
	 * {@code WebClient} (with Spring Boot, the application's JSON mapper). Beyond the standard; it works with any
	 * response type, since the body is kept as received.
	 * @param <T> the type
	 * @param type the type to map to, e.g. a record
	 * @return the value, or {@code null} before {@code DONE}, after an error, or for an empty body
	 * @throws org.springframework.core.codec.DecodingException if the body is not JSON of that type
	 * @throws IllegalStateException if the WebClient has no JSON decoder (no Jackson on the class path)
	 */
	public <T> @Nullable T getResponse(Class<T> type) {
		Objects.requireNonNull(type, "'type' must not be null");
		return type.cast(this.state.locked(() -> this.responseAttributes.mappedJsonResponse(ResolvableType.forClass(type))));
	}

	/**
	 * Return the response body mapped from JSON to a generic Java type, such as {@code List<Item>}; as
	 * {@link #getResponse(Class)}.
	 * @param <T> the type
	 * @param type the type to map to, e.g. {@code new ParameterizedTypeReference<List<Item>>() {}}
	 * @return the value, or {@code null} before {@code DONE}, after an error, or for an empty body
	 * @throws org.springframework.core.codec.DecodingException if the body is not JSON of that type
	 * @throws IllegalStateException if the WebClient has no JSON decoder (no Jackson on the class path)
	 */
	@SuppressWarnings("unchecked")
	public <T> @Nullable T getResponse(ParameterizedTypeReference<T> type) {
		Objects.requireNonNull(type, "'type' must not be null");
		return (T) this.state.locked(() -> this.responseAttributes.mappedJsonResponse(ResolvableType.forType(type)));
	}

	/**
	 * Return the response as text, decoded with the charset of the (overridden) MIME type or UTF-8; a BOM wins.
	 * @return the text, partial while {@code LOADING}, {@code ""} before
	 * @throws DOMException {@code InvalidStateError} if the response type is not {@code ""} or {@code "text"}
	 */
	public String getResponseText() {
		return this.state.locked(this.responseAttributes::responseText);
	}

	/**
	 * Return the response as a document: for an XML final MIME type ({@code text/xml}, {@code application/xml},
	 * {@code +xml}, or none at all), the body parsed as XML — {@code null} if it is not well-formed; for
	 * {@code text/html}, the body parsed as HTML5, but only with response type {@code "document"}. XML is parsed
	 * without DTDs or external entities ever being fetched; {@link Document#getInputEncoding()} tells the encoding
	 * used.
	 * @return the document, or {@code null} before {@code DONE}, after an error, for other MIME types, and always in
	 * the {@link GlobalScope#DEDICATED_WORKER} scope (which has no {@code responseXML})
	 * @throws DOMException {@code InvalidStateError} if the response type is not {@code ""} or {@code "document"}
	 * @see <a href="https://xhr.spec.whatwg.org/#the-responsexml-attribute">XHR §3.6.12 responseXML</a>
	 */
	public @Nullable Document getResponseXML() {
		return this.state.locked(() -> this.responseAttributes.responseXml(this.request.method()));
	}

	/**
	 * Return the completion of this request's current send (before {@code send()}, of the next one): it completes
	 * with the request after {@code loadend} and its listeners, or fails with the {@link DOMException} that a
	 * synchronous send would throw — {@code NetworkError}, {@code TimeoutError} or {@code AbortError} (also when
	 * {@code open()} ends the send). Dependent stages run on the thread that fired {@code loadend}, as a listener
	 * does: move blocking work elsewhere ({@code thenApplyAsync}). A completed send keeps its completion until the
	 * next {@code send()}.
	 * @return the completion, which callers cannot complete themselves
	 */
	public CompletionStage<XMLHttpRequest> completion() {
		return this.state.locked(() -> this.state.completion().future().minimalCompletionStage());
	}

	/**
	 * Return the completion of this request's current send as a {@link Mono}: the request after {@code loadend}, or
	 * the {@link DOMException} of its error, timeout or abort (see {@link #completion()}). Cancelling the Mono does
	 * not abort the request.
	 * @return the Mono
	 */
	public Mono<XMLHttpRequest> asMono() {
		return Mono.fromFuture(this.state.locked(() -> this.state.completion().future()), true);
	}

	/**
	 * Return whether the request is anonymous (Firefox's {@code mozAnon}): no cookies, no HTTP authentication.
	 * @return whether the request is anonymous
	 */
	public boolean getMozAnon() {
		return this.options.mozAnon() || this.options.mozSystem();
	}

	/**
	 * Return whether the request is privileged (Firefox's {@code mozSystem}): no Origin, no CORS.
	 * @return whether the request is privileged
	 */
	public boolean getMozSystem() {
		return this.options.mozSystem();
	}

	/**
	 * Return whether the request is a background request (Firefox's {@code mozBackgroundRequest}).
	 * @return the flag
	 */
	public boolean getMozBackgroundRequest() {
		return this.state.locked(this.request::mozBackgroundRequest);
	}

	/**
	 * Mark the request as a background request (Firefox's {@code mozBackgroundRequest}).
	 * @param value the flag
	 * @throws DOMException {@code InvalidStateError} after {@code send()}
	 */
	public void setMozBackgroundRequest(boolean value) {
		this.state.locked(() -> this.request.setMozBackgroundRequest(value));
	}

	/**
	 * Return Firefox's {@code channel}: a read-only view of the exchange that produced the response — final URI,
	 * negotiated protocol, remote address.
	 * @return an {@link XhrChannel} from {@code HEADERS_RECEIVED} on, {@code null} before and after an error
	 */
	public @Nullable Object getChannel() {
		return this.state.channel();
	}

	@Override
	public String toString() {
		RequestUrl current = this.request.url();
		return "XMLHttpRequest[" + this.request.method() + " "
				+ ((current != null) ? current.requestTarget().href() : "-")
				+ ", readyState=" + this.state.stateName() + "]";
	}

	/** The timeout in milliseconds, read by the send paths under the lock. */
	long timeoutMillis() {
		return this.request.timeout();
	}

	/** The URL as opened (with userinfo and fragment), or {@code null} before open(). */
	@Nullable RequestUrl requestUrlOrNull() {
		return this.request.url();
	}

}
