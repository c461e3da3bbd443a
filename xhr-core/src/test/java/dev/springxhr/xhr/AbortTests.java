package dev.springxhr.xhr;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.springxhr.xhr.support.EventRecorder;
import dev.springxhr.xhr.support.TestServer;
import dev.springxhr.xhr.support.XhrTestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * abort() in every state (checklist §8 abort rows, §9; oracle abort-*): the events it fires inside the call, the
 * state it leaves, and exactly one loadend per send.
 */
class AbortTests {

	@RegisterExtension
	final XhrTestServer<TestServer> netty = XhrTestServer.netty();

	@Test
	void abortInUnsentDoesNothing() {
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attachWithUpload(xhr);

		rec.abort();

		assertThat(rec.events()).isEmpty();
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.UNSENT);
		assertThat(xhr.getStatus()).isZero();
	}

	@Test
	void abortInOpenedNotSentDoesNothingAndTheRequestStaysUsable() {
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", this.netty.url("/bytes?size=11"));

		rec.abort();

		assertThat(rec.eventsInside("abort")).isEmpty();
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.OPENED);
		xhr.setRequestHeader("X-Still-Unsent", "yes");
		rec.send();
		rec.awaitLoadend();
		assertThat(rec.timeline()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)", "rsc(2)", "rsc(3)",
				"progress(11,11,t)", "rsc(4)", "load(11,11,t)", "loadend(11,11,t)");
		assertThat(this.netty.server().requests()).singleElement()
			.satisfies((r) -> assertThat(r.header("X-Still-Unsent")).isEqualTo("yes"));
	}

	@Test
	void abortInsideLoadstartWithUploadListenersFiresEverythingInsideAbortAndSendsNothing() {
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attachWithUpload(xhr);
		List<Object> afterAbort = new CopyOnWriteArrayList<>();
		xhr.addEventListener("loadstart", (e) -> {
			rec.abort();
			afterAbort.add(xhr.getReadyState());
			afterAbort.add(xhr.getStatus());
		});
		rec.open("POST", this.netty.url("/echo"));
		rec.send("Test Message");

		assertThat(rec.detailed()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)@1", "abort>rsc(4)",
				"abort>u.abort(0,0,f)@4", "abort>u.loadend(0,0,f)@4", "abort>abort(0,0,f)@4",
				"abort>loadend(0,0,f)@4");
		assertThat(afterAbort).containsExactly((short) 0, (short) 0);
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.UNSENT);
		rec.assertNoMoreEventsFor(Duration.ofMillis(300));
		assertThat(this.netty.server().connectionCount()).as("connections").isZero();
		assertThat(this.netty.server().requests()).isEmpty();
	}

	@Test
	void abortInsideLoadstartWithoutUploadListeners() {
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		xhr.addEventListener("loadstart", (e) -> rec.abort());
		rec.open("GET", this.netty.url("/bytes?size=11"));
		rec.send();

		assertThat(rec.timeline()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)", "abort>rsc(4)",
				"abort>abort(0,0,f)", "abort>loadend(0,0,f)");
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.UNSENT);
		rec.assertNoMoreEventsFor(Duration.ofMillis(300));
		assertThat(this.netty.server().connectionCount()).isZero();
	}

	@Test
	void abortInsideHeadersReceived() {
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		List<Object> afterAbort = new CopyOnWriteArrayList<>();
		xhr.addEventListener("readystatechange", (e) -> {
			if (xhr.getReadyState() == XMLHttpRequest.HEADERS_RECEIVED) {
				rec.abort();
				afterAbort.add(xhr.getReadyState());
				afterAbort.add(xhr.getStatus());
				afterAbort.add(xhr.getStatusText());
				afterAbort.add(xhr.getAllResponseHeaders());
				afterAbort.add(xhr.getResponseText());
			}
		});
		rec.open("GET", this.netty.url("/trickle?parts=3&size=100&delay=50"));
		rec.send();
		rec.awaitLoadend();

		assertThat(rec.detailed()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)@1", "rsc(2)",
				"abort>rsc(4)", "abort>abort(0,0,f)@4", "abort>loadend(0,0,f)@4");
		assertThat(afterAbort).containsExactly((short) 0, (short) 0, "", "", "");
		rec.assertNoMoreEventsFor(Duration.ofMillis(300));
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.UNSENT);
		assertThat(this.netty.server().requests()).hasSize(1);
	}

	@Test
	void abortInsideLoadingIsFollowedByProgressZero() {
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		List<Object> afterAbort = new CopyOnWriteArrayList<>();
		xhr.addEventListener("readystatechange", (e) -> {
			if (xhr.getReadyState() == XMLHttpRequest.LOADING) {
				rec.abort();
				afterAbort.add(xhr.getReadyState());
				afterAbort.add(xhr.getStatus());
				afterAbort.add(xhr.getResponseText());
			}
		});
		rec.open("GET", this.netty.url("/trickle?parts=3&size=1300&delay=60"));
		rec.send();
		rec.awaitCount("progress", 1);

		// Chromium (oracle abort-in-rsc3): the progress of the chunk still fires after the rsc(3) listener
		// returns, with (0,0,f), and its listener sees readyState 0.
		assertThat(rec.detailed()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)@1", "rsc(2)", "rsc(3)",
				"abort>rsc(4)", "abort>abort(0,0,f)@4", "abort>loadend(0,0,f)@4", "progress(0,0,f)@0");
		assertThat(afterAbort).containsExactly((short) 0, (short) 0, "");
		rec.assertNoMoreEventsFor(Duration.ofMillis(300));
		assertThat(rec.count("loadend")).isOne();
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.UNSENT);
	}

	@Test
	void abortAfterDoneFiresNothingAndResetsTheResponse() {
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", this.netty.url("/bytes?size=4"));
		rec.send();
		rec.awaitLoadend();
		assertThat(xhr.getStatus()).isEqualTo((short) 200);
		int before = rec.size();

		rec.abort();

		assertThat(rec.eventsInside("abort")).isEmpty();
		assertThat(rec.size()).isEqualTo(before);
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.UNSENT);
		assertThat(xhr.getStatus()).isZero();
		assertThat(xhr.getStatusText()).isEmpty();
		assertThat(xhr.getAllResponseHeaders()).isEmpty();
		assertThat(xhr.getResponseHeader("content-length")).isNull();
		assertThat(xhr.getResponseText()).isEmpty();
		assertThat(xhr.getResponseURL()).isEmpty();
		assertThat(rec.events()).containsExactly("rsc(1)", "loadstart(0,0,f)", "rsc(2)", "rsc(3)", "progress(4,4,t)",
				"rsc(4)", "load(4,4,t)", "loadend(4,4,t)");
	}

	@Test
	void abortFromAnotherThreadWhileLoading() {
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", this.netty.url("/stall?size=4000&first=1000"));
		rec.send();
		rec.awaitCount("progress", 1);
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.LOADING);
		long caller = Thread.currentThread().getId();

		rec.abort();

		assertThat(rec.detailed()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)@1", "rsc(2)", "rsc(3)",
				"progress(1000,4000,t)@3", "abort>rsc(4)", "abort>abort(0,0,f)@4", "abort>loadend(0,0,f)@4");
		assertThat(rec.entries().subList(5, 8)).allSatisfy((e) -> assertThat(e.threadId()).isEqualTo(caller));
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.UNSENT);
		assertThat(xhr.getStatus()).isZero();
		assertThat(xhr.getResponseText()).isEmpty();
		rec.assertNoMoreEventsFor(Duration.ofMillis(300));
	}

	@Test
	void abortFromAnotherThreadBeforeHeaders() {
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attachWithUpload(xhr);
		rec.open("POST", this.netty.url("/delay?ms=3000"));
		rec.send("Test Message");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.netty.server().requests().size() == 1);

		rec.abort();

		// The body (12 bytes) was written before the server saw the request: the upload is complete, so abort()
		// fires no upload events. (The upload part itself is asserted in AsyncEventSequenceTests.)
		assertThat(rec.eventsInside("abort")).containsExactly("rsc(4)", "abort(0,0,f)", "loadend(0,0,f)");
		List<String> events = rec.events();
		assertThat(events.subList(events.size() - 5, events.size())).containsExactly("u.load(12,12,t)",
				"u.loadend(12,12,t)", "rsc(4)", "abort(0,0,f)", "loadend(0,0,f)");
		assertThat(events).doesNotContain("rsc(2)", "u.abort(0,0,f)");
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.UNSENT);
		rec.assertNoMoreEventsFor(Duration.ofMillis(300));
	}

	@Test
	void sendAfterAbortThrowsInvalidStateError() {
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", this.netty.url("/stall"));
		rec.send();
		rec.awaitCount("progress", 1);
		rec.abort();
		int before = rec.size();

		assertThatExceptionOfType(DOMException.class).isThrownBy(() -> rec.send())
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo(DOMException.INVALID_STATE_ERROR));
		assertThat(rec.size()).isEqualTo(before);
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.UNSENT);
	}

	@Test
	void openAndSendAgainAfterAbortWorks() {
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", this.netty.url("/stall"));
		rec.send();
		rec.awaitCount("progress", 1);
		rec.abort();
		assertThat(rec.count("loadend")).isOne();

		rec.open("GET", this.netty.url("/bytes?size=6"));
		rec.send();
		rec.awaitLoadends(2);

		assertThat(rec.timeline()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)", "rsc(2)", "rsc(3)",
				"progress(1000,4000,t)", "abort>rsc(4)", "abort>abort(0,0,f)", "abort>loadend(0,0,f)",
				"open>rsc(1)", "send>loadstart(0,0,f)", "rsc(2)", "rsc(3)", "progress(6,6,t)", "rsc(4)",
				"load(6,6,t)", "loadend(6,6,t)");
		assertThat(xhr.getStatus()).isEqualTo((short) 200);
		assertThat(xhr.getResponseText()).isEqualTo(new String(TestServer.pattern(0, 6)));
		rec.assertNoMoreEventsFor(Duration.ofMillis(200));
	}

	@Test
	void abortTwiceFiresOneLoadend() {
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", this.netty.url("/stall"));
		rec.send();
		rec.awaitCount("progress", 1);

		rec.abort();
		rec.abort();

		assertThat(rec.eventsInside("abort")).containsExactly("rsc(4)", "abort(0,0,f)", "loadend(0,0,f)");
		rec.assertNoMoreEventsFor(Duration.ofMillis(200));
		assertThat(rec.count("loadend")).isOne();
	}

	@Test
	void abortInsideLoadendOfAnAbortDoesNotFireAgain() {
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		xhr.addEventListener("loadend", (e) -> rec.call("abort2", xhr::abort));
		rec.open("GET", this.netty.url("/stall"));
		rec.send();
		rec.awaitCount("progress", 1);

		rec.abort();

		assertThat(rec.eventsInside("abort")).containsExactly("rsc(4)", "abort(0,0,f)", "loadend(0,0,f)");
		assertThat(rec.eventsInside("abort2")).isEmpty();
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.UNSENT);
		rec.assertNoMoreEventsFor(Duration.ofMillis(200));
		assertThat(rec.count("loadend")).isOne();
	}

	@Test
	void openInsideAbortListenerKeepsTheNewRequestOpened() {
		// Checklist §9.4: abort() step 3 looks at the state after the events; a listener's open() wins.
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		String second = this.netty.url("/bytes?size=2");
		xhr.addEventListener("abort", (e) -> rec.open("GET", second));
		rec.open("GET", this.netty.url("/stall"));
		rec.send();
		rec.awaitCount("progress", 1);

		rec.abort();

		assertThat(rec.timeline()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)", "rsc(2)", "rsc(3)",
				"progress(1000,4000,t)", "abort>rsc(4)", "abort>abort(0,0,f)", "open>rsc(1)", "abort>loadend(0,0,f)");
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.OPENED);
		rec.send();
		rec.awaitLoadends(2);
		assertThat(rec.events().subList(9, rec.size())).containsExactly("loadstart(0,0,f)", "rsc(2)", "rsc(3)",
				"progress(2,2,t)", "rsc(4)", "load(2,2,t)", "loadend(2,2,t)");
	}

	@Test
	void abortRacingTheNetworkAlwaysGivesExactlyOneLoadend() {
		int count = 60;
		List<EventRecorder> recorders = new java.util.ArrayList<>();
		for (int i = 0; i < count; i++) {
			XMLHttpRequest xhr = this.netty.factory().create();
			EventRecorder rec = EventRecorder.attach(xhr);
			rec.open("GET", this.netty.url("/bytes?size=3"));
			rec.send();
			if (i % 2 == 1) {
				// Abort somewhere after the headers: in HEADERS_RECEIVED, LOADING or DONE, as it happens.
				await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(1))
					.until(() -> xhr.getReadyState() >= XMLHttpRequest.HEADERS_RECEIVED);
			}
			rec.abort();
			recorders.add(rec);
		}
		List<String> success = List.of("open>rsc(1)", "send>loadstart(0,0,f)", "rsc(2)", "rsc(3)", "progress(3,3,t)",
				"rsc(4)", "load(3,3,t)", "loadend(3,3,t)");
		List<String> aborted = List.of("abort>rsc(4)", "abort>abort(0,0,f)", "abort>loadend(0,0,f)");
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
			.until(() -> recorders.stream().allMatch((r) -> r.count("loadend") == 1));
		for (EventRecorder rec : recorders) {
			List<String> timeline = rec.timeline();
			assertThat(rec.count("loadend")).as("%s", timeline).isOne();
			assertThat(rec.xhr().getReadyState()).isEqualTo(XMLHttpRequest.UNSENT);
			if (timeline.contains("loadend(3,3,t)")) {
				assertThat(timeline).isEqualTo(success);
			}
			else {
				int cut = timeline.size() - aborted.size();
				assertThat(cut).as("%s", timeline).isGreaterThanOrEqualTo(2);
				assertThat(timeline.subList(cut, timeline.size())).as("%s", timeline).isEqualTo(aborted);
				assertThat(timeline.subList(0, cut)).as("%s", timeline).isEqualTo(success.subList(0, cut));
			}
		}
	}

}
