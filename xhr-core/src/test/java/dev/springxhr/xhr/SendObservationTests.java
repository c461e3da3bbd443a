package dev.springxhr.xhr;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.GlobalObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.observation.DefaultXhrRequestObservationConvention;
import dev.springxhr.xhr.observation.XhrRequestObservationContext;
import dev.springxhr.xhr.support.SilentServer;
import dev.springxhr.xhr.support.XhrTestServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static dev.springxhr.xhr.observation.DefaultXhrRequestObservationConvention.NAME;
import static org.awaitility.Awaitility.await;

/**
 * Each {@code send()} is an {@code xhr.request} Observation: a child of the caller's current observation, the parent
 * of WebClient's per-hop {@code http.client.requests} (so redirects and preflights are its children), stopped after
 * {@code loadend} with low-cardinality keys and no URL — in async and sync mode and for every way a send ends.
 */
class SendObservationTests {

	@RegisterExtension
	static final XhrTestServer<WireMockServer> wireMock = XhrTestServer.wireMock();

	/** Contexts of started, and of stopped, observations. */
	private final Queue<Observation.Context> started = new ConcurrentLinkedQueue<>();

	private final Queue<Observation.Context> stopped = new ConcurrentLinkedQueue<>();

	private final ObservationRegistry registry = recordingRegistry();

	private final XhrFactory factory = observedFactory(this.registry, wireMock.settings());

	private static XhrFactory observedFactory(ObservationRegistry registry, XhrSettings settings) {
		// tag::observed-factory[]
		WebClient.Builder client = WebClient.builder().observationRegistry(registry); // the hops' observations
		XhrFactory factory = new WebClientXhrFactory(client, settings, WebClientXhrFactory.defaultEventExecutor(),
				XhrEventObserver.NONE, WebClientXhrFactory.inMemoryCookieStores(), registry); // each send's
		// end::observed-factory[]
		return factory;
	}

	@Test
	void aSendIsTheChildOfTheCallersObservationAndTheParentOfEachHop() throws Exception {
		wireMock.server().stubFor(get("/start?token=secret").willReturn(aResponse().withStatus(302)
			.withHeader("Location", "/end")));
		wireMock.server().stubFor(get("/end").willReturn(aResponse().withBody("done")));
		Observation caller = Observation.start("caller", this.registry);
		XMLHttpRequest xhr = this.factory.create();
		try (Observation.Scope scope = caller.openScope()) {
			xhr.open("get", "/start?token=secret");
			xhr.send();
		}
		xhr.completion().toCompletableFuture().get(10, TimeUnit.SECONDS);
		caller.stop();

		Observation.Context send = single(NAME);
		assertThat(send.getParentObservation()).isSameAs(caller);
		assertThat(this.stopped).extracting(Observation.Context::getName).contains("caller");
		assertThat(send.getContextualName()).isEqualTo("xhr GET");
		assertThat(send.getLowCardinalityKeyValues()).contains(KeyValue.of("method", "GET"),
				KeyValue.of("outcome", "load"), KeyValue.of("status", "200"));
		assertThat(send.getHighCardinalityKeyValues()).isEmpty();
		assertThat(send.getAllKeyValues().stream().map(KeyValue::getValue)).noneMatch((v) -> v.contains("secret"));
		// Both hops of the redirect are WebClient observations, children of the send.
		await().untilAsserted(() -> assertThat(contexts("http.client.requests")).hasSize(2)
			.allSatisfy((hop) -> assertThat(parentOf(hop)).isSameAs(send)));
	}

	@Test
	void aSynchronousSendIsObservedToo() {
		wireMock.server().stubFor(get("/sync").willReturn(aResponse().withStatus(404)));
		XMLHttpRequest xhr = this.factory.create();
		xhr.open("PROPFIND", "/sync", false);
		wireMock.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.request("PROPFIND",
				com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/sync"))
			.willReturn(aResponse().withStatus(404)));
		xhr.send();

		Observation.Context send = single(NAME);
		assertThat(send.getLowCardinalityKeyValues()).contains(KeyValue.of("method", "OTHER"),
				KeyValue.of("outcome", "load"), KeyValue.of("status", "404"));
		assertThat(contexts("http.client.requests")).singleElement()
			.satisfies((hop) -> assertThat(parentOf(hop)).isSameAs(send));
	}

	@Test
	void errorsTimeoutsAndAbortsEndTheObservationWithTheirOutcome() {
		XMLHttpRequest failed = this.factory.create();
		failed.open("GET", "http://127.0.0.1:9/");
		failed.send();
		await().until(() -> contexts(NAME).size() == 1);
		Observation.Context error = single(NAME);
		assertThat(error.getLowCardinalityKeyValues()).contains(KeyValue.of("outcome", "error"),
				KeyValue.of("status", "0"));
		assertThat(error.getError()).isInstanceOf(DOMException.class);

		try (SilentServer silent = SilentServer.start()) {
			XMLHttpRequest timedOut = this.factory.create();
			timedOut.open("GET", silent.url("/silent"));
			timedOut.setTimeout(100);
			timedOut.send();
			XMLHttpRequest aborted = this.factory.create();
			aborted.open("GET", silent.url("/silent"));
			aborted.send();
			aborted.abort();
			await().until(() -> contexts(NAME).size() == 3);
		}
		assertThat(contexts(NAME)).extracting((c) -> c.getLowCardinalityKeyValue("outcome").getValue())
			.containsExactlyInAnyOrder("error", "timeout", "abort");
		// Every observation that started was stopped: none is left open.
		assertThat(this.stopped).containsExactlyInAnyOrderElementsOf(this.started);
	}

	@Test
	void aGlobalConventionOfTheRegistryReplacesTheDefaultKeys() throws Exception {
		wireMock.server().stubFor(get("/custom").willReturn(aResponse().withStatus(201)));
		this.registry.observationConfig().observationConvention(new StatusClassConvention());
		XMLHttpRequest xhr = this.factory.create();
		xhr.open("GET", "/custom");
		xhr.send();
		xhr.completion().toCompletableFuture().get(10, TimeUnit.SECONDS);

		assertThat(single(NAME).getLowCardinalityKeyValues()).contains(KeyValue.of("status", "2xx"),
				KeyValue.of("outcome", "load"));
	}

	/** A user's convention: the status class instead of the status. */
	static final class StatusClassConvention extends DefaultXhrRequestObservationConvention
			implements GlobalObservationConvention<XhrRequestObservationContext> {

		@Override
		public KeyValues getLowCardinalityKeyValues(XhrRequestObservationContext context) {
			return super.getLowCardinalityKeyValues(context)
				.and("status", (context.getStatus() == 0) ? "none" : (context.getStatus() / 100) + "xx");
		}

	}

	@Test
	void aFactoryWithoutARegistryObservesNothing() throws Exception {
		wireMock.server().stubFor(get("/plain").willReturn(aResponse().withBody("x")));
		XMLHttpRequest xhr = wireMock.factory().create();
		xhr.open("GET", "/plain");
		xhr.send();
		xhr.completion().toCompletableFuture().get(10, TimeUnit.SECONDS);

		assertThat(this.started).isEmpty();
	}

	/** The one stopped observation of that name: a send's stops before its completion completes. */
	private Observation.Context single(String name) {
		List<Observation.Context> found = contexts(name);
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	/** The stopped observations of that name. */
	private List<Observation.Context> contexts(String name) {
		return this.stopped.stream().filter((context) -> name.equals(context.getName())).toList();
	}

	private static Object parentOf(Observation.Context context) {
		Observation parent = context.getParentObservation() instanceof Observation observation ? observation : null;
		assertThat(parent).isNotNull();
		return parent.getContext();
	}

	private ObservationRegistry recordingRegistry() {
		ObservationRegistry recording = ObservationRegistry.create();
		recording.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStart(Observation.Context context) {
				SendObservationTests.this.started.add(context);
			}

			@Override
			public void onStop(Observation.Context context) {
				SendObservationTests.this.stopped.add(context);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
		return recording;
	}

}
