package dev.springxhr.sample;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.springxhr.test.AutoConfigureXhrTest;
import dev.springxhr.test.XhrEventRecorder;
import dev.springxhr.test.XhrTestUpstream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner upstream, a factory built from the builder with its own base URL, timeout and key, tested with
 * spring-xhr's test support: the partner's host is pointed at WireMock, and the recorder asserts the request's
 * events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "partner.base-url=https://partner.example/api/", "partner.api-key=test-key",
				"partner.timeout=1s", "upstream-watch.interval=0s", "upstream-watch.initial-delay=1h" })
@AutoConfigureWebTestClient
@AutoConfigureXhrTest
class PartnerUpstreamTests {

	@RegisterExtension
	static final WireMockExtension partner = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	@DynamicPropertySource
	static void port(DynamicPropertyRegistry registry) {
		SamplePort.register(registry);
	}

	@Autowired
	WebTestClient webTestClient;

	@Autowired
	XhrEventRecorder recorder;

	@Test
	void thePartnerIsCalledWithItsOwnBaseUrlAndKey() {
		partner.stubFor(get("/api/status").withHost(equalTo("partner.example"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"status\":\"UP\"}")));

		this.webTestClient.get().uri("/partner/status").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).isEqualTo("{\"status\":\"UP\"}");

		assertThat(this.recorder).hasEventSequence("loadstart", "progress", "load", "loadend")
			.hasStatus(200)
			.hasUrl("https://partner.example/api/status");
		partner.verify(getRequestedFor(urlEqualTo("/api/status")).withHeader("X-Api-Key", equalTo("test-key")));
	}

	@Test
	void aSlowPartnerTimesOutAfterItsOwnTimeout() {
		partner.stubFor(get("/api/status").willReturn(aResponse().withFixedDelay(3_000)));

		// 1s, the partner's timeout, not the service's xhr.timeout of 10s.
		this.webTestClient.get().uri("/partner/status").exchange()
			.expectStatus().isEqualTo(504)
			.expectBody(String.class).isEqualTo("TimeoutError");

		assertThat(this.recorder).hasEventSequence("loadstart", "timeout", "loadend").hasStatus(0);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class PartnerOnWireMock {

		@Bean
		XhrTestUpstream partnerOnWireMock() {
			return XhrTestUpstream.to(partner.baseUrl()).forHosts("partner.example");
		}

	}

}
