package dev.springxhr.xhr;

import java.util.concurrent.TimeUnit;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.observation.Observation;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

import dev.springxhr.xhr.internal.fetch.FetchRequest;
import dev.springxhr.xhr.internal.task.SerialTaskQueue;
import dev.springxhr.xhr.internal.transport.ReceivedBytes;
import dev.springxhr.xhr.internal.transport.ResponseHead;
import dev.springxhr.xhr.internal.transport.TransportHandler;

import static dev.springxhr.xhr.XMLHttpRequestEventTarget.LOAD;
import static dev.springxhr.xhr.XMLHttpRequestEventTarget.LOADEND;
import static dev.springxhr.xhr.XMLHttpRequestEventTarget.LOADSTART;
import static dev.springxhr.xhr.XMLHttpRequestEventTarget.PROGRESS;

/**
 * The asynchronous path of {@code send()}: XHR §3.5 send() step 11 and the fetch's callbacks —
 * processRequestBodyChunkLength, processRequestEndOfBody, processResponse, processBodyChunk, "handle response
 * end-of-body", errors and the timeout. The transport's signals become tasks on the request's queue; every step runs
 * under the request's lock, only while its fetch is the current one, and changes the request only through its
 * {@link RequestState}.
 *
 * @see <a href="https://xhr.spec.whatwg.org/#the-send()-method">XHR §3.5 send()</a>
 */
final class AsyncSend {

	private static final Log LOGGER = LogFactory.getLog(XMLHttpRequest.class);

	private final XMLHttpRequest xhr;

	private final RequestState state;

	private final XhrEngine engine;

	private final SerialTaskQueue tasks;

	/** The queue on the event loop of the last send made from one ({@link EventDelivery#EVENT_LOOP}). */
	private @Nullable SerialTaskQueue loopTasks;

	AsyncSend(XMLHttpRequest xhr, RequestState state, XhrEngine engine, SerialTaskQueue tasks) {
		this.xhr = xhr;
		this.state = state;
		this.engine = engine;
		this.tasks = tasks;
	}

	void start(FetchRequest request) {
		SendObservation observation = SendObservation.start(this.engine.observations(), request.method());
		this.state.completion().observe(observation);
		// XHR §3.5 send() steps 11.1–11.4: loadstart fires inside send(), and a listener may end the send.
		this.xhr.fireProgressEvent(LOADSTART, 0, 0);
		boolean uploadEvents = this.state.reportsUpload();
		if (uploadEvents) {
			this.xhr.getUpload().fireProgressEvent(LOADSTART, 0, request.bodyLength());
		}
		// A listener that called open() and send() again started a fetch of its own: leave quietly, as Chromium
		// does ("if (!send_flag_ || loader_) return"), or that fetch would be replaced and run on unobserved.
		if (!this.state.sending() || this.state.hasFetch()) {
			return;
		}
		Fetch started = new Fetch(request, System.nanoTime());
		started.tasks = taskQueue();
		started.observation = (observation != null) ? observation.observation() : null;
		started.onTimeoutChange = () -> scheduleTimeout(started);
		this.state.fetchStarted(started);
		AsyncFetch handler = new AsyncFetch(started, uploadEvents);
		// The send's observation is current while the first hop starts here, for a tracer that parents new spans
		// on the current one; later hops get it from the Reactor Context.
		try (Observation.Scope scope = SendObservation.openScope(started.observation)) {
			started.exchange = this.engine.exchange(request, handler);
		}
		catch (RuntimeException ex) {
			handler.onError(ex);
			return;
		}
		scheduleTimeout(started);
	}

	/**
	 * The queue of a send's event tasks: with {@link EventDelivery#EVENT_LOOP}, a send from a Netty event loop has its
	 * events on that loop (run-to-completion: none can run before the sending code returns); else the request's queue
	 * on the factory's executor.
	 */
	private SerialTaskQueue taskQueue() {
		if (this.engine.settings().eventDelivery() == EventDelivery.EVENT_LOOP) {
			EventExecutor loop = ThreadExecutorMap.currentExecutor();
			if (loop != null && loop.inEventLoop()) {
				SerialTaskQueue last = this.loopTasks;
				if (last == null || last.executor() != loop) {
					last = new SerialTaskQueue(loop);
					this.loopTasks = last;
				}
				return last;
			}
		}
		return this.tasks;
	}

	/** Queues a step as an event task of the request. */
	private void runTask(Fetch owner, Runnable step) {
		owner.tasks.execute(() -> runStep(owner, step));
	}

	/**
	 * Runs a step under the lock, if its fetch is still the current one; a timeout that has passed goes first.
	 */
	private void runStep(Fetch owner, Runnable step) {
		// The caller's MDC, Observation and security context, as they were at send(), around the listeners.
		try (ContextSnapshot.Scope scope = owner.callerContext.setThreadLocals()) {
			runStepInContext(owner, step);
		}
	}

	private void runStepInContext(Fetch owner, Runnable step) {
		this.state.lock.lock();
		try {
			if (this.state.isCurrent(owner)) {
				if (timeoutElapsed(owner)) {
					processTimeout(owner);
				}
				else {
					step.run();
				}
			}
		}
		finally {
			this.state.lock.unlock();
		}
	}

	private void processRequestBodyChunk(Fetch current, int bytes) {
		current.uploadTransmitted += bytes;
		long now = System.nanoTime();
		if (!this.state.reportsUpload() || !ProgressThrottle.due(true, current.lastUploadProgressNanos, now)) {
			return;
		}
		current.lastUploadProgressNanos = now;
		current.uploadReportedLoaded = current.uploadTransmitted;
		this.xhr.getUpload().fireProgressEvent(PROGRESS, current.uploadTransmitted, current.request.bodyLength());
	}

	private void processRequestEndOfBody(Fetch current) {
		if (!this.state.completeUpload()) {
			return;
		}
		long length = current.request.bodyLength();
		// A body of known length was sent whole; a stream of unknown length reports what was transmitted.
		long transmitted = (length > 0) ? length : current.uploadTransmitted;
		// As for the download, the final upload progress reports only bytes no progress event has reported yet; but
		// it always fires when none has (XHR "handle request end-of-body" step 3), also for an empty body's 0 bytes.
		if (current.uploadReportedLoaded != transmitted) {
			current.uploadReportedLoaded = transmitted;
			this.xhr.getUpload().fireProgressEvent(PROGRESS, transmitted, length);
		}
		this.xhr.getUpload().fireProgressEvent(LOAD, transmitted, length);
		this.xhr.getUpload().fireProgressEvent(LOADEND, transmitted, length);
	}

	private void processResponse(Fetch current, ResponseHead head) {
		// The request body is always written before the response is processed (checklist §6.5).
		processRequestEndOfBody(current);
		if (!this.state.isCurrent(current)) {
			return;
		}
		current.length = this.state.headersReceived(head, this.engine.maxResponseSize());
	}

	/** XHR §3.5 processBodyChunk, for every chunk that arrived since the last time. */
	private void processBodyChunks(Fetch fetchOf) {
		if (!appendPendingChunks(fetchOf)) {
			return;
		}
		long now = System.nanoTime();
		if (ProgressThrottle.due(fetchOf.progressFired, fetchOf.lastProgressNanos, now)) {
			fireBodyProgress(fetchOf, now);
		}
		else if (fetchOf.progressFlush == null) {
			long delay = fetchOf.lastProgressNanos + ProgressThrottle.INTERVAL_NANOS - now;
			fetchOf.progressFlush = this.engine.timers()
				.schedule(() -> runTask(fetchOf, () -> flushBodyProgress(fetchOf)), delay, TimeUnit.NANOSECONDS);
		}
	}

	/** Report what the throttle held back, when the interval has passed and nothing else reported it. */
	private void flushBodyProgress(Fetch fetchOf) {
		fetchOf.progressFlush = null;
		appendPendingChunks(fetchOf);
		if (this.state.body().length() != fetchOf.reportedLoaded) {
			fireBodyProgress(fetchOf, System.nanoTime());
		}
	}

	private void fireBodyProgress(Fetch fetchOf, long now) {
		fetchOf.cancelProgressFlush();
		fetchOf.progressFired = true;
		fetchOf.lastProgressNanos = now;
		// XHR: readystatechange fires on every throttled chunk, not only on the change to LOADING.
		this.state.bodyReceived();
		// The standard has no state check between the two events. When a readystatechange listener aborted or
		// reopened, Chromium still fires this progress, with (0, 0): so do we (oracle: abort-in-rsc3).
		boolean current = this.state.isCurrent(fetchOf);
		long loaded = this.state.body().length();
		fetchOf.reportedLoaded = loaded;
		this.xhr.fireProgressEvent(PROGRESS, current ? loaded : 0, current ? fetchOf.length : 0);
	}

	/**
	 * Append the chunks that arrived; a response over {@code maxResponseSize} becomes a network error.
	 * @return whether bytes were appended and the fetch is still current
	 */
	private boolean appendPendingChunks(Fetch fetchOf) {
		boolean appended = false;
		DataBuffer chunk;
		while ((chunk = fetchOf.pendingChunks.poll()) != null) {
			try {
				this.state.appendBody(chunk, this.engine.maxResponseSize());
				appended = true;
			}
			catch (ReceivedBytes.ResponseTooLargeException ex) {
				processNetworkError(fetchOf, ex);
				return false;
			}
			finally {
				DataBufferUtils.release(chunk);
			}
		}
		return appended;
	}

	private void processResponseEndOfBody(Fetch current) {
		// Chunks whose read-end notice has not been processed yet are processed as processBodyChunk would.
		processBodyChunks(current);
		if (!this.state.isCurrent(current)) {
			return;
		}
		current.cancelProgressFlush();
		long transmitted = this.state.body().length();
		long length = current.length;
		// XHR "handle response end-of-body" step 6 fires progress unconditionally; browsers (and WPT's
		// send-response-event-order) fire it only for bytes no progress event has reported yet: a throttled
		// remainder. An empty body therefore has no progress event (oracle: async-get-204, head-request).
		if (transmitted != current.reportedLoaded) {
			this.xhr.fireProgressEvent(PROGRESS, transmitted, length);
			if (!this.state.isCurrent(current)) {
				return;
			}
		}
		this.state.responseEndOfBody(transmitted, length);
	}

	private void processNetworkError(Fetch current, Throwable cause) {
		if (LOGGER.isDebugEnabled()) {
			// Script only sees status 0 and "error"; the reason (CORS, redirects, the connection) is for the log.
			LOGGER.debug(this.xhr + " failed as a network error: " + cause.getMessage());
		}
		this.state.networkError(current, "The request failed: " + cause.getMessage(), cause);
	}

	private void processTimeout(Fetch current) {
		if (this.state.readyState() == XMLHttpRequest.DONE) {
			return;
		}
		this.state.timedOut(current, "The request timed out after " + this.xhr.timeoutMillis() + " ms");
	}

	/**
	 * Whether the timeout has passed: then it wins over a network event still waiting in the queue, as the
	 * standard's timer sets "timed out" the moment the time is up (oracle: timeout-post-large-upload).
	 */
	private boolean timeoutElapsed(Fetch current) {
		long timeout = this.xhr.timeoutMillis();
		return timeout != 0 && System.nanoTime() - current.startNanos >= TimeUnit.MILLISECONDS.toNanos(timeout);
	}

	/** XHR §3.4: the timeout counts from the start of send(); changing it re-arms the timer from that start. */
	private void scheduleTimeout(Fetch current) {
		current.cancelTimer();
		long timeout = this.xhr.timeoutMillis();
		if (timeout == 0) {
			return;
		}
		long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - current.startNanos);
		long remaining = timeout - elapsed;
		if (remaining <= 0) {
			runTask(current, () -> processTimeout(current));
		}
		else {
			current.timer = this.engine.timers()
				.schedule(() -> runTask(current, () -> processTimeout(current)), remaining, TimeUnit.MILLISECONDS);
		}
	}

	/** The transport's view of one asynchronous send: every signal becomes a task on the request's queue. */
	private final class AsyncFetch implements TransportHandler {

		private final Fetch owner;

		private final boolean uploadListener;

		AsyncFetch(Fetch owner, boolean uploadListener) {
			this.owner = owner;
			this.uploadListener = uploadListener;
		}

		@Override
		public boolean observesUpload() {
			return this.uploadListener;
		}

		@Override
		public @Nullable Observation observation() {
			return this.owner.observation;
		}

		@Override
		public void onRequestBodyChunk(int bytes) {
			AsyncSend.this.runTask(this.owner, () -> AsyncSend.this.processRequestBodyChunk(this.owner, bytes));
		}

		@Override
		public void onRequestBodyEnd() {
			AsyncSend.this.runTask(this.owner, () -> AsyncSend.this.processRequestEndOfBody(this.owner));
		}

		@Override
		public void onResponse(ResponseHead head) {
			AsyncSend.this.runTask(this.owner, () -> AsyncSend.this.processResponse(this.owner, head));
		}

		@Override
		public void onBodyChunk(DataBuffer chunk) {
			this.owner.pendingChunks.add(chunk);
		}

		@Override
		public void onBodyChunksRead() {
			if (this.owner.chunkTaskScheduled.compareAndSet(false, true)) {
				this.owner.tasks.execute(this::appendChunks);
			}
		}

		private void appendChunks() {
			// Reset first: a chunk that arrives from now on schedules the next task.
			this.owner.chunkTaskScheduled.set(false);
			runStep(this.owner, () -> processBodyChunks(this.owner));
			if (this.owner.terminated) {
				// Chunks that arrived after the fetch ended are never appended.
				this.owner.discardPendingChunks();
			}
		}

		@Override
		public void onComplete() {
			AsyncSend.this.runTask(this.owner, () -> AsyncSend.this.processResponseEndOfBody(this.owner));
		}

		@Override
		public void onError(Throwable error) {
			AsyncSend.this.runTask(this.owner, () -> AsyncSend.this.processNetworkError(this.owner, error));
		}

	}

}
