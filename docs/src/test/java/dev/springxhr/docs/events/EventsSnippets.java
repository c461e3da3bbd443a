package dev.springxhr.docs.events;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.WebClientXhrFactory;
import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrEventObserver;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.XhrSettings;
import dev.springxhr.xhr.event.XhrEventType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The snippets of docs/events-and-threads.md and docs/sync-xhr.md, against a WireMock server.
 */
@ExtendWith(OutputCaptureExtension.class)
class EventsSnippets {

	private static final Logger log = LoggerFactory.getLogger(EventsSnippets.class);

	@RegisterExtension
	static final WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final XhrSettings settings = XhrSettings.defaults().withBaseUrl(URI.create(server.baseUrl() + "/"));

	@Test
	void anObserverAndAnExecutorOfYourOwn(CapturedOutput output) throws Exception {
		server.stubFor(get("/orders/42").willReturn(aResponse().withBody("{}")));
		List<String> listenerThreads = new CopyOnWriteArrayList<>();
		// tag::observer-and-executor[]
		ExecutorService listeners = Executors.newFixedThreadPool(4);   // runs the listeners of network events
		XhrEventObserver audit = (event) -> log.info("#{} {} {} status {}", event.requestId(), event.eventType(),
				event.url(), event.status());
		XhrFactory factory = new WebClientXhrFactory(WebClient.builder(), settings, listeners, audit);
		// end::observer-and-executor[]
		try {
			XMLHttpRequest xhr = factory.create();
			xhr.addEventListener("load", (event) -> listenerThreads.add(Thread.currentThread().getName()));
			xhr.open("GET", "/orders/42");
			xhr.send();
			await().until(() -> output.getOut().contains("loadend " + server.baseUrl() + "/orders/42 status 200"));
			assertThat(listenerThreads).singleElement().asString().startsWith("pool-");
		}
		finally {
			listeners.shutdown();
		}
	}

	@Test
	void anObserverThatSwitchesOnTheEventType(CapturedOutput output) {
		server.stubFor(get("/orders/42").willReturn(aResponse().withStatus(404)));
		// tag::event-types[]
		XhrEventObserver outcomes = (event) -> {
			switch (XhrEventType.fromType(event.eventType())) {
				case LOAD, ERROR, TIMEOUT, ABORT -> log.info("#{} ended with {}", event.requestId(), event.eventType());
				default -> {
				}
			}
		};
		// end::event-types[]
		XhrFactory factory = new WebClientXhrFactory(WebClient.builder(), settings,
				WebClientXhrFactory.defaultEventExecutor(), outcomes);
		XMLHttpRequest xhr = factory.create();
		xhr.open("GET", "/orders/42");
		xhr.send();
		await().until(() -> xhr.getReadyState() == XMLHttpRequest.DONE);
		await().until(() -> output.getOut().contains("ended with load"));
		assertThat(output.getOut()).doesNotContain("ended with loadend", "ended with progress");
	}

	@Test
	void aSynchronousRequestInsideAReactivePipeline() {
		server.stubFor(get("/orders/42").willReturn(aResponse().withBody("{\"id\":42}")));
		XhrFactory factory = XhrFactory.of(WebClient.builder(), settings);
		// tag::sync-off-the-event-loop[]
		Mono<String> order = Mono.fromCallable(() -> {
			XMLHttpRequest xhr = factory.create();
			xhr.open("GET", "/orders/42", false);
			xhr.send();                              // blocks this bounded-elastic thread, not an event loop
			return xhr.getResponseText();
		}).subscribeOn(Schedulers.boundedElastic());
		// end::sync-off-the-event-loop[]
		assertThat(order.block()).isEqualTo("{\"id\":42}");
	}

}
