package dev.springxhr.xhr;

import dev.springxhr.xhr.internal.fetch.FetchRequest;
import dev.springxhr.xhr.internal.transport.ResponseHead;
import dev.springxhr.xhr.internal.fetch.XhrResponse;

import static dev.springxhr.xhr.XMLHttpRequest.DONE;
import static dev.springxhr.xhr.XMLHttpRequest.READYSTATECHANGE;
import static dev.springxhr.xhr.XMLHttpRequestEventTarget.ABORT;
import static dev.springxhr.xhr.XMLHttpRequestEventTarget.ERROR;
import static dev.springxhr.xhr.XMLHttpRequestEventTarget.LOAD;
import static dev.springxhr.xhr.XMLHttpRequestEventTarget.LOADEND;
import static dev.springxhr.xhr.XMLHttpRequestEventTarget.TIMEOUT;

/**
 * The synchronous path of {@code send()}: XHR §3.5 send() step 12. The caller's thread waits, with the request's
 * lock released so that other threads can still {@code abort()}; then it runs "handle response end-of-body" without
 * progress events, or the request error steps, which throw instead of firing events.
 *
 * @see <a href="https://xhr.spec.whatwg.org/#the-send()-method">XHR §3.5 send()</a>
 */
final class SyncSend {

	private SyncSend() {
	}

	static void run(XMLHttpRequest xhr, FetchRequest request) {
		Fetch started = new Fetch(request, System.nanoTime());
		xhr.fetch = started;
		SyncFetch outcome = SyncFetch.start(xhr.engine, request, started);
		SyncFetch.Wait waited = awaitWithoutLock(xhr, outcome, xhr.timeout);
		if (xhr.fetch != started || (started.terminated && started.aborted)) {
			// abort() or open() from another thread ended this send; abort() already reset the state.
			throw new DOMException("The synchronous request was aborted", DOMException.ABORT_ERROR);
		}
		if (waited == SyncFetch.Wait.TIMED_OUT) {
			xhr.timedOut = true;
			xhr.terminate(started);
			throw XMLHttpRequest.requireException(xhr.requestErrorSteps(TIMEOUT, DOMException.TIMEOUT_ERROR,
					"The synchronous request timed out after " + xhr.timeout + " ms", null));
		}
		if (waited == SyncFetch.Wait.INTERRUPTED) {
			xhr.terminate(started);
			throw XMLHttpRequest.requireException(xhr.requestErrorSteps(ABORT, DOMException.ABORT_ERROR,
					"The thread was interrupted while waiting for the synchronous request", null));
		}
		Throwable error = outcome.error();
		ResponseHead head = outcome.head();
		if (error != null || head == null) {
			xhr.terminate(started);
			String message = (error != null) ? error.getMessage() : "no response";
			throw XMLHttpRequest.requireException(xhr.requestErrorSteps(ERROR, DOMException.NETWORK_ERROR,
					"The synchronous request failed: " + message, error));
		}
		// XHR §3.5 "handle response end-of-body", synchronous: no progress, no readystatechange 2 or 3.
		xhr.fetch = null;
		xhr.response = new XhrResponse(head.status(), head.statusText(), head.headers(),
				(head.url() != null) ? head.url() : xhr.url);
		xhr.channel = XhrChannel.of(head);
		xhr.receivedBytes = outcome.body();
		long transmitted = xhr.receivedBytes.length();
		long length = Math.max(0, xhr.response.contentLength());
		xhr.state = DONE;
		xhr.sendInvoked = false;
		xhr.fireSimpleEvent(READYSTATECHANGE);
		xhr.fireProgressEvent(LOAD, transmitted, length);
		xhr.fireProgressEvent(LOADEND, transmitted, length);
	}

	/** Wait for a synchronous fetch with the lock released, so that other threads can still abort() it. */
	private static SyncFetch.Wait awaitWithoutLock(XMLHttpRequest xhr, SyncFetch outcome, long timeoutMillis) {
		int holds = xhr.lock.getHoldCount();
		for (int i = 0; i < holds; i++) {
			xhr.lock.unlock();
		}
		try {
			return outcome.await(timeoutMillis);
		}
		finally {
			for (int i = 0; i < holds; i++) {
				xhr.lock.lock();
			}
		}
	}

}
