package dev.springxhr.autoconfigure;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.event.EventTarget;
import dev.springxhr.xhr.support.MeteredClient;
import dev.springxhr.xhr.support.RecordingLeakDetector;
import dev.springxhr.xhr.support.TestServer;
import dev.springxhr.xhr.support.ThreadSnapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Storms on loopback (issue 8): thousands of requests aborted at random points, timing out, and a mixed soak of
 * success, faults, aborts and timeouts with listeners that throw — through the real auto-configuration, so that
 * every event is also relayed as an {@link XhrApplicationEvent}. Nothing may be lost: every request ends with exactly
 * one loadend, its XHR listeners saw a valid sequence, the Spring listener saw the same sequence in the same order,
 * every listener exception was reported (logged at error, as a browser reports it to the console), and afterwards
 * no connection is in use, no buffer leaked, the threads are those of bounded pools and the used heap is back near
 * its baseline.
 *
 * <p>Sizes: {@code -Dxhr.storm.size=100000} (default 10,000 requests per storm). The random abort points, timeouts
 * and mixes come from a seed that is printed; {@code -Dxhr.storm.seed=N} replays one. At most 256 requests are in
 * flight at a time.
 */
@Tag("reliability")
class XhrStormTests {

	private static final int SIZE = Integer.getInteger("xhr.storm.size", 10_000);

	private static final long SEED = Long.getLong("xhr.storm.seed", System.nanoTime());

	private static final int IN_FLIGHT = 256;

	private static final long HEAP_TOLERANCE = 64L * 1024 * 1024;

	private static TestServer server;

	private static MeteredClient client;

	private static ScheduledExecutorService aborters;

	private static ThreadSnapshot baseline;

	private static long baselineHeap;

	private final ListenerReports reports = new ListenerReports();

	private Random random;

	@BeforeAll
	static void start() {
		System.out.println("XhrStormTests: size " + SIZE + ", seed " + SEED + " (-Dxhr.storm.seed=" + SEED + ")");
		server = TestServer.start();
		client = MeteredClient.create("storm-client", 2);
		aborters = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "storm-aborter");
			thread.setDaemon(true);
			return thread;
		});
	}

	@AfterAll
	static void stop() {
		aborters.shutdownNow();
		client.close();
		server.close();
	}

	@BeforeEach
	void captureListenerReports(org.junit.jupiter.api.TestInfo test) {
		this.random = new Random(SEED ^ test.getDisplayName().hashCode());
		this.reports.start();
	}

	@AfterEach
	void releaseListenerReports() {
		this.reports.stop();
	}

	@Test
	void requestsAbortedAtRandomPointsEachEndOnceAndAreRelayedInOrder() {
		storm((i, xhr, plan) -> {
			plan.url = server.url("/trickle?parts=3&size=200&delay=3&i=" + i);
			plan.abortAt = AbortPoint.values()[this.random.nextInt(AbortPoint.values().length)];
			plan.abortDelayMicros = this.random.nextInt(3000);
		});
	}

	@Test
	void requestsTimingOutEachEndOnceAndAreRelayedInOrder() {
		storm((i, xhr, plan) -> {
			plan.url = server.url("/delay?ms=1000&i=" + i);
			plan.timeoutMillis = 1 + this.random.nextInt(20);
		});
	}

	@Test
	void aMixedSoakWithThrowingListenersLosesNothing() {
		storm((i, xhr, plan) -> {
			int kind = this.random.nextInt(10);
			if (kind < 4) {
				plan.url = server.url("/bytes?size=" + (1 + this.random.nextInt(5000)) + "&i=" + i);
			}
			else if (kind < 5) {
				plan.url = server.url("/reset?i=" + i);
			}
			else if (kind < 6) {
				plan.url = server.url("/close-mid?size=4000&first=1000&delay=2&i=" + i);
			}
			else if (kind < 8) {
				plan.url = server.url("/trickle?parts=3&size=200&delay=3&i=" + i);
				plan.abortAt = AbortPoint.values()[this.random.nextInt(AbortPoint.values().length)];
				plan.abortDelayMicros = this.random.nextInt(3000);
			}
			else {
				plan.url = server.url("/delay?ms=1000&i=" + i);
				plan.timeoutMillis = 1 + this.random.nextInt(20);
			}
			if (this.random.nextInt(4) == 0) {
				plan.throwOn = XHR_TYPES.get(this.random.nextInt(XHR_TYPES.size()));
			}
		});
	}

	// ---- the storm -----------------------------------------------------------------------------------------------

	private static final List<String> XHR_TYPES = List.of("readystatechange", "loadstart", "progress", "abort",
			"error", "load", "timeout", "loadend");

	/** Where a request is aborted. */
	enum AbortPoint {

		INSIDE_LOADSTART, RIGHT_AFTER_SEND, INSIDE_HEADERS_RECEIVED, INSIDE_FIRST_PROGRESS, AFTER_A_RANDOM_DELAY

	}

	/** What to do with request {@code i}. */
	static final class Plan {

		String url = "";

		AbortPoint abortAt;

		int abortDelayMicros;

		int timeoutMillis;

		String throwOn;

	}

	@FunctionalInterface
	interface Planner {

		void plan(int i, XMLHttpRequest xhr, Plan plan);

	}

	private void storm(Planner planner) {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, XhrAutoConfiguration.class))
			.withUserConfiguration(StormConfiguration.class)
			.run((context) -> {
				XhrFactory factory = context.getBean(XhrFactory.class);
				RelayedEvents relayed = context.getBean(RelayedEvents.class);
				warmUp(factory);
				relayed.clear();
				takeBaselines();
				long started = System.nanoTime();
				Semaphore inFlight = new Semaphore(IN_FLIGHT);
				CountDownLatch ended = new CountDownLatch(SIZE);
				List<Request> requests = new ArrayList<>(SIZE);
				AtomicLong thrown = new AtomicLong();
				for (int i = 0; i < SIZE; i++) {
					inFlight.acquire();
					XMLHttpRequest xhr = factory.create();
					Plan plan = new Plan();
					planner.plan(i, xhr, plan);
					Request request = new Request(xhr, plan);
					requests.add(request);
					request.listen(inFlight, ended, thrown);
					request.start();
				}
				assertThat(ended.await(60, TimeUnit.SECONDS)).as("all %d requests ended within 60 s", SIZE).isTrue();
				long elapsed = Duration.ofNanos(System.nanoTime() - started).toMillis();

				await().alias("every relayed loadend").atMost(Duration.ofSeconds(10))
					.until(() -> relayed.loadends() >= SIZE);
				Map<String, Integer> outcomes = new java.util.TreeMap<>();
				for (Request request : requests) {
					List<String> seen = request.events;
					assertThat(seen.stream().filter((e) -> e.startsWith("loadend@")).count())
						.as("loadends of %s: %s", request.plan.url, seen).isOne();
					String outcome = SequenceRules.check(seen);
					outcomes.merge(outcome, 1, Integer::sum);
					assertThat(relayed.of(request.plan.url)).as("Spring events of %s", request.plan.url)
						.isEqualTo(seen);
				}
				assertThat(this.reports.count()).as("listener exceptions reported").isEqualTo(thrown.get());
				System.out.println("XhrStormTests: " + SIZE + " requests in " + elapsed + " ms: " + outcomes
						+ ", listener exceptions " + thrown.get());
				assertNothingLeft();
			});
	}

	private static void warmUp(XhrFactory factory) throws InterruptedException {
		CountDownLatch done = new CountDownLatch(8);
		for (int i = 0; i < 8; i++) {
			XMLHttpRequest xhr = factory.create();
			xhr.addEventListener("loadend", (e) -> done.countDown());
			xhr.open("GET", server.url("/bytes?size=10"));
			xhr.send();
		}
		assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
	}

	private static void takeBaselines() {
		baseline = ThreadSnapshot.take();
		baselineHeap = usedHeapAfterGc();
	}

	private void assertNothingLeft() {
		client.awaitNoConnectionInUse();
		RecordingLeakDetector.assertNoLeaks();
		int cores = Runtime.getRuntime().availableProcessors();
		baseline.awaitNoNewThreads(Map.of(client.threadNamePrefix(), 2, "parallel-", cores,
				// The event pool grows with listeners running at the same moment, never with the storm's size.
				"xhr-event-", IN_FLIGHT + 16, "xhr-test-server-", 3, "storm-aborter", 1), Set.of("xhr-event-"));
		await().alias("used heap back within 64 MiB of " + baselineHeap).atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> usedHeapAfterGc() <= baselineHeap + HEAP_TOLERANCE);
	}

	private static long usedHeapAfterGc() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/** One request of a storm and what its XHR listeners saw, as {@code type@readyState}. */
	final class Request {

		final XMLHttpRequest xhr;

		final Plan plan;

		final List<String> events = new CopyOnWriteArrayList<>();

		Request(XMLHttpRequest xhr, Plan plan) {
			this.xhr = xhr;
			this.plan = plan;
		}

		void listen(Semaphore inFlight, CountDownLatch ended, AtomicLong thrown) {
			for (String type : XHR_TYPES) {
				// The recorder first: a listener that aborts runs after it, so nested events follow in order.
				this.xhr.addEventListener(type, (event) -> this.events.add(type + "@" + this.xhr.getReadyState()));
			}
			if (this.plan.throwOn != null) {
				this.xhr.addEventListener(this.plan.throwOn, (event) -> {
					thrown.incrementAndGet();
					throw new StormListenerException();
				});
			}
			AbortPoint abortAt = this.plan.abortAt;
			if (abortAt == AbortPoint.INSIDE_LOADSTART) {
				this.xhr.addEventListener("loadstart", (event) -> this.xhr.abort());
			}
			else if (abortAt == AbortPoint.INSIDE_HEADERS_RECEIVED) {
				this.xhr.addEventListener("readystatechange", (event) -> {
					if (this.xhr.getReadyState() == XMLHttpRequest.HEADERS_RECEIVED) {
						this.xhr.abort();
					}
				});
			}
			else if (abortAt == AbortPoint.INSIDE_FIRST_PROGRESS) {
				AtomicInteger progress = new AtomicInteger();
				this.xhr.addEventListener("progress", (event) -> {
					if (progress.incrementAndGet() == 1) {
						this.xhr.abort();
					}
				});
			}
			this.xhr.addEventListener("loadend", (event) -> {
				inFlight.release();
				ended.countDown();
			});
		}

		void start() {
			this.xhr.open("GET", this.plan.url);
			if (this.plan.timeoutMillis > 0) {
				this.xhr.setTimeout(this.plan.timeoutMillis);
			}
			this.xhr.send();
			if (this.plan.abortAt == AbortPoint.RIGHT_AFTER_SEND) {
				this.xhr.abort();
			}
			else if (this.plan.abortAt == AbortPoint.AFTER_A_RANDOM_DELAY) {
				aborters.schedule(this.xhr::abort, this.plan.abortDelayMicros, TimeUnit.MICROSECONDS);
			}
		}

	}

	/** Thrown by the storms' throwing listeners; without a stack trace, thousands of them are cheap. */
	static final class StormListenerException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		StormListenerException() {
			super("thrown by a storm listener", null, false, false);
		}

	}

	/** Counts the listener exceptions the engine reports (and keeps thousands of them off the console). */
	static final class ListenerReports {

		private final Logger logger = (Logger) LoggerFactory.getLogger(EventTarget.class);

		private final AtomicLong count = new AtomicLong();

		private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {

			@Override
			protected void append(ILoggingEvent event) {
				if (event.getThrowableProxy() != null
						&& event.getThrowableProxy().getClassName().equals(StormListenerException.class.getName())) {
					ListenerReports.this.count.incrementAndGet();
				}
			}

		};

		void start() {
			this.appender.start();
			this.logger.addAppender(this.appender);
			this.logger.setAdditive(false);
		}

		void stop() {
			this.logger.detachAppender(this.appender);
			this.logger.setAdditive(true);
		}

		long count() {
			return this.count.get();
		}

	}

	/** The Spring side: every relayed event by request URL, as {@code type@readyState}. */
	static final class RelayedEvents {

		private final Map<String, List<String>> byUrl = new ConcurrentHashMap<>();

		private final AtomicInteger loadends = new AtomicInteger();

		@EventListener
		void on(XhrApplicationEvent event) {
			if (event.isUpload()) {
				return;
			}
			this.byUrl.computeIfAbsent(event.getUrl(), (url) -> new CopyOnWriteArrayList<>())
				.add(event.getEventType() + "@" + event.getReadyState());
			if (event.getEventType().equals("loadend")) {
				this.loadends.incrementAndGet();
			}
		}

		List<String> of(String url) {
			return this.byUrl.getOrDefault(url, List.of());
		}

		int loadends() {
			return this.loadends.get();
		}

		void clear() {
			this.byUrl.clear();
			this.loadends.set(0);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class StormConfiguration {

		@Bean
		RelayedEvents relayedEvents() {
			return new RelayedEvents();
		}

		/** As a user plugs in a tuned Reactor Netty client: a connector of their own, here with pool metrics. */
		@Bean
		WebClientCustomizer meteredConnector() {
			return (builder) -> builder.clientConnector(new ReactorClientHttpConnector(client.httpClient()));
		}

	}

}
