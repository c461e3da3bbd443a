package dev.springxhr.xhr.support;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XMLHttpRequestEventTarget;
import dev.springxhr.xhr.XMLHttpRequestUpload;
import dev.springxhr.xhr.event.Event;
import dev.springxhr.xhr.event.EventListener;
import dev.springxhr.xhr.event.EventTarget;
import dev.springxhr.xhr.event.ProgressEvent;

import static org.awaitility.Awaitility.await;

/**
 * Records every event of one {@link XMLHttpRequest} (and optionally of its upload object) as an immutable
 * {@link Entry}: type, target, readyState at dispatch, the ProgressEvent values, the thread, the time, and the
 * script call (see {@link #call}) the event was dispatched inside, if any.
 *
 * <p>Entries render compactly, in the notation of the browser oracle: {@code rsc(2)}, {@code progress(11,11,t)},
 * {@code u.load(12,12,t)}. {@link #timeline()} prefixes events fired synchronously inside a recorded call with the
 * call's name ({@code send>loadstart(0,0,f)}); {@link #detailed()} also appends the readyState the listener saw
 * ({@code load(4,4,t)@4}). Anything unexpected about an event itself (wrong target, untrusted, bubbling, a
 * readystatechange that is a ProgressEvent, a progress type that is not) is appended as {@code !flag}, so that it
 * breaks every sequence assertion.
 *
 * <p>The one recorder of the engine tests: assert on {@link #events()} (or {@link #timeline()}, {@link #detailed()}),
 * never on an ad-hoc list of event names. The oracle's {@code TraceRecorder} keeps a format of its own, the one of
 * the recorded browser traces it is compared with.
 *
 * <p>Thread-safe: entries may be recorded on any thread and read on any other.
 */
public final class EventRecorder {

	/** The eight event types of an XMLHttpRequest, readystatechange first. */
	public static final List<String> XHR_TYPES = List.of("readystatechange", "loadstart", "progress", "abort",
			"error", "load", "timeout", "loadend");

	/** The seven event types of the upload object. */
	public static final List<String> UPLOAD_TYPES = List.of("loadstart", "progress", "abort", "error", "load",
			"timeout", "loadend");

	/** Which object an event was dispatched at. */
	public enum Target {

		/** The XMLHttpRequest itself. */
		XHR,

		/** Its upload object. */
		UPLOAD

	}

	/**
	 * One recorded dispatch.
	 * @param type the event type
	 * @param target the object whose listener saw it
	 * @param readyState {@code xhr.getReadyState()} inside the listener
	 * @param progress whether the event is a {@link ProgressEvent}
	 * @param loaded {@link ProgressEvent#getLoaded()}, 0 for a plain event
	 * @param total {@link ProgressEvent#getTotal()}, 0 for a plain event
	 * @param lengthComputable {@link ProgressEvent#getLengthComputable()}, false for a plain event
	 * @param call the innermost {@link #call} running on the dispatching thread, or {@code null} if the event came
	 * from the event loop (the network, a timer)
	 * @param thread the name of the dispatching thread
	 * @param threadId the id of the dispatching thread
	 * @param nanos {@link System#nanoTime()} when the listener ran
	 * @param anomalies {@code !flag}s for whatever is wrong with the event object itself, or {@code ""}
	 */
	public record Entry(String type, Target target, int readyState, boolean progress, long loaded, long total,
			boolean lengthComputable, @Nullable String call, String thread, long threadId, long nanos,
			String anomalies) {

		/** @return whether the event was dispatched inside a recorded call (synchronously, on the caller's thread) */
		public boolean insideCall() {
			return this.call != null;
		}

		/** @return e.g. {@code rsc(2)}, {@code progress(11,11,t)}, {@code u.load(12,12,t)} */
		public String render() {
			StringBuilder out = new StringBuilder();
			if (this.target == Target.UPLOAD) {
				out.append("u.");
			}
			if (this.type.equals("readystatechange")) {
				out.append("rsc(").append(this.readyState).append(')');
			}
			else {
				out.append(this.type);
				if (this.progress) {
					out.append('(').append(this.loaded).append(',').append(this.total).append(',')
						.append(this.lengthComputable ? 't' : 'f').append(')');
				}
			}
			return out.append(this.anomalies).toString();
		}

		/** @return {@link #render()} prefixed with {@code call>} if dispatched inside a recorded call */
		public String renderWithCall() {
			return (this.call != null) ? this.call + ">" + render() : render();
		}

		/** @return {@link #renderWithCall()} with {@code @readyState} appended for events other than rsc */
		public String renderDetailed() {
			return this.type.equals("readystatechange") ? renderWithCall()
					: renderWithCall() + "@" + this.readyState;
		}

	}

	private final XMLHttpRequest xhr;

	private final List<Entry> entries = new CopyOnWriteArrayList<>();

	private final ThreadLocal<Deque<String>> calls = ThreadLocal.withInitial(ArrayDeque::new);

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger maxInFlight = new AtomicInteger();

	private volatile Duration dwell = Duration.ZERO;

	private EventRecorder(XMLHttpRequest xhr) {
		this.xhr = xhr;
	}

	/**
	 * Record the eight xhr event types with {@code addEventListener}.
	 * @param xhr the request
	 * @return the recorder
	 */
	public static EventRecorder attach(XMLHttpRequest xhr) {
		EventRecorder recorder = new EventRecorder(xhr);
		recorder.listen(xhr, Target.XHR, XHR_TYPES);
		return recorder;
	}

	/**
	 * Record the eight xhr types and the seven upload types with {@code addEventListener}.
	 * @param xhr the request
	 * @return the recorder
	 */
	public static EventRecorder attachWithUpload(XMLHttpRequest xhr) {
		EventRecorder recorder = attach(xhr);
		recorder.attachUpload();
		return recorder;
	}

	/**
	 * Record through the {@code on…} event handler properties instead of {@code addEventListener}.
	 * @param xhr the request
	 * @param upload whether to set the upload object's handlers too
	 * @return the recorder
	 */
	public static EventRecorder attachHandlers(XMLHttpRequest xhr, boolean upload) {
		EventRecorder recorder = new EventRecorder(xhr);
		xhr.setOnreadystatechange(recorder.listener(xhr, Target.XHR));
		recorder.setProgressHandlers(xhr, Target.XHR);
		if (upload) {
			recorder.setProgressHandlers(xhr.getUpload(), Target.UPLOAD);
		}
		return recorder;
	}

	/** Add listeners for the seven upload types (e.g. only after send(), to show they are too late). */
	public void attachUpload() {
		listen(this.xhr.getUpload(), Target.UPLOAD, UPLOAD_TYPES);
	}

	/**
	 * Make every recording listener stay this long in the listener (parked), to widen the window in which a
	 * concurrent dispatch of the same request would overlap and be counted by {@link #maxConcurrentDispatches()}.
	 * @param dwell the time to stay
	 * @return this recorder
	 */
	public EventRecorder dwell(Duration dwell) {
		this.dwell = dwell;
		return this;
	}

	private void listen(EventTarget target, Target kind, List<String> types) {
		EventListener listener = listener(target, kind);
		for (String type : types) {
			target.addEventListener(type, listener);
		}
	}

	private void setProgressHandlers(XMLHttpRequestEventTarget target, Target kind) {
		EventListener listener = listener(target, kind);
		target.setOnloadstart(listener);
		target.setOnprogress(listener);
		target.setOnabort(listener);
		target.setOnerror(listener);
		target.setOnload(listener);
		target.setOntimeout(listener);
		target.setOnloadend(listener);
	}

	private EventListener listener(EventTarget expectedTarget, Target kind) {
		return (event) -> {
			int concurrent = this.inFlight.incrementAndGet();
			this.maxInFlight.accumulateAndGet(concurrent, Math::max);
			try {
				record(event, expectedTarget, kind);
				long dwellNanos = this.dwell.toNanos();
				if (dwellNanos > 0) {
					java.util.concurrent.locks.LockSupport.parkNanos(dwellNanos);
				}
			}
			finally {
				this.inFlight.decrementAndGet();
			}
		};
	}

	private void record(Event event, EventTarget expectedTarget, Target kind) {
		long now = System.nanoTime();
		StringBuilder anomalies = new StringBuilder();
		if (event.getTarget() != expectedTarget || event.getCurrentTarget() != expectedTarget) {
			anomalies.append("!target");
		}
		if (kind == Target.UPLOAD && !(expectedTarget instanceof XMLHttpRequestUpload)) {
			anomalies.append("!uploadTarget");
		}
		if (!event.isTrusted()) {
			anomalies.append("!untrusted");
		}
		if (event.getBubbles() || event.getCancelable()) {
			anomalies.append("!bubblesOrCancelable");
		}
		boolean isProgress = event instanceof ProgressEvent;
		if (event.getType().equals("readystatechange") == isProgress) {
			anomalies.append(isProgress ? "!progressEvent" : "!plainEvent");
		}
		long loaded = 0;
		long total = 0;
		boolean computable = false;
		if (event instanceof ProgressEvent progress) {
			loaded = progress.getLoaded();
			total = progress.getTotal();
			computable = progress.getLengthComputable();
		}
		Thread thread = Thread.currentThread();
		this.entries.add(new Entry(event.getType(), kind, this.xhr.getReadyState(), isProgress, loaded, total,
				computable, this.calls.get().peek(), thread.getName(), thread.getId(), now, anomalies.toString()));
	}

	// ---- recorded calls ------------------------------------------------------------------------------------------

	/**
	 * Run a script call; events dispatched on this thread while it runs are marked as inside it.
	 * @param name the name used in {@link #timeline()}, e.g. {@code "send"}
	 * @param action the call
	 */
	public void call(String name, Runnable action) {
		Executor thread = this.callThread;
		if (thread != null && !onCallThread()) {
			// The script runs on its own thread (an event loop): the call, and the events fired inside it, run there.
			CompletableFuture<Void> done = CompletableFuture.runAsync(() -> call(name, action), thread);
			join(done);
			return;
		}
		Deque<String> stack = this.calls.get();
		stack.push(name);
		try {
			action.run();
		}
		finally {
			stack.pop();
		}
	}

	/**
	 * Run a script call that returns a value; see {@link #call(String, Runnable)}.
	 * @param name the call's name
	 * @param action the call
	 * @param <T> the result type
	 * @return the call's result
	 */
	public <T> T call(String name, Supplier<T> action) {
		Executor thread = this.callThread;
		if (thread != null && !onCallThread()) {
			return join(CompletableFuture.supplyAsync(() -> call(name, action), thread));
		}
		Deque<String> stack = this.calls.get();
		stack.push(name);
		try {
			return action.get();
		}
		finally {
			stack.pop();
		}
	}

	/** Where recorded calls run, when not on the calling thread: e.g. a Netty event loop, as a WebFlux handler. */
	private volatile @Nullable Executor callThread;

	/**
	 * Run this recorder's calls on an event loop, as a WebFlux handler makes them.
	 * @param loop the event loop
	 * @return this recorder
	 */
	public EventRecorder runCallsOn(io.netty.util.concurrent.EventExecutor loop) {
		this.callThread = loop;
		return this;
	}

	private boolean onCallThread() {
		return this.callThread instanceof io.netty.util.concurrent.EventExecutor loop && loop.inEventLoop();
	}

	private static <T> T join(CompletableFuture<T> call) {
		try {
			return call.get(30, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException | java.util.concurrent.TimeoutException ex) {
			throw new IllegalStateException("The recorded call did not end", ex);
		}
	}

	/** {@code xhr.open(method, url)} as the recorded call {@code open}. */
	public void open(String method, String url) {
		call("open", () -> this.xhr.open(method, url));
	}

	/** {@code xhr.open(method, url, async)} as the recorded call {@code open}. */
	public void open(String method, String url, boolean async) {
		call("open", () -> this.xhr.open(method, url, async));
	}

	/** {@code xhr.send()} as the recorded call {@code send}. */
	public void send() {
		call("send", () -> this.xhr.send());
	}

	/** {@code xhr.send(body)} as the recorded call {@code send}. */
	public void send(@Nullable Object body) {
		call("send", () -> this.xhr.send(body));
	}

	/** {@code xhr.abort()} as the recorded call {@code abort}. */
	public void abort() {
		call("abort", this.xhr::abort);
	}

	// ---- reading -------------------------------------------------------------------------------------------------

	/** @return the request the recorder listens to */
	public XMLHttpRequest xhr() {
		return this.xhr;
	}

	/** @return a snapshot of the entries, in dispatch order */
	public List<Entry> entries() {
		return Collections.unmodifiableList(new ArrayList<>(this.entries));
	}

	/** @return the events rendered compactly: {@code rsc(2)}, {@code progress(11,11,t)}, {@code u.load(12,12,t)} */
	public List<String> events() {
		return entries().stream().map(Entry::render).toList();
	}

	/** @return the events, those fired inside a recorded call prefixed {@code call>} */
	public List<String> timeline() {
		return entries().stream().map(Entry::renderWithCall).toList();
	}

	/** @return the {@link #timeline()} with {@code @readyState} after every event but rsc */
	public List<String> detailed() {
		return entries().stream().map(Entry::renderDetailed).toList();
	}

	/** @return the events that fired inside the named recorded call */
	public List<String> eventsInside(String call) {
		return entries().stream().filter((e) -> call.equals(e.call())).map(Entry::render).toList();
	}

	/** @return the events that fired outside every recorded call (from the event loop) */
	public List<String> eventsOutsideCalls() {
		return entries().stream().filter((e) -> !e.insideCall()).map(Entry::render).toList();
	}

	/** @return the entries of one type at one target */
	public List<Entry> entriesOf(Target target, String type) {
		return entries().stream().filter((e) -> e.target() == target && e.type().equals(type)).toList();
	}

	/**
	 * @param type an xhr event type ({@code "loadend"}) or an upload one prefixed {@code "u."}
	 * @return how many such events were recorded
	 */
	public int count(String type) {
		boolean upload = type.startsWith("u.");
		String bare = upload ? type.substring(2) : type;
		Target target = upload ? Target.UPLOAD : Target.XHR;
		return (int) this.entries.stream().filter((e) -> e.target() == target && e.type().equals(bare)).count();
	}

	/** @return the number of recorded events */
	public int size() {
		return this.entries.size();
	}

	/** @return the largest number of this recorder's listeners that ran at the same moment */
	public int maxConcurrentDispatches() {
		return this.maxInFlight.get();
	}

	// ---- waiting -------------------------------------------------------------------------------------------------

	/** Wait (up to 10 s) for the first xhr {@code loadend}. */
	public EventRecorder awaitLoadend() {
		return awaitCount("loadend", 1);
	}

	/** Wait (up to 10 s) until {@code n} xhr {@code loadend} events were recorded. */
	public EventRecorder awaitLoadends(int n) {
		return awaitCount("loadend", n);
	}

	/**
	 * Wait (up to 10 s) until at least {@code n} events of a type were recorded.
	 * @param type as for {@link #count(String)}
	 * @param n the count
	 * @return this recorder
	 */
	public EventRecorder awaitCount(String type, int n) {
		await().alias("waiting for " + n + " x " + type + " in " + this.entries).atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(5))
			.until(() -> count(type) >= n);
		return this;
	}

	/**
	 * Wait (up to 10 s) until the request's readyState is the given one.
	 * @param readyState the state
	 * @return this recorder
	 */
	public EventRecorder awaitReadyState(int readyState) {
		await().alias("waiting for readyState " + readyState).atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(5))
			.until(() -> this.xhr.getReadyState() == readyState);
		return this;
	}

	/**
	 * Check that no further event arrives for a while: fails as soon as one does.
	 * @param quiet how long nothing may happen
	 */
	public void assertNoMoreEventsFor(Duration quiet) {
		int seen = this.entries.size();
		await().alias("no event after " + this.entries)
			.during(quiet)
			.atMost(quiet.plusSeconds(2))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> this.entries.size() == seen);
	}

	@Override
	public String toString() {
		return timeline().toString();
	}

}
