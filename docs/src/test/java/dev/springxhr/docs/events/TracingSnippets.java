package dev.springxhr.docs.events;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.WebClientXhrFactory;
import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrEventObserver;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.XhrSettings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tracing example of docs/actuator.md, with micrometer-tracing's test tracer: one send is a span, the child of
 * the caller's span and the parent of a span per hop, and its listeners run in the caller's trace.
 */
class TracingSnippets {

	@RegisterExtension
	static final WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final XhrSettings settings = XhrSettings.defaults().withBaseUrl(URI.create(server.baseUrl() + "/"));

	@Test
	void aSendIsASpanWithASpanPerHopAndItsListenersRunInTheCallersTrace() throws Exception {
		server.stubFor(get("/old").willReturn(aResponse().withStatus(301).withHeader("Location", "/new")));
		server.stubFor(get("/new").willReturn(aResponse().withBody("moved")));
		// tag::tracing[]
		SimpleTracer tracer = new SimpleTracer();   // a tracing bridge (Brave, OpenTelemetry) in production
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));
		XhrFactory factory = new WebClientXhrFactory(WebClient.builder().observationRegistry(registry), settings,
				WebClientXhrFactory.defaultEventExecutor(), XhrEventObserver.NONE,
				WebClientXhrFactory.inMemoryCookieStores(), registry);

		List<String> traceInListener = new CopyOnWriteArrayList<>();
		Observation checkout = Observation.start("checkout", registry);
		XMLHttpRequest xhr = factory.create();
		xhr.addEventListener("load", (event) -> traceInListener.add(tracer.currentSpan().context().traceId()));
		try (Observation.Scope scope = checkout.openScope()) {
			xhr.open("GET", "/old");
			xhr.send();
		}
		// end::tracing[]
		xhr.completion().toCompletableFuture().get(10, TimeUnit.SECONDS);
		checkout.stop();

		SimpleSpan root = span(tracer, "checkout");
		SimpleSpan send = span(tracer, "xhr GET");
		List<SimpleSpan> hops = tracer.getSpans().stream().filter((span) -> span.getName().startsWith("http")).toList();
		assertThat(send.getParentId()).isEqualTo(root.getSpanId());
		assertThat(send.getTags()).containsEntry("outcome", "load").containsEntry("status", "200");
		// The redirect and its target: a span each, children of the send's.
		assertThat(hops).hasSize(2).allSatisfy((hop) -> assertThat(hop.getParentId()).isEqualTo(send.getSpanId()));
		assertThat(tracer.getSpans()).extracting(SimpleSpan::getTraceId).containsOnly(root.getTraceId());
		assertThat(traceInListener).containsExactly(root.getTraceId());
	}

	private static SimpleSpan span(SimpleTracer tracer, String name) {
		return tracer.getSpans().stream().filter((span) -> name.equals(span.getName())).findFirst().orElseThrow(
				() -> new AssertionError(name + " not among " + tracer.getSpans().stream().map(SimpleSpan::getName).toList()));
	}

}
