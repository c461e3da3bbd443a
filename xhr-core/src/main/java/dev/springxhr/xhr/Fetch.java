package dev.springxhr.xhr;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

import dev.springxhr.xhr.internal.fetch.FetchRequest;
import dev.springxhr.xhr.internal.task.SerialTaskQueue;
import dev.springxhr.xhr.internal.task.CallerContexts;

/**
 * The fetch controller of one {@code send()}: what terminating or aborting it cancels, and the per-send progress
 * bookkeeping. Guarded by the request's lock.
 */
final class Fetch {

	final FetchRequest request;

	final long startNanos;

	/** The thread-local context of the code that called send(), restored around each event task of this send. */
	final ContextSnapshot callerContext;

	/** The queue of this send's event tasks (see {@code AsyncSend}); set before the fetch starts. */
	@SuppressWarnings("NullAway.Init")
	SerialTaskQueue tasks;

	/** The Observation of this send, the parent of WebClient's; {@code null} when not observed. */
	@Nullable Observation observation;

	@Nullable Disposable exchange;

	@Nullable Disposable timer;

	/** Wakes a synchronous send() waiting for this fetch. */
	@Nullable Runnable onTerminate;

	/** Re-arms an asynchronous send's timer when the timeout attribute changes (XHR §3.4). */
	@Nullable Runnable onTimeoutChange;

	boolean terminated;

	boolean aborted;

	/** Download side: the announced length (0 if unknown) and the last time progress was fired. */
	long length;

	long lastProgressNanos;

	boolean progressFired;

	/** The {@code loaded} of the last progress event, so that the end of the body reports only what is new. */
	long reportedLoaded;

	/** A timer that reports bytes the throttle held back, as a browser's progress throttle does. */
	@Nullable Disposable progressFlush;

	/**
	 * Body chunks received on the transport's threads and not yet appended. One task appends all that arrived, so
	 * that what the network delivered together (one server write split over several reads) is reported together.
	 */
	final Queue<DataBuffer> pendingChunks = new ConcurrentLinkedQueue<>();

	final AtomicBoolean chunkTaskScheduled = new AtomicBoolean();

	/** Upload side: bytes handed to the connection, the last upload progress, and what it reported. */
	long uploadTransmitted;

	long lastUploadProgressNanos;

	/** The {@code loaded} of the last upload progress event, -1 before the first. */
	long uploadReportedLoaded = -1;

	Fetch(FetchRequest request, long startNanos) {
		this(request, startNanos, CallerContexts.capture());
	}

	Fetch(FetchRequest request, long startNanos, ContextSnapshot callerContext) {
		this.request = request;
		this.startNanos = startNanos;
		this.callerContext = callerContext;
		// Bytes are counted when handed to the connection, not when they leave it: the first upload progress waits
		// for the throttle interval, so a small body reports once, at its end (Chromium: send-post-string).
		this.lastUploadProgressNanos = startNanos;
	}

	/** Release the chunks that will never be appended. */
	void discardPendingChunks() {
		DataBuffer chunk;
		while ((chunk = this.pendingChunks.poll()) != null) {
			DataBufferUtils.release(chunk);
		}
	}

	/** Fetch "terminate": cancel the exchange and the timer; events of this fetch are ignored from now on. */
	void terminate() {
		this.terminated = true;
		cancelTimer();
		Disposable exchange = this.exchange;
		if (exchange != null) {
			exchange.dispose();
		}
		discardPendingChunks();
		Runnable wake = this.onTerminate;
		if (wake != null) {
			wake.run();
		}
	}

	/** The timeout attribute changed while this fetch runs. */
	void timeoutChanged() {
		Runnable rearm = this.onTimeoutChange;
		if (rearm != null) {
			rearm.run();
		}
	}

	void cancelTimer() {
		Disposable timer = this.timer;
		if (timer != null) {
			timer.dispose();
			this.timer = null;
		}
		cancelProgressFlush();
	}

	void cancelProgressFlush() {
		Disposable flush = this.progressFlush;
		if (flush != null) {
			flush.dispose();
			this.progressFlush = null;
		}
	}

}
