package dev.springxhr.xhr;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

/**
 * The fetch controller of one {@code send()}: what terminating or aborting it cancels, and the per-send progress
 * bookkeeping. Guarded by the request's lock.
 */
final class Fetch {

	final OutgoingRequest request;

	final long startNanos;

	@Nullable Disposable exchange;

	@Nullable Disposable timer;

	/** Wakes a synchronous send() waiting for this fetch. */
	@Nullable Runnable onTerminate;

	boolean terminated;

	boolean aborted;

	/** Download side: the announced length (0 if unknown) and the last time progress was fired. */
	long length;

	long lastProgressNanos;

	boolean progressFired;

	/** The {@code loaded} of the last progress event, so that the end of the body reports only what is new. */
	long reportedLoaded;

	/** Upload side: bytes handed to the connection and the last time upload progress was fired. */
	long uploadTransmitted;

	long lastUploadProgressNanos;

	boolean uploadProgressFired;

	Fetch(OutgoingRequest request, long startNanos) {
		this.request = request;
		this.startNanos = startNanos;
	}

	/** Fetch "terminate": cancel the exchange and the timer; events of this fetch are ignored from now on. */
	void terminate() {
		this.terminated = true;
		cancelTimer();
		Disposable exchange = this.exchange;
		if (exchange != null) {
			exchange.dispose();
		}
		Runnable wake = this.onTerminate;
		if (wake != null) {
			wake.run();
		}
	}

	void cancelTimer() {
		Disposable timer = this.timer;
		if (timer != null) {
			timer.dispose();
			this.timer = null;
		}
	}

}
