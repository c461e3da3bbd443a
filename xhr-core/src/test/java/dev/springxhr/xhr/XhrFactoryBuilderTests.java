package dev.springxhr.xhr;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import dev.springxhr.xhr.support.RawHttpServer;
import dev.springxhr.xhr.support.XhrTestServer;

import static dev.springxhr.xhr.support.DomExceptionAssert.assertThrowsDomException;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link XhrFactory#builder()}: each {@code build()} makes an independent factory from what the builder holds then,
 * the default connector parses as a browser and guards resolved addresses with the final settings' policy.
 */
class XhrFactoryBuilderTests {

	private static final NetworkAccessPolicy DENY_LOOPBACK = new NetworkAccessPolicy(List.of(),
			List.of("127.0.0.0/8", "::1/128"), true);

	@RegisterExtension
	final XhrTestServer<RawHttpServer> raw = XhrTestServer.raw();

	@Test
	void theBuiltFactoryHasTheBuildersSettingsAndObservers() {
		this.raw.server().route("/api/hello", RawHttpServer.response("HTTP/1.1 200 OK", "hi", "Content-Length: 2"));
		List<String> seen = new CopyOnWriteArrayList<>();
		XhrFactory factory = XhrFactory.builder()
			.baseUrl(this.raw.baseUrl() + "/api/")
			.timeout(Duration.ofSeconds(7))
			.observer((event) -> seen.add("first:" + event.eventType()))
			.observer((event) -> seen.add("second:" + event.eventType()))
			.webClient((builder) -> builder.defaultHeader("X-Team", "payments"))
			.build();

		XMLHttpRequest xhr = factory.create();
		assertThat(xhr.getTimeout()).isEqualTo(7000);
		xhr.open("GET", "hello", false);
		xhr.send();

		assertThat(xhr.getResponseText()).isEqualTo("hi");
		assertThat(this.raw.server().requestsTo("/api/hello").get(0).headerValues("X-Team")).containsExactly("payments");
		assertThat(seen).containsSubsequence("first:load", "second:load", "first:loadend", "second:loadend");
		assertThat(((WebClientXhrFactory) factory).getSettings().baseUrl()).hasToString(this.raw.baseUrl() + "/api/");
	}

	@Test
	void eachBuildIsIndependentOfLaterChangesAndOfClones() {
		XhrFactory.Builder builder = XhrFactory.builder().timeout(Duration.ofSeconds(1));
		XhrFactory first = builder.build();
		XhrFactory.Builder clone = builder.clone().timeout(Duration.ofSeconds(3));
		builder.timeout(Duration.ofSeconds(2));

		assertThat(first.create().getTimeout()).isEqualTo(1000);
		assertThat(builder.build().create().getTimeout()).isEqualTo(2000);
		assertThat(clone.build().create().getTimeout()).isEqualTo(3000);
		assertThat(builder.build()).isNotSameAs(builder.build());
	}

	@Test
	void theDefaultConnectorGuardsResolvedAddressesWithTheFinalSettingsPolicy() {
		this.raw.server().route("/secret", RawHttpServer.response("HTTP/1.1 200 OK", "secret", "Content-Length: 6"));
		XhrFactory factory = XhrFactory.builder()
			.settings((settings) -> settings.withNetworkAccessPolicy(DENY_LOOPBACK))
			.build();

		XMLHttpRequest xhr = factory.create();
		xhr.open("GET", "http://localhost:" + this.raw.port() + "/secret", false);
		assertThrowsDomException("NetworkError", xhr::send);
		assertThat(this.raw.server().acceptedConnections()).isZero();
	}

	@Test
	void theDefaultConnectorTakesTwoEqualContentLengthsAsOne() {
		this.raw.server().route("/twice", RawHttpServer.response("HTTP/1.1 200 OK", "abc", "Content-Length: 3",
				"Content-Length: 3"));
		XMLHttpRequest xhr = XhrFactory.builder().build().create();
		xhr.open("GET", this.raw.baseUrl() + "/twice", false);
		xhr.send();
		assertThat(xhr.getResponseText()).isEqualTo("abc");
	}

	@Test
	void theConnectorFunctionIsGivenTheFinalSettings() {
		this.raw.server().route("/ok", RawHttpServer.response("HTTP/1.1 200 OK", "ok", "Content-Length: 2"));
		AtomicReference<XhrSettings> given = new AtomicReference<>();
		XhrFactory factory = XhrFactory.builder().clientConnector((settings) -> {
			given.set(settings);
			return new ReactorClientHttpConnector();
		}).settings((settings) -> settings.withMaxRedirects(3)).build();

		XMLHttpRequest xhr = factory.create();
		xhr.open("GET", this.raw.baseUrl() + "/ok", false);
		xhr.send();
		assertThat(xhr.getResponseText()).isEqualTo("ok");
		assertThat(given.get().maxRedirects()).isEqualTo(3);
	}

}
