package dev.springxhr.sample;

import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.springxhr.autoconfigure.XhrApplicationEvent;
import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The starter in a whole application: a request through the auto-configured bean publishes its events as Spring
 * events, and {@code /actuator/health} shows the {@code xhr} contributor going DOWN when a probe's server stops.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@AutoConfigureWebTestClient
class XhrActuatorTests {

	private static final WireMockServer upstream = start();

	@Autowired
	private WebTestClient webTestClient;

	@Autowired
	private XhrFactory xhrFactory;

	@Autowired
	private Recorder recorder;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void probe(DynamicPropertyRegistry registry) {
		SamplePort.register(registry);
		registry.add("xhr.health.probes.upstream.url", () -> upstream.baseUrl() + "/ping");
		registry.add("xhr.health.probes.upstream.timeout", () -> "2s");
	}

	@AfterAll
	static void stopUpstream() {
		upstream.stop();
	}

	@Test
	void aRequestThroughTheBeanPublishesItsWholeEventSequence() {
		XMLHttpRequest xhr = this.xhrFactory.create();
		xhr.open("GET", "http://localhost:" + this.port + "/demo/status?token=s3cret");
		xhr.send();

		await().until(() -> this.recorder.types().contains("loadend"));
		assertThat(this.recorder.types()).containsExactly("readystatechange", "loadstart", "readystatechange",
				"readystatechange", "progress", "readystatechange", "load", "loadend");
		assertThat(this.recorder.events).allSatisfy(
				(event) -> assertThat(event.getUrl()).isEqualTo("http://localhost:" + this.port + "/demo/status?token=***"));
	}

	@Test
	void healthShowsTheXhrContributorGoingDownWhenTheProbedServerStops() {
		this.webTestClient.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.xhr.status")
			.isEqualTo("UP")
			// Two factories, each by bean name: the auto-configured one (with the probe) and the partner's.
			.jsonPath("$.components.xhr.components.xhrFactory.details.probes.upstream.httpStatus")
			.isEqualTo(200)
			.jsonPath("$.components.xhr.components.partnerXhrFactory.status")
			.isEqualTo("UP")
			.jsonPath("$.components.xhr.components.partnerXhrFactory.details.requests.window")
			.isEqualTo("PT1M");

		upstream.stop();

		this.webTestClient.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.components.xhr.status")
			.isEqualTo("DOWN")
			.jsonPath("$.components.xhr.components.xhrFactory.details.probes.upstream.error")
			.isEqualTo("network error")
			.jsonPath("$.components.xhr.components.partnerXhrFactory.status")
			.isEqualTo("UP");
	}

	private static WireMockServer start() {
		WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
		server.start();
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("pong")));
		return server;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class RecorderConfiguration {

		@Bean
		Recorder recorder() {
			return new Recorder();
		}

	}

	static class Recorder {

		final List<XhrApplicationEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();

		@EventListener(condition = "#event.url.contains('/demo/status?token')")
		void on(XhrApplicationEvent event) {
			this.events.add(event);
		}

		List<String> types() {
			List<String> types = new ArrayList<>();
			this.events.forEach((event) -> types.add(event.getEventType()));
			return types;
		}

	}

}
