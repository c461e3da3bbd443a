package dev.springxhr.xhr;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;

import dev.springxhr.xhr.event.EventListener;
import dev.springxhr.xhr.internal.http.AuthorRequestHeaders;
import dev.springxhr.xhr.internal.fetch.CredentialsMode;
import dev.springxhr.xhr.internal.fetch.FetchRequest;
import dev.springxhr.xhr.internal.http.ForbiddenRequestHeaders;
import dev.springxhr.xhr.internal.http.HttpMethods;
import dev.springxhr.xhr.internal.http.HttpTokens;
import dev.springxhr.xhr.internal.mime.MimeType;
import dev.springxhr.xhr.internal.transport.ReceivedBytes;
import dev.springxhr.xhr.internal.transport.RequestBody;
import dev.springxhr.xhr.internal.url.RequestUrls;
import dev.springxhr.xhr.internal.url.UrlSyntaxException;
import dev.springxhr.xhr.internal.task.SerialTaskQueue;
import dev.springxhr.xhr.internal.fetch.XhrResponse;

/**
 * The browser's {@code XMLHttpRequest}, on Spring's {@code WebClient}. Create one with an {@link XhrFactory}.
 *
 * <p>It behaves as the WHATWG XHR standard says: the same states, the same events in the same order, the same
 * exceptions ({@link DOMException} names, {@link IllegalArgumentException} for WebIDL's TypeError).
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

	static final String READYSTATECHANGE = "readystatechange";

	private static final String[] STATE_NAMES = { "UNSENT", "OPENED", "HEADERS_RECEIVED", "LOADING", "DONE" };

	private static final AtomicLong NEXT_ID = new AtomicLong();

	private static final Log OBSERVER_LOGGER = LogFactory.getLog(XhrEventObserver.class);

	private final long id;

	final XhrEngine engine;

	private final XhrOptions options;

	final XMLHttpRequestUpload upload = new XMLHttpRequestUpload();

	/** Held by every call and every event task: one thing at a time, as on a page's event loop. */
	final ReentrantLock lock = new ReentrantLock();

	final SerialTaskQueue tasks;

	private final AsyncSend asyncSend = new AsyncSend(this);

	// XHR §3 "associated state"; written under the lock, volatile where getters read without it.
	volatile short state = UNSENT;

	boolean sendInvoked;

	long timeout;

	private boolean timeoutSetByAuthor;

	private boolean withCredentials;

	private String method = "GET";

	@Nullable URI url;

	private final AuthorRequestHeaders authorHeaders = new AuthorRequestHeaders();

	boolean synchronous;

	boolean uploadComplete;

	boolean uploadListener;

	boolean timedOut;

	volatile XhrResponse response = XhrResponse.NETWORK_ERROR;

	ReceivedBytes receivedBytes = new ReceivedBytes();

	private XMLHttpRequestResponseType responseType = XMLHttpRequestResponseType.EMPTY;

	private final ResponseObjects responseObjects = new ResponseObjects();

	@Nullable Fetch fetch;

	private @Nullable MimeType overrideMimeType;

	private boolean mozBackgroundRequest;

	/** Firefox's channel: the exchange of the current response, once its headers arrived. */
	volatile @Nullable XhrChannel channel;

	XMLHttpRequest(XhrEngine engine, XhrOptions options) {
		this.engine = engine;
		this.options = options;
		this.tasks = new SerialTaskQueue(engine.eventExecutor());
		this.timeout = engine.settings().timeout().toMillis();
		this.id = NEXT_ID.incrementAndGet();
		if (engine.observer() != XhrEventObserver.NONE) {
			setOwner(this);
			this.upload.setOwner(this);
		}
	}

	/** Tell the factory's observer about an event, before its listeners run (so nested events follow it). */
	void observe(String type, boolean atUpload, long loaded, long total, boolean computable) {
		XhrEventObserver observer = this.engine.observer();
		if (!observer.isObserving()) {
			return;
		}
		URI current = this.url;
		XhrEventInfo info = new XhrEventInfo(this.id, type, atUpload, this.method,
				// No userinfo: observers log and relay what they see, and the URL's password is a credential.
				(current != null) ? RequestUrls.requestTarget(current) : URI.create("about:blank"), this.state, (short) this.response.status(),
				loaded, total, computable, this.mozBackgroundRequest, System.currentTimeMillis());
		try {
			observer.onEvent(info);
		}
		catch (RuntimeException ex) {
			OBSERVER_LOGGER.error("XhrEventObserver failed for '" + type + "'; the request goes on", ex);
		}
	}

	// ---- event handlers -------------------------------------------------------------------------------------

	/** @return the {@code readystatechange} handler, or {@code null} */
	public @Nullable EventListener getOnreadystatechange() {
		return getEventHandler(READYSTATECHANGE);
	}

	/** @param handler the {@code readystatechange} handler, or {@code null} to remove it */
	public void setOnreadystatechange(@Nullable EventListener handler) {
		setEventHandler(READYSTATECHANGE, handler);
	}

	// ---- states -----------------------------------------------------------------------------------------------

	/**
	 * Return the state: {@link #UNSENT}, {@link #OPENED}, {@link #HEADERS_RECEIVED}, {@link #LOADING} or
	 * {@link #DONE}.
	 * @return the ready state
	 */
	public short getReadyState() {
		return this.state;
	}

	// ---- open() -----------------------------------------------------------------------------------------------

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
		requireByteString(method, "method");
		Objects.requireNonNull(url, "'url' must not be null");
		this.lock.lock();
		try {
			String normalizedMethod = checkMethod(method);
			URI parsedUrl = parseUrl(url);
			if (!async && isWindow() && ((this.timeoutSetByAuthor && this.timeout != 0)
					|| this.responseType != XMLHttpRequestResponseType.EMPTY)) {
				throw new DOMException("A synchronous request cannot have a timeout or a responseType in the "
						+ "WINDOW global scope; open it asynchronously, or use GlobalScope.DEDICATED_WORKER",
						DOMException.INVALID_ACCESS_ERROR);
			}
			parsedUrl = RequestUrls.withCredentials(parsedUrl, username, password);
			// XHR §3.2 open() step 9: a send in progress ends without events.
			Fetch current = this.fetch;
			if (current != null) {
				terminate(current);
			}
			this.sendInvoked = false;
			this.method = normalizedMethod;
			this.url = parsedUrl;
			this.authorHeaders.clear();
			this.synchronous = !async;
			this.uploadListener = false;
			resetResponse();
			if (this.state != OPENED) {
				this.state = OPENED;
				fireSimpleEvent(READYSTATECHANGE);
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	// ---- request headers and options --------------------------------------------------------------------------

	/**
	 * Add a request header; a name set twice is sent once with both values joined by {@code ", "}. Forbidden
	 * request headers (Cookie, Host, Content-Length, {@code Sec-*}, …) are ignored, as in a browser.
	 * @param name the header name
	 * @param value the header value; leading and trailing whitespace is removed
	 * @throws DOMException {@code InvalidStateError} unless {@code OPENED} and not sent, {@code SyntaxError} for
	 * an invalid name or value
	 * @throws IllegalArgumentException (WebIDL TypeError) for characters above U+00FF
	 * @see <a href="https://xhr.spec.whatwg.org/#the-setrequestheader()-method">XHR §3.3 setRequestHeader()</a>
	 */
	public void setRequestHeader(String name, String value) {
		requireByteString(name, "name");
		requireByteString(value, "value");
		this.lock.lock();
		try {
			if (this.state != OPENED) {
				throw new DOMException("setRequestHeader() called in state " + stateName()
						+ "; call open() first", DOMException.INVALID_STATE_ERROR);
			}
			if (this.sendInvoked) {
				throw new DOMException("setRequestHeader() called after send(); set headers before sending",
						DOMException.INVALID_STATE_ERROR);
			}
			String normalized = HttpTokens.normalizeHeaderValue(value);
			if (!HttpTokens.isToken(name)) {
				throw new DOMException("'" + name + "' is not a valid header name", DOMException.SYNTAX_ERROR);
			}
			if (!HttpTokens.isHeaderValue(normalized)) {
				throw new DOMException("The value of header '" + name + "' contains NUL, CR or LF",
						DOMException.SYNTAX_ERROR);
			}
			if (ForbiddenRequestHeaders.isForbidden(name, normalized)) {
				return;
			}
			this.authorHeaders.combine(name, normalized);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Return the timeout in milliseconds, 0 for none.
	 * @return the timeout
	 */
	public long getTimeout() {
		this.lock.lock();
		try {
			return this.timeout;
		}
		finally {
			this.lock.unlock();
		}
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
		this.lock.lock();
		try {
			if (isWindow() && this.synchronous) {
				throw new DOMException("A synchronous request cannot have a timeout in the WINDOW global scope",
						DOMException.INVALID_ACCESS_ERROR);
			}
			this.timeout = millis;
			this.timeoutSetByAuthor = true;
			Fetch current = this.fetch;
			if (current != null && !this.synchronous) {
				this.asyncSend.scheduleTimeout(current);
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Return whether cross-origin requests carry credentials.
	 * @return the withCredentials flag
	 */
	public boolean getWithCredentials() {
		this.lock.lock();
		try {
			return this.withCredentials;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Set whether cross-origin requests carry credentials.
	 * @param value the flag
	 * @throws DOMException {@code InvalidStateError} after {@code send()}
	 */
	public void setWithCredentials(boolean value) {
		this.lock.lock();
		try {
			if ((this.state != UNSENT && this.state != OPENED) || this.sendInvoked) {
				throw new DOMException("withCredentials can only be set before send(), state is " + stateName(),
						DOMException.INVALID_STATE_ERROR);
			}
			this.withCredentials = value;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Return the upload object, the target of the request body's progress events (always the same object).
	 * @return the upload object
	 */
	public XMLHttpRequestUpload getUpload() {
		return this.upload;
	}

	// ---- send() and abort() -------------------------------------------------------------------------------------

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
		this.lock.lock();
		try {
			if (this.state != OPENED) {
				throw new DOMException("send() called in state " + stateName() + "; call open() first",
						DOMException.INVALID_STATE_ERROR);
			}
			if (this.sendInvoked) {
				throw new DOMException("send() was already called; call open() to start a new request",
						DOMException.INVALID_STATE_ERROR);
			}
			if (this.synchronous) {
				SyncXhrPolicies.check(this.engine.settings().syncXhrPolicy());
			}
			if (this.method.equals("GET") || this.method.equals("HEAD")) {
				body = null;
			}
			RequestBody extracted = (body != null) ? RequestBodies.extract(body) : null;
			if (extracted != null) {
				String authorContentType = this.authorHeaders.get("Content-Type");
				if (authorContentType == null && extracted.contentType() != null) {
					this.authorHeaders.combine("Content-Type", extracted.contentType());
				}
				else if (authorContentType != null && extracted.utf8Text()) {
					this.authorHeaders.set("Content-Type", RequestBody.correctCharset(authorContentType));
				}
			}
			this.uploadListener = this.upload.hasAnyListeners();
			XhrSettings settings = this.engine.settings();
			CredentialsMode credentialsMode = CredentialsMode.of(
					CredentialsMode.valueOf(settings.credentialsPolicy().name()), this.withCredentials, getMozAnon());
			FetchRequest request = new FetchRequest(this.method, RequestUrls.withoutFragment(requestUrl()),
					this.authorHeaders.toArray(), extracted, credentialsMode,
					getMozSystem() ? null : settings.origin(), this.uploadListener);
			// An empty body uploads nothing: no upload events, as for no body. Nor does a request to a data: URL,
			// whose body is never read: Chromium fires no upload event at all for it, and by the standard fetch
			// never reaches processRequestEndOfBody for a data: URL (scheme fetch answers from the URL alone), so
			// an upload loadstart would never be followed by a loadend.
			this.uploadComplete = (extracted == null || extracted.isEmpty()
					|| "data".equals(request.url().getScheme()));
			this.timedOut = false;
			this.sendInvoked = true;
			if (this.synchronous) {
				SyncSend.run(this, request);
			}
			else {
				this.asyncSend.start(request);
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Abort the request. In {@code OPENED} after {@code send()}, {@code HEADERS_RECEIVED} and {@code LOADING} it
	 * fires {@code readystatechange}, {@code abort} and {@code loadend} (on the upload object first, if the upload
	 * was not complete) before returning; in {@code DONE} the state becomes {@code UNSENT} without events.
	 * @see <a href="https://xhr.spec.whatwg.org/#the-abort()-method">XHR §3.5.3 abort()</a>
	 */
	public void abort() {
		this.lock.lock();
		try {
			Fetch current = this.fetch;
			if (current != null) {
				current.aborted = true;
				terminate(current);
			}
			short s = this.state;
			if ((s == OPENED && this.sendInvoked) || s == HEADERS_RECEIVED || s == LOADING) {
				// A synchronous send() blocked in another thread throws AbortError itself when it wakes up.
				requestErrorSteps(ABORT, DOMException.ABORT_ERROR, "The request was aborted", null);
			}
			if (this.state == DONE) {
				this.state = UNSENT;
				resetResponse();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	// ---- response -------------------------------------------------------------------------------------------------

	/**
	 * Return the final URL of the response without its fragment, or {@code ""} before headers arrive.
	 * @return the response URL
	 */
	public String getResponseURL() {
		URI responseUrl = this.response.url();
		return (responseUrl != null) ? RequestUrls.serializeWithoutFragment(responseUrl) : "";
	}

	/**
	 * Return the HTTP status code, 0 before headers arrive and after a network error. 4xx and 5xx are not errors.
	 * @return the status
	 */
	public short getStatus() {
		return (short) this.response.status();
	}

	/**
	 * Return the reason phrase exactly as the server sent it ({@code ""} over HTTP/2).
	 * @return the status text
	 */
	public String getStatusText() {
		return this.response.statusText();
	}

	/**
	 * Return a response header, all its values joined by {@code ", "}; names are case-insensitive. Set-Cookie is
	 * never visible.
	 * @param name the header name
	 * @return the value, or {@code null} if the response has no such header
	 */
	public @Nullable String getResponseHeader(String name) {
		requireByteString(name, "name");
		return this.response.headers().get(name);
	}

	/**
	 * Return all response headers: lower-case names, one line per name sorted by name, {@code name: value} and
	 * CRLF each; {@code ""} before headers arrive.
	 * @return the headers
	 */
	public String getAllResponseHeaders() {
		return this.response.headers().serializeAll();
	}

	/**
	 * Override the response's MIME type for decoding (its charset wins) and parsing.
	 * @param mime the MIME type; one that does not parse counts as {@code application/octet-stream}
	 * @throws DOMException {@code InvalidStateError} in {@code LOADING} and {@code DONE}
	 */
	public void overrideMimeType(String mime) {
		Objects.requireNonNull(mime, "'mime' must not be null");
		this.lock.lock();
		try {
			if (this.state == LOADING || this.state == DONE) {
				throw new DOMException("overrideMimeType() called in state " + stateName()
						+ "; call it before the response body arrives", DOMException.INVALID_STATE_ERROR);
			}
			MimeType parsed = MimeType.parse(mime);
			this.overrideMimeType = (parsed != null) ? parsed : MimeType.parse("application/octet-stream");
			this.responseObjects.invalidateText();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Return the response type.
	 * @return the response type, {@link XMLHttpRequestResponseType#EMPTY} by default
	 */
	public XMLHttpRequestResponseType getResponseType() {
		this.lock.lock();
		try {
			return this.responseType;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Set the response type.
	 * @param type the response type
	 * @throws DOMException {@code InvalidStateError} in {@code LOADING} and {@code DONE}, {@code InvalidAccessError}
	 * for a synchronous request in the {@link GlobalScope#WINDOW} scope
	 */
	public void setResponseType(XMLHttpRequestResponseType type) {
		Objects.requireNonNull(type, "'type' must not be null");
		this.lock.lock();
		try {
			if (!isWindow() && type == XMLHttpRequestResponseType.DOCUMENT) {
				return; // XHR §3.6.7: workers ignore "document"
			}
			if (this.state == LOADING || this.state == DONE) {
				throw new DOMException("responseType cannot be set in state " + stateName(),
						DOMException.INVALID_STATE_ERROR);
			}
			if (isWindow() && this.synchronous) {
				throw new DOMException("A synchronous request cannot have a responseType in the WINDOW global "
						+ "scope", DOMException.INVALID_ACCESS_ERROR);
			}
			this.responseType = type;
		}
		finally {
			this.lock.unlock();
		}
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
		this.lock.lock();
		try {
			if (isTextResponseType()) {
				return textResponse();
			}
			if (this.state != DONE || this.response.isNetworkError()) {
				return null;
			}
			return this.responseObjects.object(this.responseType, this.response, this.receivedBytes,
					this.overrideMimeType, this.method);
		}
		finally {
			this.lock.unlock();
		}
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
		return type.cast(mappedJsonResponse(ResolvableType.forClass(type)));
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
		return (T) mappedJsonResponse(ResolvableType.forType(type));
	}

	private @Nullable Object mappedJsonResponse(ResolvableType type) {
		this.lock.lock();
		try {
			if (this.state != DONE || this.response.isNetworkError() || this.receivedBytes.length() == 0) {
				return null;
			}
			return this.engine.jsonMapper().map(this.receivedBytes.array(), this.receivedBytes.length(), type);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Return the response as text, decoded with the charset of the (overridden) MIME type or UTF-8; a BOM wins.
	 * @return the text, partial while {@code LOADING}, {@code ""} before
	 * @throws DOMException {@code InvalidStateError} if the response type is not {@code ""} or {@code "text"}
	 */
	public String getResponseText() {
		this.lock.lock();
		try {
			if (!isTextResponseType()) {
				throw new DOMException("responseText is only available when responseType is \"\" or \"text\", it is \""
						+ this.responseType.idlValue() + "\"; use getResponse()", DOMException.INVALID_STATE_ERROR);
			}
			return textResponse();
		}
		finally {
			this.lock.unlock();
		}
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
		this.lock.lock();
		try {
			if (this.responseType != XMLHttpRequestResponseType.EMPTY
					&& this.responseType != XMLHttpRequestResponseType.DOCUMENT) {
				throw new DOMException("responseXML is only available when responseType is \"\" or \"document\", it "
						+ "is \"" + this.responseType.idlValue() + "\"; use getResponse()",
						DOMException.INVALID_STATE_ERROR);
			}
			if (!isWindow() || this.state != DONE || this.response.isNetworkError()) {
				return null;
			}
			return this.responseObjects.responseXml(this.response, this.receivedBytes, this.overrideMimeType,
					this.responseType == XMLHttpRequestResponseType.EMPTY, this.method);
		}
		finally {
			this.lock.unlock();
		}
	}

	// ---- Firefox extensions ---------------------------------------------------------------------------------------

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
		this.lock.lock();
		try {
			return this.mozBackgroundRequest;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Mark the request as a background request (Firefox's {@code mozBackgroundRequest}).
	 * @param value the flag
	 * @throws DOMException {@code InvalidStateError} after {@code send()}
	 */
	public void setMozBackgroundRequest(boolean value) {
		this.lock.lock();
		try {
			if ((this.state != UNSENT && this.state != OPENED) || this.sendInvoked) {
				throw new DOMException("mozBackgroundRequest can only be set before send(), state is " + stateName(),
						DOMException.INVALID_STATE_ERROR);
			}
			this.mozBackgroundRequest = value;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Return Firefox's {@code channel}: a read-only view of the exchange that produced the response — final URI,
	 * negotiated protocol, remote address.
	 * @return an {@link XhrChannel} from {@code HEADERS_RECEIVED} on, {@code null} before and after an error
	 */
	public @Nullable Object getChannel() {
		return this.channel;
	}

	@Override
	public String toString() {
		URI current = this.url;
		return "XMLHttpRequest[" + this.method + " "
				+ ((current != null) ? RequestUrls.serializeWithoutFragment(RequestUrls.requestTarget(current)) : "-")
				+ ", readyState=" + stateName() + "]";
	}

	// ---- shared steps ----------------------------------------------------------------------------------------------

	/**
	 * XHR "request error steps": DONE, a network error response, then (asynchronous only) readystatechange and the
	 * event and loadend, at the upload object first if its upload was not complete.
	 * @return the exception a synchronous send() throws, or {@code null} when asynchronous
	 * @see <a href="https://xhr.spec.whatwg.org/#request-error-steps">XHR request error steps</a>
	 */
	@Nullable DOMException requestErrorSteps(String event, String exceptionName, String message,
			@Nullable Throwable cause) {
		this.state = DONE;
		this.sendInvoked = false;
		resetResponse();
		if (this.synchronous) {
			return (cause != null) ? new DOMException(message, exceptionName, cause)
					: new DOMException(message, exceptionName);
		}
		fireSimpleEvent(READYSTATECHANGE);
		if (!this.uploadComplete) {
			this.uploadComplete = true;
			if (this.uploadListener) {
				this.upload.fireProgressEvent(event, 0, 0);
				this.upload.fireProgressEvent(LOADEND, 0, 0);
			}
		}
		fireProgressEvent(event, 0, 0);
		fireProgressEvent(LOADEND, 0, 0);
		return null;
	}

	static DOMException requireException(@Nullable DOMException exception) {
		return Objects.requireNonNull(exception, "synchronous request error steps return an exception");
	}

	void terminate(Fetch current) {
		current.terminate();
		if (this.fetch == current) {
			this.fetch = null;
		}
	}

	boolean isCurrent(Fetch candidate) {
		return this.fetch == candidate && !candidate.terminated;
	}

	void resetResponse() {
		this.response = XhrResponse.NETWORK_ERROR;
		this.channel = null;
		this.receivedBytes = new ReceivedBytes();
		this.responseObjects.reset();
	}

	private String textResponse() {
		if (this.state != LOADING && this.state != DONE) {
			return "";
		}
		return this.responseObjects.text(this.response, this.receivedBytes, this.overrideMimeType,
				this.responseType == XMLHttpRequestResponseType.EMPTY);
	}

	private boolean isTextResponseType() {
		return this.responseType == XMLHttpRequestResponseType.EMPTY
				|| this.responseType == XMLHttpRequestResponseType.TEXT;
	}

	private URI requestUrl() {
		return Objects.requireNonNull(this.url, "open() sets the URL");
	}

	private @Nullable URI baseUrl() {
		XhrSettings settings = this.engine.settings();
		return (settings.baseUrl() != null) ? settings.baseUrl() : settings.origin();
	}

	private boolean isWindow() {
		return this.engine.settings().globalScope() == GlobalScope.WINDOW;
	}

	private String stateName() {
		return STATE_NAMES[this.state];
	}

	/**
	 * Apply open() steps 2–4 to a method.
	 * @throws DOMException SyntaxError for a non-token, SecurityError for a forbidden method
	 */
	private static String checkMethod(String method) {
		if (!HttpTokens.isToken(method)) {
			throw new DOMException("'" + method + "' is not a valid HTTP method: it must be a token "
					+ "(letters, digits and !#$%&'*+-.^_`|~)", DOMException.SYNTAX_ERROR);
		}
		if (HttpMethods.isForbidden(method)) {
			throw new DOMException("The method '" + method + "' is forbidden (CONNECT, TRACE and TRACK are)",
					DOMException.SECURITY_ERROR);
		}
		return HttpMethods.normalize(method);
	}

	/** open() step 5: a URL that cannot be parsed is a SyntaxError. */
	private URI parseUrl(String url) {
		try {
			return RequestUrls.parse(url, baseUrl());
		}
		catch (UrlSyntaxException ex) {
			throw new DOMException(ex.getMessage(), DOMException.SYNTAX_ERROR);
		}
	}

	private static void requireByteString(String value, String argument) {
		if (value == null) {
			throw new IllegalArgumentException("'" + argument + "' must not be null");
		}
		if (!HttpTokens.isByteString(value)) {
			throw new IllegalArgumentException("TypeError: '" + argument + "' must be a ByteString (no character "
					+ "above U+00FF), was '" + value + "'");
		}
	}

}
