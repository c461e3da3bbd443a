package dev.springxhr.xhr;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.buffer.DataBuffer;

import dev.springxhr.xhr.internal.url.RequestUrl;
import dev.springxhr.xhr.internal.fetch.XhrResponse;
import dev.springxhr.xhr.internal.transport.ReceivedBytes;
import dev.springxhr.xhr.internal.transport.ResponseHead;

import static dev.springxhr.xhr.XMLHttpRequest.DONE;
import static dev.springxhr.xhr.XMLHttpRequest.HEADERS_RECEIVED;
import static dev.springxhr.xhr.XMLHttpRequest.LOADING;
import static dev.springxhr.xhr.XMLHttpRequest.OPENED;
import static dev.springxhr.xhr.XMLHttpRequest.READYSTATECHANGE;
import static dev.springxhr.xhr.XMLHttpRequest.UNSENT;
import static dev.springxhr.xhr.XMLHttpRequestEventTarget.ABORT;
import static dev.springxhr.xhr.XMLHttpRequestEventTarget.ERROR;
import static dev.springxhr.xhr.XMLHttpRequestEventTarget.LOAD;
import static dev.springxhr.xhr.XMLHttpRequestEventTarget.LOADEND;
import static dev.springxhr.xhr.XMLHttpRequestEventTarget.TIMEOUT;

/**
 * One request's state machine: XHR §3's associated state — the state ({@code readyState}), the {@code send()} flag,
 * the synchronous, upload complete and upload listener flags, the response with its body, and the fetch controller
 * of the current send — and the standard's transitions, each firing the events the standard fires with it. The
 * asynchronous and synchronous send paths ({@link AsyncSend}, {@link SyncSend}) change the request only through
 * these transitions; "handle response end-of-body" and the request error steps exist here once.
 *
 * <p>Every transition runs with {@link #lock} held: by the calling thread for the methods of
 * {@link XMLHttpRequest}, by the event thread for a network event's task. Listeners run inside the transitions and
 * may call back into the request (the lock is reentrant), so a transition re-checks {@link #isCurrent(Fetch)}
 * after each event where the standard does.
 *
 * @see <a href="https://xhr.spec.whatwg.org/#xmlhttprequest">XHR §3 associated state</a>
 */
final class RequestState {

	private static final String[] STATE_NAMES = { "UNSENT", "OPENED", "HEADERS_RECEIVED", "LOADING", "DONE" };

	/** Held by every call and every event task: one thing at a time, as on a page's event loop. */
	final ReentrantLock lock = new ReentrantLock();

	private final XMLHttpRequest xhr;

	// Written under the lock; volatile where getters read without it.
	private volatile short readyState = UNSENT;

	private boolean sendFlag;

	private boolean synchronous;

	private boolean uploadComplete;

	private boolean uploadListener;

	private volatile XhrResponse response = XhrResponse.NETWORK_ERROR;

	private ReceivedBytes body = new ReceivedBytes();

	private final ResponseObjects responseObjects = new ResponseObjects();

	/** Firefox's channel: the exchange of the current response, once its headers arrived. */
	private volatile @Nullable XhrChannel channel;

	private @Nullable Fetch fetch;

	/** The current send's completion and Observation. */
	private final SendCompletion completion = new SendCompletion();

	RequestState(XMLHttpRequest xhr) {
		this.xhr = xhr;
	}

	/** Run an action with the lock held. */
	<T> T locked(Supplier<T> action) {
		this.lock.lock();
		try {
			return action.get();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Run an action with the lock held. */
	void locked(Runnable action) {
		this.lock.lock();
		try {
			action.run();
		}
		finally {
			this.lock.unlock();
		}
	}

	// ---- the state, read ---------------------------------------------------------------------------------------

	short readyState() {
		return this.readyState;
	}

	String stateName() {
		return STATE_NAMES[this.readyState];
	}

	/** The {@code send()} flag: set by send(), unset when the request ends or is reopened. */
	boolean sendFlag() {
		return this.sendFlag;
	}

	boolean synchronous() {
		return this.synchronous;
	}

	/** Whether send() may change the request's options now: {@code UNSENT} or {@code OPENED}, and not sent. */
	boolean beforeSend() {
		return (this.readyState == UNSENT || this.readyState == OPENED) && !this.sendFlag;
	}

	/** XHR §3.5 send() step 11.3: still {@code OPENED} and sent, so no loadstart listener ended the send. */
	boolean sending() {
		return this.readyState == OPENED && this.sendFlag;
	}

	/** Whether a fetch is running: a send() has started one that has not ended. */
	boolean hasFetch() {
		return this.fetch != null;
	}

	XhrResponse response() {
		return this.response;
	}

	ReceivedBytes body() {
		return this.body;
	}

	ResponseObjects responseObjects() {
		return this.responseObjects;
	}

	@Nullable XhrChannel channel() {
		return this.channel;
	}

	/** The completion (and Observation) of the current send, or of the next one before send(). */
	SendCompletion completion() {
		return this.completion;
	}

	/** Whether a fetch is the one of the current send: the events of an ended or replaced fetch are dropped. */
	boolean isCurrent(Fetch candidate) {
		return this.fetch == candidate && !candidate.terminated;
	}

	/** XHR §3.5 send() steps 1–2. */
	void checkSend() {
		if (this.readyState != OPENED) {
			throw new DOMException("send() called in state " + stateName() + "; call open() first",
					DOMException.INVALID_STATE_ERROR);
		}
		if (this.sendFlag) {
			throw new DOMException("send() was already called; call open() to start a new request",
					DOMException.INVALID_STATE_ERROR);
		}
	}

	// ---- open() and send() -----------------------------------------------------------------------------------

	/** XHR §3.2 open() steps 9–15: a send in progress ends without events, and the state becomes OPENED. */
	void open(boolean synchronous) {
		Fetch current = this.fetch;
		if (current != null) {
			terminate(current);
		}
		if (this.sendFlag) {
			// The standard ends the send without an event; its completion must not wait forever.
			this.completion.fail(ABORT, new DOMException("open() ended the send before it completed",
					DOMException.ABORT_ERROR));
		}
		this.sendFlag = false;
		this.synchronous = synchronous;
		this.uploadListener = false;
		resetResponse();
		if (this.readyState != OPENED) {
			this.readyState = OPENED;
			this.xhr.fireSimpleEvent(READYSTATECHANGE);
		}
	}

	/**
	 * XHR §3.5 send() steps 7–10.
	 * @param uploadListener whether the upload object has listeners
	 * @param uploadComplete whether there is nothing to upload (no body, an empty one, a data: URL)
	 */
	void send(boolean uploadListener, boolean uploadComplete) {
		this.completion.renew();
		this.uploadListener = uploadListener;
		this.uploadComplete = uploadComplete;
		this.sendFlag = true;
	}

	/** Upload events: only when the upload object had listeners at send() and the upload is not complete. */
	boolean reportsUpload() {
		return this.uploadListener && !this.uploadComplete;
	}

	void fetchStarted(Fetch started) {
		this.fetch = started;
	}

	/** XHR §3.4 timeout setter: a send in flight measures the new timeout from its start. */
	void timeoutChanged() {
		Fetch current = this.fetch;
		if (current != null && !this.synchronous) {
			current.timeoutChanged();
		}
	}

	// ---- the fetch's callbacks ----------------------------------------------------------------------------------

	/**
	 * processRequestEndOfBody: the upload is complete.
	 * @return whether upload events report it (there were upload listeners and it was not complete yet)
	 */
	boolean completeUpload() {
		if (this.uploadComplete) {
			return false;
		}
		this.uploadComplete = true;
		return this.uploadListener;
	}

	/**
	 * processResponse: the response and its headers; for an asynchronous request the state becomes
	 * {@code HEADERS_RECEIVED}, with its {@code readystatechange}.
	 * @param head the response head
	 * @param maxResponseSize the largest body the fetch lets through
	 * @return the announced body length, 0 if unknown
	 */
	long headersReceived(ResponseHead head, long maxResponseSize) {
		setResponse(head);
		long length = Math.max(0, this.response.contentLength());
		this.body.expect(length, maxResponseSize);
		this.readyState = HEADERS_RECEIVED;
		this.xhr.fireSimpleEvent(READYSTATECHANGE);
		return length;
	}

	/** processBodyChunk: append a chunk of the body. */
	void appendBody(DataBuffer chunk, long maxResponseSize) {
		this.body.append(chunk, maxResponseSize);
	}

	/** processBodyChunk: the state becomes {@code LOADING}; readystatechange fires on every reported chunk. */
	void bodyReceived() {
		if (this.readyState == HEADERS_RECEIVED) {
			this.readyState = LOADING;
		}
		this.xhr.fireSimpleEvent(READYSTATECHANGE);
	}

	/** A synchronous fetch's whole response, received while the caller waited: no events yet. */
	void responseReceived(ResponseHead head, ReceivedBytes received) {
		setResponse(head);
		this.body = received;
	}

	/**
	 * XHR §3.5 "handle response end-of-body" steps 7–10 (the final progress of step 6 is the asynchronous path's):
	 * the state becomes {@code DONE} and {@code readystatechange}, {@code load} and {@code loadend} fire.
	 * @param transmitted the body bytes received
	 * @param length the announced length, 0 if unknown
	 */
	void responseEndOfBody(long transmitted, long length) {
		Fetch current = this.fetch;
		if (current != null) {
			current.cancelTimer();
			this.fetch = null;
		}
		this.readyState = DONE;
		this.sendFlag = false;
		this.xhr.fireSimpleEvent(READYSTATECHANGE);
		this.xhr.fireProgressEvent(LOAD, transmitted, length);
		this.xhr.fireProgressEvent(LOADEND, transmitted, length);
		this.completion.succeed(this.xhr);
	}

	/**
	 * A network error ends the fetch (XHR §3.5 "handle errors").
	 * @return for a synchronous request the exception send() throws, else {@code null} (the events fired)
	 */
	@Nullable DOMException networkError(Fetch current, String message, @Nullable Throwable cause) {
		terminate(current);
		return requestErrorSteps(ERROR, DOMException.NETWORK_ERROR, message, cause);
	}

	/**
	 * The timeout elapsed (XHR §3.5 "handle errors", timed out flag set).
	 * @return for a synchronous request the exception send() throws, else {@code null}
	 */
	@Nullable DOMException timedOut(Fetch current, String message) {
		terminate(current);
		return requestErrorSteps(TIMEOUT, DOMException.TIMEOUT_ERROR, message, null);
	}

	/**
	 * A synchronous send() whose thread was interrupted ends as an abort.
	 * @return the exception send() throws
	 */
	@Nullable DOMException interrupted(Fetch current, String message) {
		terminate(current);
		return requestErrorSteps(ABORT, DOMException.ABORT_ERROR, message, null);
	}

	// ---- abort() ---------------------------------------------------------------------------------------------------

	/** XHR §3.5.3 abort() steps 1–3. */
	void abort() {
		Fetch current = this.fetch;
		if (current != null) {
			current.aborted = true;
			terminate(current);
		}
		short state = this.readyState;
		if ((state == OPENED && this.sendFlag) || state == HEADERS_RECEIVED || state == LOADING) {
			// A synchronous send() blocked in another thread throws AbortError itself when it wakes up.
			requestErrorSteps(ABORT, DOMException.ABORT_ERROR, "The request was aborted", null);
		}
		if (this.readyState == DONE) {
			this.readyState = UNSENT;
			resetResponse();
		}
	}

	// ---- shared steps ----------------------------------------------------------------------------------------------

	/**
	 * XHR §3.5 "request error steps": the state becomes {@code DONE} and the response a network error; a
	 * synchronous request gets the exception to throw, an asynchronous one fires {@code readystatechange}, the
	 * upload's event and {@code loadend} (when the upload was not complete and had listeners), then the event and
	 * {@code loadend}.
	 * @return the exception for a synchronous request, {@code null} for an asynchronous one
	 * @see <a href="https://xhr.spec.whatwg.org/#request-error-steps">XHR request error steps</a>
	 */
	@Nullable DOMException requestErrorSteps(String event, String exceptionName, String message,
			@Nullable Throwable cause) {
		this.readyState = DONE;
		this.sendFlag = false;
		resetResponse();
		DOMException failure = (cause != null) ? new DOMException(message, exceptionName, cause)
				: new DOMException(message, exceptionName);
		if (this.synchronous) {
			this.completion.fail(event, failure);
			return failure;
		}
		this.xhr.fireSimpleEvent(READYSTATECHANGE);
		if (!this.uploadComplete) {
			this.uploadComplete = true;
			if (this.uploadListener) {
				this.xhr.getUpload().fireProgressEvent(event, 0, 0);
				this.xhr.getUpload().fireProgressEvent(LOADEND, 0, 0);
			}
		}
		this.xhr.fireProgressEvent(event, 0, 0);
		this.xhr.fireProgressEvent(LOADEND, 0, 0);
		this.completion.fail(event, failure);
		return null;
	}

	/** Fetch "terminate": the fetch's events are dropped from now on. */
	void terminate(Fetch current) {
		current.terminate();
		if (this.fetch == current) {
			this.fetch = null;
		}
	}

	private void setResponse(ResponseHead head) {
		RequestUrl url = (head.url() != null) ? head.url() : this.xhr.requestUrlOrNull();
		this.response = new XhrResponse(head.status(), head.statusText(), head.headers(), url);
		this.channel = XhrChannel.of(head);
	}

	private void resetResponse() {
		this.response = XhrResponse.NETWORK_ERROR;
		this.channel = null;
		this.body = new ReceivedBytes();
		this.responseObjects.reset();
	}

}
