package dev.springxhr.xhr;

import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * How one send's end is seen from outside the request: its Observation stops, then its {@code CompletableFuture}
 * completes, in that order, so that code which awaited the completion finds the observation stopped. Guarded by the
 * request's lock.
 */
final class SendCompletion {

	/** The completion of the current send, or of the next one before send(); a new one once that has ended. */
	private CompletableFuture<XMLHttpRequest> future = new CompletableFuture<>();

	private @Nullable SendObservation observation;

	/**
	 * The completion of the current send (or of the next one, before send()): completed with the request after
	 * {@code loadend}, or failed with the {@link DOMException} of a network error, the timeout or an abort.
	 */
	CompletableFuture<XMLHttpRequest> future() {
		return this.future;
	}

	/** XHR §3.5 send(): a send whose predecessor has ended gets a completion of its own. */
	void renew() {
		if (this.future.isDone()) {
			this.future = new CompletableFuture<>();
		}
	}

	/** The send is observed; the observation stops when the send ends. */
	void observe(@Nullable SendObservation sendObservation) {
		this.observation = sendObservation;
	}

	/** The send loaded: {@code loadend} and its listeners have run. */
	void succeed(XMLHttpRequest xhr) {
		stopObservation(XMLHttpRequestEventTarget.LOAD, null, xhr.getStatus());
		this.future.complete(xhr);
	}

	/**
	 * The send ended with an error, a timeout or an abort (or {@code open()} ended it).
	 * @param event the type of the event that ended it: {@code error}, {@code timeout} or {@code abort}
	 * @param failure the exception the completion fails with
	 */
	void fail(String event, DOMException failure) {
		stopObservation(event, failure, 0);
		this.future.completeExceptionally(failure);
	}

	private void stopObservation(String event, @Nullable DOMException failure, int status) {
		SendObservation observed = this.observation;
		if (observed != null) {
			this.observation = null;
			observed.stop(event, failure, status);
		}
	}

}
