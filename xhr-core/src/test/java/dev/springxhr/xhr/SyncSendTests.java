package dev.springxhr.xhr;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.springxhr.xhr.support.EventRecorder;
import dev.springxhr.xhr.support.TestServer;
import dev.springxhr.xhr.support.XhrTestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * Synchronous send() (checklist §7.16–18, §8 sync rows; oracle sync-*) and the {@link SyncXhrPolicy}.
 */
class SyncSendTests {

	@RegisterExtension
	final XhrTestServer<TestServer> netty = XhrTestServer.netty();

	private ExecutorService plainThreads;

	@BeforeEach
	void start() {
		this.plainThreads = Executors.newCachedThreadPool();
	}

	@AfterEach
	void stop() {
		this.plainThreads.shutdownNow();
	}

	private XhrFactory factory(SyncXhrPolicy policy) {
		return this.netty.newFactory((settings) -> settings.withSyncXhrPolicy(policy));
	}

	@Test
	void syncSuccessFiresOnlyRsc4LoadLoadendInsideSendOnTheCallingThread() {
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attachWithUpload(xhr);
		long caller = Thread.currentThread().getId();
		rec.open("POST", this.netty.url("/echo"), false);

		rec.send("Test Message");

		assertThat(rec.detailed()).containsExactly("open>rsc(1)", "send>rsc(4)", "send>load(12,12,t)@4",
				"send>loadend(12,12,t)@4");
		assertThat(rec.entries()).allSatisfy((e) -> assertThat(e.threadId()).isEqualTo(caller));
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.DONE);
		assertThat(xhr.getStatus()).isEqualTo((short) 200);
		assertThat(xhr.getResponseText()).isEqualTo("Test Message");
		assertThat(xhr.getResponse()).isEqualTo("Test Message");
		assertThat(xhr.getResponseHeader("content-length")).isEqualTo("12");
		rec.assertNoMoreEventsFor(Duration.ofMillis(200));
	}

	@Test
	void syncGetOfATrickledBodyHasNoProgressAndNoIntermediateStates() {
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", this.netty.url("/trickle?parts=3&size=100&delay=60"), false);

		rec.send();

		assertThat(rec.timeline()).containsExactly("open>rsc(1)", "send>rsc(4)", "send>load(300,300,t)",
				"send>loadend(300,300,t)");
		assertThat(xhr.getResponseText()).isEqualTo(new String(TestServer.pattern(0, 300)));
	}

	@Test
	void syncNetworkErrorThrowsNetworkErrorAndFiresNoEvents() {
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attachWithUpload(xhr);
		rec.open("POST", TestServer.closedPortUrl("/x"), false);

		DOMException thrown = catchThrowableOfType(DOMException.class, () -> rec.send("Test Message"));

		assertThat(thrown).isNotNull();
		assertThat(thrown.getName()).isEqualTo(DOMException.NETWORK_ERROR);
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.DONE);
		assertThat(xhr.getStatus()).isZero();
		assertThat(xhr.getResponseText()).isEmpty();
		assertThat(rec.timeline()).containsExactly("open>rsc(1)");
		rec.assertNoMoreEventsFor(Duration.ofMillis(200));
	}

	@Test
	void syncConnectionResetThrowsNetworkError() {
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", this.netty.url("/reset"), false);

		DOMException thrown = catchThrowableOfType(DOMException.class, () -> rec.send());

		assertThat(thrown).isNotNull();
		assertThat(thrown.getName()).isEqualTo(DOMException.NETWORK_ERROR);
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.DONE);
		assertThat(rec.timeline()).containsExactly("open>rsc(1)");
	}

	@Test
	void sync404IsNotAnError() {
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", this.netty.url("/text?status=404&reason=Nope&body=Nope!!!"), false);

		rec.send();

		assertThat(rec.timeline()).containsExactly("open>rsc(1)", "send>rsc(4)", "send>load(7,7,t)",
				"send>loadend(7,7,t)");
		assertThat(xhr.getStatus()).isEqualTo((short) 404);
		assertThat(xhr.getStatusText()).isEqualTo("Nope");
		assertThat(xhr.getResponseText()).isEqualTo("Nope!!!");
	}

	@Test
	void denyRefusesWithNetworkErrorAndLeavesTheRequestOpenedAndUnsent() {
		XMLHttpRequest xhr = factory(SyncXhrPolicy.DENY).create();
		EventRecorder rec = EventRecorder.attachWithUpload(xhr);
		rec.open("POST", this.netty.url("/echo"), false);

		DOMException thrown = catchThrowableOfType(DOMException.class, () -> rec.send("Test Message"));

		assertThat(thrown).isNotNull();
		assertThat(thrown.getName()).isEqualTo(DOMException.NETWORK_ERROR);
		assertThat(thrown.getMessage()).contains("DENY");
		assertThat(rec.timeline()).containsExactly("open>rsc(1)");
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.OPENED);
		// Unsent: headers may still be set, and a second send() is refused the same way (not InvalidStateError).
		xhr.setRequestHeader("X-After-Refusal", "1");
		DOMException again = catchThrowableOfType(DOMException.class, () -> rec.send("Test Message"));
		assertThat(again).isNotNull();
		assertThat(again.getName()).isEqualTo(DOMException.NETWORK_ERROR);
		rec.abort();
		assertThat(rec.eventsInside("abort")).isEmpty();
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.OPENED);
		assertThat(this.netty.server().connectionCount()).isZero();

		// Reopened asynchronously, it works.
		rec.open("GET", this.netty.url("/bytes?size=3"), true);
		rec.send();
		rec.awaitLoadend();
		assertThat(rec.timeline()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)", "rsc(2)", "rsc(3)",
				"progress(3,3,t)", "rsc(4)", "load(3,3,t)", "loadend(3,3,t)");
	}

	@Test
	void denyOnEventLoopIsTheDefaultAndRefusesOnAReactorParallelThread() {
		assertThat(XhrSettings.defaults().syncXhrPolicy()).isEqualTo(SyncXhrPolicy.DENY_ON_EVENT_LOOP);
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		AtomicReference<Throwable> thrown = new AtomicReference<>();
		AtomicReference<String> thread = new AtomicReference<>();

		Mono.fromRunnable(() -> {
			thread.set(Thread.currentThread().getName());
			rec.open("GET", this.netty.url("/bytes?size=3"), false);
			try {
				rec.send();
			}
			catch (Throwable ex) {
				thrown.set(ex);
			}
		}).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(10));

		assertThat(thread.get()).startsWith("parallel-");
		assertThat(thrown.get()).isInstanceOfSatisfying(DOMException.class, (ex) -> {
			assertThat(ex.getName()).isEqualTo(DOMException.NETWORK_ERROR);
			assertThat(ex.getMessage()).contains("DENY_ON_EVENT_LOOP");
		});
		assertThat(rec.timeline()).containsExactly("open>rsc(1)");
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.OPENED);
		assertThat(this.netty.server().connectionCount()).isZero();
	}

	@Test
	void denyOnEventLoopAllowsAPlainThread() throws Exception {
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		AtomicReference<Long> worker = new AtomicReference<>();

		CompletableFuture.runAsync(() -> {
			worker.set(Thread.currentThread().getId());
			rec.open("GET", this.netty.url("/bytes?size=3"), false);
			rec.send();
		}, this.plainThreads).get();

		assertThat(rec.timeline()).containsExactly("open>rsc(1)", "send>rsc(4)", "send>load(3,3,t)",
				"send>loadend(3,3,t)");
		assertThat(rec.entries()).allSatisfy((e) -> assertThat(e.threadId()).isEqualTo(worker.get()));
		assertThat(xhr.getStatus()).isEqualTo((short) 200);
	}

	@Test
	void allowPermitsASyncSendOnAReactorParallelThread() {
		XMLHttpRequest xhr = factory(SyncXhrPolicy.ALLOW).create();
		EventRecorder rec = EventRecorder.attach(xhr);
		AtomicReference<Throwable> thrown = new AtomicReference<>();
		AtomicReference<String> thread = new AtomicReference<>();

		Mono.fromRunnable(() -> {
			thread.set(Thread.currentThread().getName());
			rec.open("GET", this.netty.url("/bytes?size=3"), false);
			try {
				rec.send();
			}
			catch (Throwable ex) {
				thrown.set(ex);
			}
		}).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(10));

		assertThat(thread.get()).startsWith("parallel-");
		assertThat(thrown.get()).isNull();
		assertThat(rec.timeline()).containsExactly("open>rsc(1)", "send>rsc(4)", "send>load(3,3,t)",
				"send>loadend(3,3,t)");
		assertThat(rec.entries()).allSatisfy((e) -> assertThat(e.thread()).isEqualTo(thread.get()));
		assertThat(xhr.getStatus()).isEqualTo((short) 200);
	}

	@Test
	void abortFromAnotherThreadMakesTheSyncSendThrowAbortError() {
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attachWithUpload(xhr);
		rec.open("GET", this.netty.url("/delay?ms=5000"), false);
		long started = System.nanoTime();
		CompletableFuture<Throwable> sending = CompletableFuture.supplyAsync(() -> {
			try {
				rec.send();
				return null;
			}
			catch (Throwable ex) {
				return ex;
			}
		}, this.plainThreads);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.netty.server().requests().size() == 1);
		assertThat(sending).isNotDone();

		rec.abort();

		Throwable thrown = sending.orTimeout(3, java.util.concurrent.TimeUnit.SECONDS).join();
		assertThat(thrown).isInstanceOfSatisfying(DOMException.class,
				(ex) -> assertThat(ex.getName()).isEqualTo(DOMException.ABORT_ERROR));
		assertThat(Duration.ofNanos(System.nanoTime() - started).toMillis()).isLessThan(4000);
		// A synchronous request fires no events when it fails, also when aborted.
		assertThat(rec.timeline()).containsExactly("open>rsc(1)");
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.UNSENT);
		assertThat(xhr.getStatus()).isZero();
		rec.assertNoMoreEventsFor(Duration.ofMillis(200));
	}

	@Test
	void sendAfterASyncSendRequiresOpen() {
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", this.netty.url("/bytes?size=3"), false);
		rec.send();

		DOMException thrown = catchThrowableOfType(DOMException.class, () -> rec.send());

		assertThat(thrown).isNotNull();
		assertThat(thrown.getName()).isEqualTo(DOMException.INVALID_STATE_ERROR);
		assertThat(rec.events()).containsExactly("rsc(1)", "rsc(4)", "load(3,3,t)", "loadend(3,3,t)");
	}

	@Test
	void syncTimeoutInADedicatedWorkerThatDoesNotElapseChangesNothing() {
		XhrFactory worker = this.netty.newFactory((settings) -> settings.withGlobalScope(GlobalScope.DEDICATED_WORKER));
		XMLHttpRequest xhr = worker.create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", this.netty.url("/delay?ms=100&body=ok"), false);
		xhr.setTimeout(2000);

		rec.send();

		assertThat(rec.timeline()).containsExactly("open>rsc(1)", "send>rsc(4)", "send>load(2,2,t)",
				"send>loadend(2,2,t)");
		assertThat(xhr.getResponseText()).isEqualTo("ok");
		rec.assertNoMoreEventsFor(Duration.ofMillis(200));
	}

}
