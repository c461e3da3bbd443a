package dev.springxhr.xhr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.channel.DefaultEventLoopGroup;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.springxhr.xhr.event.AddEventListenerOptions;
import dev.springxhr.xhr.event.EventListener;
import dev.springxhr.xhr.support.EventRecorder;
import dev.springxhr.xhr.support.EventRecorder.Entry;
import dev.springxhr.xhr.support.EventRecorder.Target;
import dev.springxhr.xhr.support.TestServer;
import dev.springxhr.xhr.support.XhrTestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Whole event sequences of asynchronous requests (checklist §6, §7, §8; oracle README "Observed sequences"):
 * type, target, readyState, ProgressEvent values, and whether each event fired inside the call
 * ({@code call>event}) or later from the event loop. Run with each {@link EventDelivery}: on the executor, calls
 * from the test's thread; on the event loop, calls from a Netty event loop, as a WebFlux handler makes them.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = { "executor", "event-loop" })
class AsyncEventSequenceTests {

	@RegisterExtension
	final XhrTestServer<TestServer> netty = XhrTestServer.netty();

	/** A Netty event loop that the "event-loop" runs make their calls from, as a WebFlux handler would. */
	private static final DefaultEventLoopGroup scriptLoop = new DefaultEventLoopGroup(1);

	/** Where events are delivered: {@code executor}, or {@code event-loop} ({@link EventDelivery#EVENT_LOOP}). */
	@Parameter
	String delivery;

	private @Nullable XhrFactory factory;

	@AfterAll
	static void stopScriptLoop() {
		scriptLoop.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
	}

	/** The test's factory, delivering events as the run says. */
	private XhrFactory factory() {
		XhrFactory current = this.factory;
		if (current == null) {
			current = this.delivery.equals("event-loop")
					? this.netty.newFactory((settings) -> settings.withEventDelivery(EventDelivery.EVENT_LOOP))
					: this.netty.factory();
			this.factory = current;
		}
		return current;
	}

	/** A recorder whose calls run where the run sends from: the test's thread, or an event loop. */
	private EventRecorder attach(XMLHttpRequest xhr) {
		EventRecorder recorder = EventRecorder.attach(xhr);
		return this.delivery.equals("event-loop") ? recorder.runCallsOn(scriptLoop.next()) : recorder;
	}

	private EventRecorder get(String path) {
		XMLHttpRequest xhr = factory().create();
		EventRecorder rec = attach(xhr);
		rec.open("GET", this.netty.url(path));
		rec.send();
		return rec;
	}

	// ---- success -------------------------------------------------------------------------------------------------

	@Test
	void successWithContentLength() {
		EventRecorder rec = get("/bytes?size=11").awaitLoadend();

		assertThat(rec.detailed()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)@1", "rsc(2)", "rsc(3)",
				"progress(11,11,t)@3", "rsc(4)", "load(11,11,t)@4", "loadend(11,11,t)@4");
		assertThat(rec.xhr().getStatus()).isEqualTo((short) 200);
		assertThat(rec.xhr().getResponseText()).isEqualTo(new String(TestServer.pattern(0, 11)));
		rec.assertNoMoreEventsFor(Duration.ofMillis(150));
	}

	@Test
	void networkEventsComeFromAnotherThreadAfterTheCallReturned() {
		EventRecorder rec = get("/bytes?size=11").awaitLoadend();

		List<Entry> entries = rec.entries();
		long caller = entries.get(0).threadId();
		assertThat(entries.subList(0, 2)).allSatisfy((e) -> {
			assertThat(e.insideCall()).isTrue();
			assertThat(e.threadId()).isEqualTo(caller);
		});
		// On the executor, another thread; on the event loop, the sending loop itself, after the call returned.
		boolean sameLoop = this.delivery.equals("event-loop");
		assertThat(entries.subList(2, entries.size())).allSatisfy((e) -> {
			assertThat(e.insideCall()).as("%s from the event loop", e.render()).isFalse();
			assertThat(e.threadId() == caller).as("%s on the caller's thread", e.render()).isEqualTo(sameLoop);
		});
	}

	@Test
	void chunkedBodyHasNoTotalAndIsNotLengthComputable() {
		EventRecorder rec = get("/trickle?cl=false&parts=2&size=1000&delay=120").awaitLoadend();

		assertThat(rec.xhr().getResponseHeader("content-length")).isNull();
		assertThat(rec.xhr().getResponseHeader("transfer-encoding")).isEqualTo("chunked");
		assertThat(rec.detailed()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)@1", "rsc(2)", "rsc(3)",
				"progress(1000,0,f)@3", "rsc(3)", "progress(2000,0,f)@3", "rsc(4)", "load(2000,0,f)@4",
				"loadend(2000,0,f)@4");
	}

	@Test
	void noContent204HasNoLoadingStateAndNoProgress() {
		EventRecorder rec = get("/status?code=204").awaitLoadend();

		assertThat(rec.detailed()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)@1", "rsc(2)", "rsc(4)",
				"load(0,0,f)@4", "loadend(0,0,f)@4");
		assertThat(rec.xhr().getStatus()).isEqualTo((short) 204);
		rec.assertNoMoreEventsFor(Duration.ofMillis(150));
	}

	@Test
	void headHasNoLoadingStateAndNoProgressButTotalFromContentLength() {
		XMLHttpRequest xhr = factory().create();
		EventRecorder rec = attach(xhr);
		rec.open("HEAD", this.netty.url("/bytes?size=100"));
		rec.send();
		rec.awaitLoadend();

		assertThat(rec.detailed()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)@1", "rsc(2)", "rsc(4)",
				"load(0,100,t)@4", "loadend(0,100,t)@4");
		assertThat(this.netty.server().requests()).extracting(TestServer.Received::method).containsExactly("HEAD");
	}

	@Test
	void status404IsLoadNotError() {
		EventRecorder rec = get("/text?status=404&reason=Nope&body=Nope!!!").awaitLoadend();

		assertThat(rec.events()).containsExactly("rsc(1)", "loadstart(0,0,f)", "rsc(2)", "rsc(3)", "progress(7,7,t)",
				"rsc(4)", "load(7,7,t)", "loadend(7,7,t)");
		assertThat(rec.xhr().getStatus()).isEqualTo((short) 404);
		assertThat(rec.xhr().getStatusText()).isEqualTo("Nope");
	}

	@Test
	void status500IsLoadNotError() {
		EventRecorder rec = get("/text?status=500&body=boom").awaitLoadend();

		assertThat(rec.events()).containsExactly("rsc(1)", "loadstart(0,0,f)", "rsc(2)", "rsc(3)", "progress(4,4,t)",
				"rsc(4)", "load(4,4,t)", "loadend(4,4,t)");
		assertThat(rec.xhr().getStatus()).isEqualTo((short) 500);
		assertThat(rec.xhr().getResponseText()).isEqualTo("boom");
	}

	// ---- progress ------------------------------------------------------------------------------------------------

	@Test
	void trickledBodyGivesOneRsc3AndProgressPairPerChunk() {
		EventRecorder rec = get("/trickle?parts=4&size=1000&delay=120").awaitLoadend();

		assertThat(rec.detailed()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)@1", "rsc(2)",
				"rsc(3)", "progress(1000,4000,t)@3", "rsc(3)", "progress(2000,4000,t)@3",
				"rsc(3)", "progress(3000,4000,t)@3", "rsc(3)", "progress(4000,4000,t)@3",
				"rsc(4)", "load(4000,4000,t)@4", "loadend(4000,4000,t)@4");
		assertProgressSpacedByThrottle(rec.entriesOf(Target.XHR, "progress"));
	}

	@Test
	void fastChunksAreThrottledAndOnlyUnreportedBytesGetAFinalProgress() {
		int parts = 30;
		int size = 100;
		int total = parts * size;
		EventRecorder rec = get("/trickle?parts=" + parts + "&size=" + size + "&delay=10").awaitLoadend();

		List<String> events = rec.events();
		assertThat(events.subList(0, 3)).containsExactly("rsc(1)", "loadstart(0,0,f)", "rsc(2)");
		assertThat(events.subList(events.size() - 3, events.size())).containsExactly("rsc(4)",
				"load(" + total + "," + total + ",t)", "loadend(" + total + "," + total + ",t)");
		List<Entry> middle = rec.entries().subList(3, events.size() - 3);
		// [rsc(3) progress(k)]+ and at most one trailing progress(total) for a throttled remainder
		List<Entry> paired = new ArrayList<>();
		int i = 0;
		while (i + 1 < middle.size() && middle.get(i).render().equals("rsc(3)")) {
			assertThat(middle.get(i + 1).type()).as("after rsc(3) in %s", events).isEqualTo("progress");
			paired.add(middle.get(i + 1));
			i += 2;
		}
		List<Entry> rest = middle.subList(i, middle.size());
		long lastPaired = paired.isEmpty() ? 0 : paired.get(paired.size() - 1).loaded();
		if (lastPaired == total) {
			assertThat(rest).as("no duplicate progress at end of body: %s", events).isEmpty();
		}
		else {
			assertThat(rest).extracting(Entry::render)
				.as("the unreported remainder gets one final progress: %s", events)
				.containsExactly("progress(" + total + "," + total + ",t)");
		}
		assertThat(paired).as("several pairs: %s", events).hasSizeGreaterThanOrEqualTo(3);
		assertThat(paired).as("throttled: fewer progress events than chunks").hasSizeLessThan(parts);
		assertThat(paired).allSatisfy((e) -> {
			assertThat(e.total()).isEqualTo(total);
			assertThat(e.lengthComputable()).isTrue();
			assertThat(e.readyState()).isEqualTo(3);
		});
		assertLoadedStrictlyIncreasing(rec.entriesOf(Target.XHR, "progress"));
		assertProgressSpacedByThrottle(paired);
	}

	private static void assertLoadedStrictlyIncreasing(List<Entry> progress) {
		for (int i = 1; i < progress.size(); i++) {
			assertThat(progress.get(i).loaded()).as("loaded strictly increasing: %s", progress)
				.isGreaterThan(progress.get(i - 1).loaded());
		}
	}

	/** No two throttled progress events within roughly 50 ms (5 ms of slack for dispatch jitter). */
	private static void assertProgressSpacedByThrottle(List<Entry> progress) {
		for (int i = 1; i < progress.size(); i++) {
			long gapMillis = Duration.ofNanos(progress.get(i).nanos() - progress.get(i - 1).nanos()).toMillis();
			assertThat(gapMillis).as("gap between %s and %s", progress.get(i - 1).render(), progress.get(i).render())
				.isGreaterThanOrEqualTo(45);
		}
	}

	// ---- upload --------------------------------------------------------------------------------------------------

	@Test
	void postStringWithUploadListenersFinishesUploadEventsBeforeHeaders() {
		XMLHttpRequest xhr = factory().create();
		EventRecorder rec = EventRecorder.attachWithUpload(xhr);
		rec.open("POST", this.netty.url("/echo"));
		rec.send("Test Message");
		rec.awaitLoadend();

		assertThat(rec.detailed()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)@1",
				"send>u.loadstart(0,12,t)@1", "u.progress(12,12,t)@1", "u.load(12,12,t)@1", "u.loadend(12,12,t)@1",
				"rsc(2)", "rsc(3)", "progress(12,12,t)@3", "rsc(4)", "load(12,12,t)@4", "loadend(12,12,t)@4");
		assertThat(xhr.getResponseText()).isEqualTo("Test Message");
	}

	@Test
	void postBytesWithUploadListenersFinishesUploadEventsBeforeHeaders() {
		XMLHttpRequest xhr = factory().create();
		EventRecorder rec = EventRecorder.attachWithUpload(xhr);
		rec.open("POST", this.netty.url("/echo"));
		rec.send(new byte[] { 1, 2, 3, 4 });
		rec.awaitLoadend();

		assertThat(rec.timeline()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)", "send>u.loadstart(0,4,t)",
				"u.progress(4,4,t)", "u.load(4,4,t)", "u.loadend(4,4,t)", "rsc(2)", "rsc(3)", "progress(4,4,t)",
				"rsc(4)", "load(4,4,t)", "loadend(4,4,t)");
	}

	@Test
	void largeUploadReportsIncreasingProgressAndCompletesBeforeHeaders() {
		int size = 300 * 1024;
		XMLHttpRequest xhr = factory().create();
		EventRecorder rec = EventRecorder.attachWithUpload(xhr);
		rec.open("POST", this.netty.url("/echo"));
		rec.send(TestServer.pattern(0, size));
		rec.awaitLoadend();

		List<String> events = rec.events();
		String all = size + "," + size + ",t";
		int rsc2 = events.indexOf("rsc(2)");
		assertThat(events.subList(0, 3)).containsExactly("rsc(1)", "loadstart(0,0,f)", "u.loadstart(0," + size + ",t)");
		assertThat(events.subList(rsc2 - 3, rsc2)).containsExactly("u.progress(" + all + ")", "u.load(" + all + ")",
				"u.loadend(" + all + ")");
		List<Entry> uploadProgress = rec.entriesOf(Target.UPLOAD, "progress");
		assertThat(uploadProgress).allSatisfy((e) -> assertThat(e.total()).isEqualTo(size));
		assertLoadedStrictlyIncreasing(uploadProgress);
		assertThat(events.subList(rsc2, events.size())).doesNotContain("u.progress", "u.load", "u.loadend")
			.allSatisfy((e) -> assertThat(e).doesNotStartWith("u."));
		assertThat(xhr.getResponseText()).hasSize(size);
	}

	@Test
	void postWithoutUploadListenersHasNoUploadEvents() {
		XMLHttpRequest xhr = factory().create();
		EventRecorder rec = attach(xhr);
		rec.open("POST", this.netty.url("/echo"));
		rec.send("Test Message");
		rec.awaitLoadend();

		assertThat(rec.timeline()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)", "rsc(2)", "rsc(3)",
				"progress(12,12,t)", "rsc(4)", "load(12,12,t)", "loadend(12,12,t)");
	}

	@Test
	void uploadListenersAddedAfterSendNeverFire() {
		XMLHttpRequest xhr = factory().create();
		EventRecorder rec = attach(xhr);
		rec.open("POST", this.netty.url("/trickle?parts=2&size=10&delay=150"));
		rec.send("Test Message");
		rec.attachUpload();
		List<String> lateHandler = new CopyOnWriteArrayList<>();
		xhr.getUpload().setOnload((e) -> lateHandler.add(e.getType()));
		xhr.getUpload().setOnloadend((e) -> lateHandler.add(e.getType()));
		rec.awaitLoadend();

		assertThat(rec.timeline()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)", "rsc(2)", "rsc(3)",
				"progress(10,20,t)", "rsc(3)", "progress(20,20,t)", "rsc(4)", "load(20,20,t)", "loadend(20,20,t)");
		assertThat(lateHandler).isEmpty();
	}

	@Test
	void uploadListenersWithoutBodyGetNoUploadEvents() {
		XMLHttpRequest xhr = factory().create();
		EventRecorder rec = EventRecorder.attachWithUpload(xhr);
		rec.open("POST", this.netty.url("/echo"));
		rec.send();
		rec.awaitLoadend();

		assertThat(rec.timeline()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)", "rsc(2)", "rsc(4)",
				"load(0,0,f)", "loadend(0,0,f)");
	}

	@Test
	void getIgnoresTheBodyAndHasNoUploadEvents() {
		XMLHttpRequest xhr = factory().create();
		EventRecorder rec = EventRecorder.attachWithUpload(xhr);
		rec.open("GET", this.netty.url("/bytes?size=5"));
		rec.send("Test Message");
		rec.awaitLoadend();

		assertThat(rec.timeline()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)", "rsc(2)", "rsc(3)",
				"progress(5,5,t)", "rsc(4)", "load(5,5,t)", "loadend(5,5,t)");
	}

	// ---- network errors ------------------------------------------------------------------------------------------

	@Test
	void connectionRefusedGet() {
		XMLHttpRequest xhr = factory().create();
		EventRecorder rec = attach(xhr);
		rec.open("GET", TestServer.closedPortUrl("/x"));
		rec.send();
		rec.awaitLoadend();

		assertThat(rec.detailed()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)@1", "rsc(4)",
				"error(0,0,f)@4", "loadend(0,0,f)@4");
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.DONE);
		assertThat(xhr.getStatus()).isZero();
		assertThat(xhr.getResponseURL()).isEmpty();
		rec.assertNoMoreEventsFor(Duration.ofMillis(150));
	}

	@Test
	void connectionRefusedPostWithUploadListenersAndBody() {
		XMLHttpRequest xhr = factory().create();
		EventRecorder rec = EventRecorder.attachWithUpload(xhr);
		rec.open("POST", TestServer.closedPortUrl("/x"));
		rec.send("Test Message");
		rec.awaitLoadend();

		assertThat(rec.detailed()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)@1",
				"send>u.loadstart(0,12,t)@1", "rsc(4)", "u.error(0,0,f)@4", "u.loadend(0,0,f)@4", "error(0,0,f)@4",
				"loadend(0,0,f)@4");
		assertThat(xhr.getStatus()).isZero();
	}

	@Test
	void connectionRefusedPostWithUploadListenersWithoutBody() {
		XMLHttpRequest xhr = factory().create();
		EventRecorder rec = EventRecorder.attachWithUpload(xhr);
		rec.open("POST", TestServer.closedPortUrl("/x"));
		rec.send();
		rec.awaitLoadend();

		assertThat(rec.timeline()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)", "rsc(4)", "error(0,0,f)",
				"loadend(0,0,f)");
	}

	@Test
	void connectionRefusedPostWithBodyWithoutUploadListeners() {
		XMLHttpRequest xhr = factory().create();
		EventRecorder rec = attach(xhr);
		rec.open("POST", TestServer.closedPortUrl("/x"));
		rec.send("Test Message");
		rec.awaitLoadend();

		assertThat(rec.timeline()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)", "rsc(4)", "error(0,0,f)",
				"loadend(0,0,f)");
	}

	@Test
	void connectionResetBeforeHeadersIsANetworkError() {
		EventRecorder rec = get("/reset").awaitLoadend();

		assertThat(rec.timeline()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)", "rsc(4)", "error(0,0,f)",
				"loadend(0,0,f)");
		assertThat(rec.xhr().getStatus()).isZero();
	}

	@Test
	void connectionClosedDuringTheBodyIsANetworkError() {
		EventRecorder rec = get("/close-mid?size=4000&first=1000&delay=100").awaitLoadend();

		assertThat(rec.detailed()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)@1", "rsc(2)", "rsc(3)",
				"progress(1000,4000,t)@3", "rsc(4)", "error(0,0,f)@4", "loadend(0,0,f)@4");
		assertThat(rec.xhr().getStatus()).isZero();
		assertThat(rec.xhr().getResponseText()).isEmpty();
		assertThat(rec.xhr().getAllResponseHeaders()).isEmpty();
	}

	// ---- re-entrancy: open() and send() from listeners and during a send -----------------------------------------

	@Test
	void openInsideHeadersReceivedDropsTheOldResponse() {
		// Spec (processResponse: state is no longer headers received → return), not Chromium's oracle open-in-rsc2.
		XMLHttpRequest xhr = factory().create();
		EventRecorder rec = attach(xhr);
		String second = this.netty.url("/bytes?size=2");
		xhr.addEventListener("readystatechange", (e) -> {
			if (xhr.getReadyState() == XMLHttpRequest.HEADERS_RECEIVED) {
				rec.open("GET", second);
			}
		});
		rec.open("GET", this.netty.url("/trickle?parts=3&size=1300&delay=60"));
		rec.send();
		rec.awaitCount("readystatechange", 3);

		assertThat(rec.timeline()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)", "rsc(2)", "open>rsc(1)");
		rec.assertNoMoreEventsFor(Duration.ofMillis(400));
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.OPENED);
		assertThat(xhr.getStatus()).isZero();
		assertThat(xhr.getResponseText()).isEmpty();
		assertThat(xhr.getAllResponseHeaders()).isEmpty();
	}

	@Test
	void openDuringASendEndsItSilently() {
		XMLHttpRequest xhr = factory().create();
		EventRecorder rec = attach(xhr);
		rec.open("GET", this.netty.url("/delay?ms=300"));
		rec.send();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.netty.server().requests().size() == 1);

		rec.open("GET", this.netty.url("/bytes?size=2"));

		// Still OPENED, so open() fires no readystatechange; the first request is dropped without events.
		assertThat(rec.timeline()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)");
		rec.assertNoMoreEventsFor(Duration.ofMillis(600));
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.OPENED);
		rec.send();
		rec.awaitLoadend();
		assertThat(rec.events()).containsExactly("rsc(1)", "loadstart(0,0,f)", "loadstart(0,0,f)", "rsc(2)", "rsc(3)",
				"progress(2,2,t)", "rsc(4)", "load(2,2,t)", "loadend(2,2,t)");
	}

	@Test
	void openInsideLoadstartEndsTheSendBeforeAnythingIsSent() {
		XMLHttpRequest xhr = factory().create();
		EventRecorder rec = EventRecorder.attachWithUpload(xhr);
		String url = this.netty.url("/echo");
		xhr.addEventListener("loadstart", (e) -> rec.open("POST", url));
		rec.open("POST", url);
		rec.send("Test Message");

		// open() unset the upload listener flag: no u.loadstart; and no request is made.
		assertThat(rec.timeline()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)");
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.OPENED);
		rec.assertNoMoreEventsFor(Duration.ofMillis(300));
		assertThat(this.netty.server().connectionCount()).isZero();
	}

	@Test
	void openAndSendInsideLoadendStartsASecondRequest() {
		XMLHttpRequest xhr = factory().create();
		EventRecorder rec = attach(xhr);
		String second = this.netty.url("/bytes?size=6");
		xhr.addEventListener("loadend", (e) -> {
			if (rec.count("loadend") == 1) {
				rec.open("GET", second);
				rec.send();
			}
		}, dev.springxhr.xhr.event.AddEventListenerOptions.defaults());
		rec.open("GET", this.netty.url("/bytes?size=5"));
		rec.send();
		rec.awaitLoadends(2);

		assertThat(rec.timeline()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)", "rsc(2)", "rsc(3)",
				"progress(5,5,t)", "rsc(4)", "load(5,5,t)", "loadend(5,5,t)", "open>rsc(1)", "send>loadstart(0,0,f)",
				"rsc(2)", "rsc(3)", "progress(6,6,t)", "rsc(4)", "load(6,6,t)", "loadend(6,6,t)");
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.DONE);
		assertThat(xhr.getResponseText()).isEqualTo(new String(TestServer.pattern(0, 6)));
	}

	// ---- listeners -----------------------------------------------------------------------------------------------

	@Test
	void handlerPropertiesGiveTheSameSequenceAsAddEventListener() {
		XMLHttpRequest viaHandlers = factory().create();
		EventRecorder handlers = EventRecorder.attachHandlers(viaHandlers, true);
		handlers.open("POST", this.netty.url("/echo"));
		handlers.send("Test Message");
		XMLHttpRequest viaListeners = factory().create();
		EventRecorder listeners = EventRecorder.attachWithUpload(viaListeners);
		listeners.open("POST", this.netty.url("/echo"));
		listeners.send("Test Message");
		handlers.awaitLoadend();
		listeners.awaitLoadend();

		assertThat(handlers.detailed()).isEqualTo(listeners.detailed());
		assertThat(handlers.detailed()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)@1",
				"send>u.loadstart(0,12,t)@1", "u.progress(12,12,t)@1", "u.load(12,12,t)@1", "u.loadend(12,12,t)@1",
				"rsc(2)", "rsc(3)", "progress(12,12,t)@3", "rsc(4)", "load(12,12,t)@4", "loadend(12,12,t)@4");
	}

	@Test
	void replacedHandlerKeepsItsPositionAndARemovedOneGoesToTheEnd() {
		XMLHttpRequest xhr = factory().create();
		List<String> order = new CopyOnWriteArrayList<>();
		EventListener handler2 = (e) -> order.add("H2");
		xhr.addEventListener("load", (e) -> order.add("A"));
		xhr.setOnload((e) -> order.add("H1"));
		xhr.addEventListener("load", (e) -> order.add("B"));
		xhr.setOnload(handler2);
		assertThat(xhr.getOnload()).isSameAs(handler2);
		EventRecorder rec = attach(xhr);
		rec.open("GET", this.netty.url("/bytes?size=3"));
		rec.send();
		rec.awaitLoadend();
		assertThat(order).containsExactly("A", "H2", "B");

		order.clear();
		xhr.setOnload(null);
		xhr.setOnload((e) -> order.add("H3"));
		rec.open("GET", this.netty.url("/bytes?size=3"));
		rec.send();
		rec.awaitLoadends(2);
		assertThat(order).containsExactly("A", "B", "H3");
	}

	@Test
	void onceListenersFireOnce() {
		XMLHttpRequest xhr = factory().create();
		List<String> once = new CopyOnWriteArrayList<>();
		xhr.addEventListener("readystatechange", (e) -> once.add("rsc(" + xhr.getReadyState() + ")"),
				AddEventListenerOptions.once());
		EventRecorder rec = attach(xhr);
		xhr.addEventListener("progress", (e) -> once.add("progress"), AddEventListenerOptions.once());
		rec.open("GET", this.netty.url("/trickle?parts=3&size=10&delay=150"));
		rec.send();
		rec.awaitLoadend();

		assertThat(rec.events()).containsExactly("rsc(1)", "loadstart(0,0,f)", "rsc(2)", "rsc(3)", "progress(10,30,t)",
				"rsc(3)", "progress(20,30,t)", "rsc(3)", "progress(30,30,t)", "rsc(4)", "load(30,30,t)",
				"loadend(30,30,t)");
		assertThat(once).containsExactly("rsc(1)", "progress");
	}

	@Test
	void removeEventListenerDuringDispatchPreventsTheCall() {
		XMLHttpRequest xhr = factory().create();
		List<String> seen = new CopyOnWriteArrayList<>();
		EventListener second = (e) -> seen.add("second:" + e.getType() + xhr.getReadyState());
		xhr.addEventListener("readystatechange", (e) -> {
			seen.add("first:" + e.getType() + xhr.getReadyState());
			if (xhr.getReadyState() == XMLHttpRequest.HEADERS_RECEIVED) {
				xhr.removeEventListener("readystatechange", second);
			}
		});
		xhr.addEventListener("readystatechange", second);
		EventListener loadSecond = (e) -> seen.add("second:load");
		xhr.addEventListener("load", (e) -> xhr.removeEventListener("load", loadSecond));
		xhr.addEventListener("load", loadSecond);
		EventRecorder rec = attach(xhr);
		rec.open("GET", this.netty.url("/bytes?size=3"));
		rec.send();
		rec.awaitLoadend();

		assertThat(seen).containsExactly("first:readystatechange1", "second:readystatechange1",
				"first:readystatechange2", "first:readystatechange3", "first:readystatechange4");
		assertThat(rec.events()).containsExactly("rsc(1)", "loadstart(0,0,f)", "rsc(2)", "rsc(3)", "progress(3,3,t)",
				"rsc(4)", "load(3,3,t)", "loadend(3,3,t)");
	}

}
