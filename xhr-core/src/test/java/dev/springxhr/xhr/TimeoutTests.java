package dev.springxhr.xhr;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.springxhr.xhr.support.EventRecorder;
import dev.springxhr.xhr.support.EventRecorder.Entry;
import dev.springxhr.xhr.support.EventRecorder.Target;
import dev.springxhr.xhr.support.SilentServer;
import dev.springxhr.xhr.support.TestServer;
import dev.springxhr.xhr.support.XhrTestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The timeout attribute (checklist §4, §8 timeout row; oracle timeout-*): the whole sequence, when it fires and
 * where it counts from.
 */
class TimeoutTests {

	@RegisterExtension
	final XhrTestServer<TestServer> netty = XhrTestServer.netty();

	private static long millisBetween(long startNanos, Entry entry) {
		return Duration.ofNanos(entry.nanos() - startNanos).toMillis();
	}

	@Test
	void timeoutBeforeHeaders() {
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", this.netty.url("/delay?ms=3000"));
		xhr.setTimeout(200);
		long sent = System.nanoTime();
		rec.send();
		rec.awaitLoadend();

		assertThat(rec.detailed()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)@1", "rsc(4)",
				"timeout(0,0,f)@4", "loadend(0,0,f)@4");
		assertThat(millisBetween(sent, rec.entriesOf(Target.XHR, "timeout").get(0))).isBetween(180L, 2500L);
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.DONE);
		assertThat(xhr.getStatus()).isZero();
		assertThat(xhr.getResponseText()).isEmpty();
		rec.assertNoMoreEventsFor(Duration.ofMillis(200));
	}

	@Test
	void timeoutDuringAStalledBody() {
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", this.netty.url("/stall?size=4000&first=1000"));
		xhr.setTimeout(500);
		long sent = System.nanoTime();
		rec.send();
		rec.awaitLoadend();

		assertThat(rec.detailed()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)@1", "rsc(2)", "rsc(3)",
				"progress(1000,4000,t)@3", "rsc(4)", "timeout(0,0,f)@4", "loadend(0,0,f)@4");
		assertThat(millisBetween(sent, rec.entriesOf(Target.XHR, "timeout").get(0))).isBetween(480L, 3000L);
		assertThat(xhr.getStatus()).isZero();
		assertThat(xhr.getResponseText()).isEmpty();
		assertThat(xhr.getAllResponseHeaders()).isEmpty();
	}

	@Test
	void timeoutWhileUploadingALargeBody() {
		int size = 16 * 1024 * 1024;
		try (SilentServer silent = SilentServer.start()) {
			XMLHttpRequest xhr = this.netty.factory().create();
			EventRecorder rec = EventRecorder.attachWithUpload(xhr);
			rec.open("POST", silent.url("/upload"));
			xhr.setTimeout(300);
			rec.send(new byte[size]);
			rec.awaitLoadend();

			List<String> events = rec.events();
			assertThat(events.subList(0, 3)).containsExactly("rsc(1)", "loadstart(0,0,f)",
					"u.loadstart(0," + size + ",t)");
			// The server reads nothing: the body cannot have been transmitted, so the upload did not complete.
			assertThat(events.subList(events.size() - 5, events.size())).containsExactly("rsc(4)", "u.timeout(0,0,f)",
					"u.loadend(0,0,f)", "timeout(0,0,f)", "loadend(0,0,f)");
			assertThat(events).doesNotContain("u.load(" + size + "," + size + ",t)", "rsc(2)");
			// Between loadstart and rsc(4) only upload progress of bytes not all sent yet may fire.
			List<Entry> between = rec.entries().subList(3, events.size() - 5);
			assertThat(between).allSatisfy((e) -> {
				assertThat(e.render()).startsWith("u.progress(");
				assertThat(e.loaded()).isLessThan(size);
			});
			assertThat(rec.entries().subList(events.size() - 5, events.size()))
				.allSatisfy((e) -> assertThat(e.insideCall()).isFalse());
		}
	}

	@Test
	void timeoutSetInsideLoadstartTakesEffect() {
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		xhr.addEventListener("loadstart", (e) -> xhr.setTimeout(300));
		rec.open("GET", this.netty.url("/delay?ms=3000"));
		long sent = System.nanoTime();
		rec.send();
		rec.awaitLoadend();

		assertThat(rec.timeline()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)", "rsc(4)", "timeout(0,0,f)",
				"loadend(0,0,f)");
		assertThat(millisBetween(sent, rec.entriesOf(Target.XHR, "timeout").get(0))).isBetween(280L, 2500L);
	}

	@Test
	void timeoutCountsFromSendSoALateSmallerValueFiresPromptlyButNotInsideTheSetter() {
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", this.netty.url("/delay?ms=3000"));
		long sent = System.nanoTime();
		rec.send();
		await().atMost(Duration.ofSeconds(2))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> System.nanoTime() - sent >= Duration.ofMillis(400).toNanos());
		assertThat(rec.size()).isEqualTo(2);

		rec.call("setTimeout", () -> xhr.setTimeout(300));
		long set = System.nanoTime();
		rec.awaitLoadend();

		assertThat(rec.eventsInside("setTimeout")).isEmpty();
		assertThat(rec.timeline()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)", "rsc(4)", "timeout(0,0,f)",
				"loadend(0,0,f)");
		assertThat(millisBetween(set, rec.entriesOf(Target.XHR, "timeout").get(0))).as("promptly").isLessThan(1000);
	}

	@Test
	void laterLargerTimeoutStillCountsFromSend() {
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", this.netty.url("/delay?ms=3000"));
		xhr.setTimeout(200);
		long sent = System.nanoTime();
		rec.send();
		await().atMost(Duration.ofSeconds(2))
			.pollInterval(Duration.ofMillis(5))
			.until(() -> System.nanoTime() - sent >= Duration.ofMillis(100).toNanos());
		xhr.setTimeout(700);
		rec.awaitLoadend();

		assertThat(rec.events()).containsExactly("rsc(1)", "loadstart(0,0,f)", "rsc(4)", "timeout(0,0,f)",
				"loadend(0,0,f)");
		assertThat(millisBetween(sent, rec.entriesOf(Target.XHR, "timeout").get(0))).as("700 ms from send")
			.isBetween(680L, 2500L);
	}

	@Test
	void timeoutChangedToZeroWhileInFlightCancelsIt() {
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", this.netty.url("/delay?ms=800&body=late"));
		xhr.setTimeout(400);
		rec.send();
		xhr.setTimeout(0);
		rec.awaitLoadend();

		assertThat(rec.timeline()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)", "rsc(2)", "rsc(3)",
				"progress(4,4,t)", "rsc(4)", "load(4,4,t)", "loadend(4,4,t)");
		assertThat(xhr.getResponseText()).isEqualTo("late");
	}

	@Test
	void timeoutDoesNotFireAfterASuccessfulLoad() {
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", this.netty.url("/bytes?size=3"));
		xhr.setTimeout(250);
		rec.send();
		rec.awaitLoadend();

		rec.assertNoMoreEventsFor(Duration.ofMillis(500));
		assertThat(rec.events()).containsExactly("rsc(1)", "loadstart(0,0,f)", "rsc(2)", "rsc(3)", "progress(3,3,t)",
				"rsc(4)", "load(3,3,t)", "loadend(3,3,t)");
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.DONE);
		assertThat(xhr.getStatus()).isEqualTo((short) 200);
	}

	@Test
	void settingsTimeoutIsTheInitialValue() {
		XhrFactory withTimeout = this.netty.newFactory((settings) -> settings.withTimeout(Duration.ofMillis(250)));
		XMLHttpRequest xhr = withTimeout.create();
		assertThat(xhr.getTimeout()).isEqualTo(250);
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", this.netty.url("/delay?ms=3000"));
		long sent = System.nanoTime();
		rec.send();
		rec.awaitLoadend();

		assertThat(rec.timeline()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)", "rsc(4)", "timeout(0,0,f)",
				"loadend(0,0,f)");
		assertThat(millisBetween(sent, rec.entriesOf(Target.XHR, "timeout").get(0))).isBetween(230L, 2500L);
	}

	@Test
	void settingsTimeoutDoesNotMakeASyncOpenFailInAWindow() {
		// Only a timeout set by the author makes open(…, false) throw InvalidAccessError in a Window.
		XhrFactory withTimeout = this.netty.newFactory((settings) -> settings.withTimeout(Duration.ofMillis(250)));
		XMLHttpRequest xhr = withTimeout.create();
		EventRecorder rec = EventRecorder.attach(xhr);

		rec.open("GET", this.netty.url("/bytes?size=3"), false);

		assertThat(rec.events()).containsExactly("rsc(1)");
	}

	@Test
	void syncTimeoutInADedicatedWorkerThrowsTimeoutErrorWithoutEvents() {
		XhrFactory worker = this.netty.newFactory((settings) -> settings.withGlobalScope(GlobalScope.DEDICATED_WORKER));
		XMLHttpRequest xhr = worker.create();
		EventRecorder rec = EventRecorder.attachWithUpload(xhr);
		rec.open("GET", this.netty.url("/delay?ms=3000"), false);
		xhr.setTimeout(200);
		long sent = System.nanoTime();

		DOMException thrown = catchThrowableOfType(DOMException.class, () -> rec.send());

		assertThat(thrown).isNotNull();
		assertThat(thrown.getName()).isEqualTo(DOMException.TIMEOUT_ERROR);
		assertThat(Duration.ofNanos(System.nanoTime() - sent).toMillis()).isBetween(180L, 2500L);
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.DONE);
		assertThat(xhr.getStatus()).isZero();
		assertThat(rec.timeline()).containsExactly("open>rsc(1)");
		rec.assertNoMoreEventsFor(Duration.ofMillis(200));
	}

}
