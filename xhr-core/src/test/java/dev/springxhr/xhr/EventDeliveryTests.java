package dev.springxhr.xhr;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.internal.task.EventExecutors;
import dev.springxhr.xhr.support.EventRecorder;
import dev.springxhr.xhr.support.TestServer;
import dev.springxhr.xhr.support.XhrTestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event delivery modes ({@link EventDelivery}, and virtual threads as the executor): in each, a request's events
 * run one at a time, in the standard's order, with exactly one {@code loadend} a send, for a load, a network error,
 * a timeout, an abort from a listener and a send started again from {@code loadend}; and they run where the mode
 * says. Only the event loop gives run-to-completion: there, the state of a request sent from the loop cannot change
 * before the sending code returns, even when the response is long there.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = { "executor", "event-loop", "virtual-threads" })
class EventDeliveryTests {

	@RegisterExtension
	static final XhrTestServer<TestServer> server = XhrTestServer.netty();

	/** A Netty event loop to send from, as a WebFlux handler does. */
	private static final DefaultEventLoopGroup senders = new DefaultEventLoopGroup(1);

	@Parameter
	String mode;

	@AfterAll
	static void stopSenders() {
		senders.shutdownGracefully(0, 1, TimeUnit.SECONDS);
	}

	@Test
	void aLoadHasTheStandardSequenceAndEveryEventRunsWhereTheModeSays() throws Exception {
		EventRecorder recorder = sendFromTheModesThread("/text", XMLHttpRequest::send).awaitLoadend();

		assertThat(types(recorder)).containsSubsequence("loadstart", "readystatechange", "progress", "load",
				"loadend");
		assertThat(recorder.count("loadend")).isOne();
		// Events of the network (not fired inside open() or send(): readyState OPENED, loadstart) run where the mode
		// delivers them.
		List<String> threads = recorder.entries().stream()
			.filter((entry) -> entry.readyState() != XMLHttpRequest.OPENED && !entry.type().equals("loadstart"))
			.map(EventRecorder.Entry::thread).distinct().toList();
		assertThat(threads).isNotEmpty().allSatisfy((thread) -> assertThat(thread).startsWith(expectedThreadPrefix()));
		assertThat(recorder.maxConcurrentDispatches()).isOne();
	}

	@Test
	void aNetworkErrorEndsInErrorThenOneLoadend() throws Exception {
		EventRecorder recorder = sendFromTheModesThread("/reset", XMLHttpRequest::send).awaitLoadend();

		assertThat(types(recorder)).containsSubsequence("loadstart", "error", "loadend").doesNotContain("load");
		assertThat(recorder.count("loadend")).isOne();
	}

	@Test
	void aTimeoutEndsInTimeoutThenOneLoadend() throws Exception {
		EventRecorder recorder = sendFromTheModesThread("/delay?ms=3000", (xhr) -> {
			xhr.setTimeout(100);
			xhr.send();
		}).awaitLoadend();

		assertThat(types(recorder)).containsSubsequence("loadstart", "timeout", "loadend").doesNotContain("load");
		assertThat(recorder.count("loadend")).isOne();
	}

	@Test
	void anAbortFromAListenerEndsInAbortThenOneLoadend() throws Exception {
		EventRecorder recorder = sendFromTheModesThread("/trickle?parts=4&delay=200", (xhr) -> {
			xhr.addEventListener("readystatechange", (event) -> {
				if (xhr.getReadyState() == XMLHttpRequest.HEADERS_RECEIVED) {
					xhr.abort();
				}
			});
			xhr.send();
		}).awaitLoadend();

		assertThat(types(recorder)).containsSubsequence("loadstart", "abort", "loadend").doesNotContain("load");
		assertThat(recorder.count("loadend")).isOne();
	}

	@Test
	void aSendStartedAgainFromLoadendRunsToItsOwnLoadend() throws Exception {
		AtomicReference<Boolean> again = new AtomicReference<>(true);
		EventRecorder recorder = sendFromTheModesThread("/text", (xhr) -> {
			xhr.addEventListener("loadend", (event) -> {
				if (again.getAndSet(false)) {
					xhr.open("GET", server.url("/text?body=second"));
					xhr.send();
				}
			});
			xhr.send();
		}).awaitLoadends(2);

		assertThat(recorder.count("load")).isEqualTo(2);
		assertThat(recorder.xhr().getResponseText()).isEqualTo("second");
	}

	@Test
	void onlyTheEventLoopGivesRunToCompletion() throws Exception {
		Assumptions.assumeFalse(this.mode.equals("virtual-threads") && !EventExecutors.hasVirtualThreads());
		XhrFactory factory = factory();
		CompletableFuture<List<Short>> seenBySender = new CompletableFuture<>();
		XMLHttpRequest xhr = factory.create();
		Runnable sendThenKeepWorking = () -> {
			xhr.open("GET", server.url("/text"));
			xhr.send();
			short right = xhr.getReadyState();
			// The sender goes on working long enough for the whole response to arrive.
			long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(400);
			while (System.nanoTime() < end) {
				Thread.onSpinWait();
			}
			// overrideMimeType() after send() throws InvalidStateError only once the response is DONE or LOADING.
			seenBySender.complete(List.of(right, xhr.getReadyState()));
		};
		if (this.mode.equals("event-loop")) {
			senders.next().execute(sendThenKeepWorking);
		}
		else {
			sendThenKeepWorking.run();
		}
		List<Short> seen = seenBySender.get(10, TimeUnit.SECONDS);
		assertThat(seen.get(0)).isEqualTo(XMLHttpRequest.OPENED);
		if (this.mode.equals("event-loop")) {
			assertThat(seen.get(1)).as("no event ran while the sender was still running").isEqualTo(XMLHttpRequest.OPENED);
		}
		else {
			assertThat(seen.get(1)).as("the events ran beside the sender").isEqualTo(XMLHttpRequest.DONE);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> xhr.getReadyState() == XMLHttpRequest.DONE);
	}

	/** Create a request, open it, attach a recorder and start it, from where the mode sends. */
	private EventRecorder sendFromTheModesThread(String path, java.util.function.Consumer<XMLHttpRequest> start)
			throws Exception {
		XhrFactory factory = factory();
		CompletableFuture<EventRecorder> started = new CompletableFuture<>();
		Runnable send = () -> {
			XMLHttpRequest xhr = factory.create();
			EventRecorder recorder = EventRecorder.attach(xhr);
			xhr.open("GET", server.url(path));
			start.accept(xhr);
			started.complete(recorder);
		};
		if (this.mode.equals("event-loop")) {
			EventLoop loop = senders.next();
			loop.execute(send);
		}
		else {
			send.run();
		}
		return started.get(10, TimeUnit.SECONDS);
	}

	private static List<String> types(EventRecorder recorder) {
		return recorder.entries().stream().map(EventRecorder.Entry::type).toList();
	}

	private XhrFactory factory() {
		XhrSettings settings = server.settings();
		return switch (this.mode) {
			case "executor" -> new WebClientXhrFactory(WebClient.builder(), settings);
			case "event-loop" -> new WebClientXhrFactory(WebClient.builder(),
					settings.withEventDelivery(EventDelivery.EVENT_LOOP));
			default -> {
				Assumptions.assumeTrue(EventExecutors.hasVirtualThreads(),
						"virtual threads need Java 21+: the virtual-threads execution runs this on one");
				yield new WebClientXhrFactory(WebClient.builder(), settings,
						WebClientXhrFactory.virtualThreadEventExecutor());
			}
		};
	}

	private String expectedThreadPrefix() {
		return switch (this.mode) {
			case "executor" -> "xhr-event-";
			case "event-loop" -> "defaultEventLoopGroup-";
			default -> "xhr-event-virtual-";
		};
	}

}
