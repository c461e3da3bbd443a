package dev.springxhr.xhr;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.MDC;

import dev.springxhr.xhr.support.XhrTestServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the caller had in thread-locals at {@code send()} — the MDC, the current Observation — is what the listeners
 * of the request's network events see, on the event threads; and only for that request's listeners.
 */
class CallerContextTests {

	@RegisterExtension
	static final XhrTestServer<WireMockServer> wireMock = XhrTestServer.wireMock();

	@Test
	void theCallersMdcFollowsTheRequestIntoItsListenersAndNoFurther() throws Exception {
		wireMock.server().stubFor(get("/mdc").willReturn(aResponse().withBody("ok")));
		CompletableFuture<String> alice = sendWithMdc("alice");
		CompletableFuture<String> bob = sendWithMdc("bob");

		assertThat(alice.get(10, TimeUnit.SECONDS)).isEqualTo("alice on xhr-event");
		assertThat(bob.get(10, TimeUnit.SECONDS)).isEqualTo("bob on xhr-event");
		// The event threads are left as they were: a request sent without an MDC sees none.
		CompletableFuture<String> nobody = sendWithMdc(null);
		assertThat(nobody.get(10, TimeUnit.SECONDS)).isEqualTo("null on xhr-event");
	}

	@Test
	void theCurrentObservationAtSendIsCurrentInTheListeners() throws Exception {
		wireMock.server().stubFor(get("/observed").willReturn(aResponse().withBody("ok")));
		ObservationRegistry registry = ObservationRegistry.create();
		Observation parent = Observation.start("checkout", registry);
		CompletableFuture<Observation> seen = new CompletableFuture<>();
		XMLHttpRequest xhr = wireMock.factory().create();
		xhr.setOnload((event) -> seen.complete(registry.getCurrentObservation()));
		xhr.open("GET", "/observed");
		try (Observation.Scope scope = parent.openScope()) {
			xhr.send();
		}
		assertThat(registry.getCurrentObservation()).isNull();

		assertThat(seen.get(10, TimeUnit.SECONDS)).isSameAs(parent);
		parent.stop();
	}

	private static CompletableFuture<String> sendWithMdc(String user) {
		CompletableFuture<String> seen = new CompletableFuture<>();
		XMLHttpRequest xhr = wireMock.factory().create();
		xhr.setOnload((event) -> seen.complete(MDC.get("user") + " on "
				+ Thread.currentThread().getName().replaceAll("-\\d+$", "")));
		xhr.open("GET", "/mdc");
		if (user != null) {
			MDC.put("user", user);
		}
		try {
			xhr.send();
		}
		finally {
			MDC.remove("user");
		}
		return seen;
	}

}
