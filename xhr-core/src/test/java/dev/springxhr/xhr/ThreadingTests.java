package dev.springxhr.xhr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.event.EventTarget;
import dev.springxhr.xhr.support.EventRecorder;
import dev.springxhr.xhr.support.EventRecorder.Entry;
import dev.springxhr.xhr.support.TestServer;
import dev.springxhr.xhr.support.XhrTestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Threads (api.md "Threads", checklist §8 rule 5): where events are dispatched, that one request's events never
 * overlap, that a throwing or blocking listener harms nothing else, and that many requests each end once.
 */
class ThreadingTests {

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

	@Test
	void networkEventsArriveOnAnotherThreadOneAtATime() {
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attachWithUpload(xhr).dwell(Duration.ofMillis(3));
		// A second, independent instrumented listener: in flight at most once, never re-entered from elsewhere.
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger overlaps = new AtomicInteger();
		for (String type : EventRecorder.XHR_TYPES) {
			xhr.addEventListener(type, (e) -> {
				if (inFlight.incrementAndGet() > 1) {
					overlaps.incrementAndGet();
				}
				java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
				inFlight.decrementAndGet();
			});
		}
		long caller = Thread.currentThread().getId();
		rec.open("POST", this.netty.url("/trickle?parts=20&size=200&delay=15"));
		rec.send("Test Message");
		rec.awaitLoadend();

		List<Entry> later = rec.entries().stream().filter((e) -> !e.insideCall()).toList();
		assertThat(later).hasSizeGreaterThan(8);
		assertThat(later).allSatisfy((e) -> {
			assertThat(e.threadId()).as("%s not on the caller's thread", e.render()).isNotEqualTo(caller);
			assertThat(e.thread()).as("%s not on a Netty event loop", e.render()).doesNotContain("reactor-http");
		});
		assertThat(rec.maxConcurrentDispatches()).isEqualTo(1);
		assertThat(overlaps.get()).isZero();
		assertThat(rec.count("loadend")).isOne();
	}

	@Test
	void aCallFromAnotherThreadWaitsWhileAListenerOfTheRequestRuns() throws Exception {
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		CountDownLatch inListener = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
		xhr.addEventListener("progress", (e) -> {
			if (inListener.getCount() == 1) {
				inListener.countDown();
				try {
					release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				order.add("listener returns");
			}
		});
		rec.open("GET", this.netty.url("/stall"));
		rec.send();
		assertThat(inListener.await(10, TimeUnit.SECONDS)).isTrue();

		CompletableFuture<Void> aborting = CompletableFuture.runAsync(() -> {
			rec.abort();
			order.add("abort returns");
		}, this.plainThreads);
		// abort() must not run in the middle of the listener: it is still waiting.
		await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !aborting.isDone());
		release.countDown();
		aborting.get(5, TimeUnit.SECONDS);

		assertThat(order).containsExactly("listener returns", "abort returns");
		assertThat(rec.timeline()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)", "rsc(2)", "rsc(3)",
				"progress(1000,4000,t)", "abort>rsc(4)", "abort>abort(0,0,f)", "abort>loadend(0,0,f)");
		assertThat(rec.maxConcurrentDispatches()).isEqualTo(1);
	}

	@Test
	void aThrowingListenerIsLoggedAndTheSequenceContinues() {
		Logger logger = (Logger) LoggerFactory.getLogger(EventTarget.class);
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		try {
			XMLHttpRequest xhr = this.netty.factory().create();
			String marker = "listener failure " + System.nanoTime();
			for (String type : List.of("readystatechange", "loadstart", "progress", "load")) {
				xhr.addEventListener(type, (e) -> {
					throw new IllegalStateException(marker + " in " + e.getType());
				});
			}
			EventRecorder rec = EventRecorder.attach(xhr);
			rec.open("GET", this.netty.url("/trickle?parts=2&size=10&delay=150"));
			rec.send();
			rec.awaitLoadend();

			assertThat(rec.timeline()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)", "rsc(2)", "rsc(3)",
					"progress(10,20,t)", "rsc(3)", "progress(20,20,t)", "rsc(4)", "load(20,20,t)",
					"loadend(20,20,t)");
			rec.assertNoMoreEventsFor(Duration.ofMillis(150));
			assertThat(rec.count("loadend")).isOne();
			List<ILoggingEvent> ours = appender.list.stream()
				.filter((e) -> e.getThrowableProxy() != null && e.getThrowableProxy().getMessage().startsWith(marker))
				.toList();
			// rsc x5, loadstart, progress x2, load
			assertThat(ours).hasSize(9);
			assertThat(ours).allSatisfy((e) -> assertThat(e.getLevel().toString()).isEqualTo("ERROR"));
		}
		finally {
			logger.detachAppender(appender);
		}
	}

	@Test
	void aBlockedListenerOfOneRequestDoesNotStallAnother() throws Exception {
		XMLHttpRequest a = this.netty.factory().create();
		EventRecorder recA = EventRecorder.attach(a);
		CountDownLatch aBlocked = new CountDownLatch(1);
		CountDownLatch releaseA = new CountDownLatch(1);
		a.addEventListener("load", (e) -> {
			aBlocked.countDown();
			try {
				releaseA.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		recA.open("GET", this.netty.url("/bytes?size=5"));
		recA.send();
		assertThat(aBlocked.await(10, TimeUnit.SECONDS)).isTrue();

		XMLHttpRequest b = this.netty.factory().create();
		EventRecorder recB = EventRecorder.attach(b);
		recB.open("GET", this.netty.url("/trickle?parts=2&size=10&delay=150"));
		recB.send();
		recB.awaitLoadend();

		assertThat(recB.events()).containsExactly("rsc(1)", "loadstart(0,0,f)", "rsc(2)", "rsc(3)",
				"progress(10,20,t)", "rsc(3)", "progress(20,20,t)", "rsc(4)", "load(20,20,t)", "loadend(20,20,t)");
		assertThat(recA.count("loadend")).as("A is still blocked in load").isZero();
		assertThat(recA.events()).endsWith("load(5,5,t)");

		releaseA.countDown();
		recA.awaitLoadend();
		assertThat(recA.events()).containsExactly("rsc(1)", "loadstart(0,0,f)", "rsc(2)", "rsc(3)", "progress(5,5,t)",
				"rsc(4)", "load(5,5,t)", "loadend(5,5,t)");
	}

	@Test
	void twoHundredConcurrentRequestsEachEndInExactlyOneLoadend() {
		int count = 200;
		ConnectionProvider pool = ConnectionProvider.builder("threading-tests-" + System.nanoTime())
			.maxConnections(count)
			.pendingAcquireMaxCount(-1)
			.build();
		try {
			XhrFactory wide = this.netty.newFactory(
					WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool))));
			List<EventRecorder> recorders = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				XMLHttpRequest xhr = wide.create();
				EventRecorder rec = EventRecorder.attach(xhr);
				rec.open("GET", this.netty.url("/bytes?size=" + (i + 1)));
				rec.send();
				recorders.add(rec);
			}
			await().atMost(Duration.ofSeconds(15))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> recorders.stream().allMatch((r) -> r.count("loadend") >= 1));
			// Let any stray late event arrive before counting.
			await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3))
				.until(() -> recorders.stream().allMatch((r) -> r.count("loadend") == 1));

			for (int i = 0; i < count; i++) {
				int n = i + 1;
				String v = n + "," + n + ",t";
				assertThat(recorders.get(i).timeline()).as("request %d", i).containsExactly("open>rsc(1)",
						"send>loadstart(0,0,f)", "rsc(2)", "rsc(3)", "progress(" + v + ")", "rsc(4)", "load(" + v + ")",
						"loadend(" + v + ")");
				assertThat(recorders.get(i).maxConcurrentDispatches()).isEqualTo(1);
			}
			assertThat(this.netty.server().requests()).hasSize(count);
		}
		finally {
			pool.disposeLater().block(Duration.ofSeconds(10));
		}
	}

	@Test
	void eventsInsideOpenSendAndAbortRunOnTheCallingThread() throws Exception {
		XMLHttpRequest xhr = this.netty.factory().create();
		EventRecorder rec = EventRecorder.attachWithUpload(xhr);
		List<Long> callers = java.util.Collections.synchronizedList(new ArrayList<>());

		CompletableFuture.runAsync(() -> {
			callers.add(Thread.currentThread().getId());
			rec.open("POST", this.netty.url("/stall"));
			rec.send("Test Message");
		}, (task) -> new Thread(task, "caller-1").start()).get(5, TimeUnit.SECONDS);
		rec.awaitCount("progress", 1);
		CompletableFuture.runAsync(() -> {
			callers.add(Thread.currentThread().getId());
			rec.abort();
		}, (task) -> new Thread(task, "caller-2").start()).get(5, TimeUnit.SECONDS);

		List<Entry> entries = rec.entries();
		assertThat(rec.eventsInside("open")).containsExactly("rsc(1)");
		assertThat(rec.eventsInside("send")).containsExactly("loadstart(0,0,f)", "u.loadstart(0,12,t)");
		assertThat(rec.eventsInside("abort")).containsExactly("rsc(4)", "abort(0,0,f)", "loadend(0,0,f)");
		assertThat(entries).filteredOn((e) -> "open".equals(e.call()) || "send".equals(e.call()))
			.allSatisfy((e) -> assertThat(e.threadId()).isEqualTo(callers.get(0)));
		assertThat(entries).filteredOn((e) -> "abort".equals(e.call()))
			.allSatisfy((e) -> assertThat(e.threadId()).isEqualTo(callers.get(1)));
		assertThat(entries).filteredOn((e) -> !e.insideCall())
			.hasSizeGreaterThanOrEqualTo(3)
			.allSatisfy((e) -> assertThat(e.threadId()).isNotIn(callers));
	}

}
