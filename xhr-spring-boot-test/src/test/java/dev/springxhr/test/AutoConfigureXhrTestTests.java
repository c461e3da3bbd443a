package dev.springxhr.test;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureXhrTest} in a {@code @SpringBootTest}: the application's factories — the auto-configured one
 * and one built from the builder for another upstream — reach WireMock in place of their real hosts, keeping their
 * URLs and Host headers, and the recorder sees each test's requests only.
 */
@SpringBootTest(classes = AutoConfigureXhrTestTests.PartnerApplication.class)
@AutoConfigureXhrTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoConfigureXhrTestTests {

	@RegisterExtension
	static final WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	@DynamicPropertySource
	static void upstream(DynamicPropertyRegistry registry) {
		registry.add("xhr.test.upstream", wireMock::baseUrl);
	}

	@Autowired
	XhrFactory xhrFactory;

	@Autowired
	@Qualifier("inventory")
	XhrFactory inventory;

	@Autowired
	XhrEventRecorder recorder;

	@Test
	@Order(1)
	void theAutoConfiguredFactoryReachesTheMockInPlaceOfItsHost() {
		wireMock.stubFor(get("/orders/1").withHost(equalTo("api.partner.example"))
			.willReturn(aResponse().withBody("{\"id\":1}")));
		XMLHttpRequest xhr = this.xhrFactory.create();
		xhr.open("GET", "https://api.partner.example/orders/1", false);
		xhr.send();

		assertThat(xhr.getResponseText()).isEqualTo("{\"id\":1}");
		assertThat(xhr.getResponseURL()).isEqualTo("https://api.partner.example/orders/1");
		assertThat(this.recorder).hasEventSequence("load", "loadend").hasStatus(200);
	}

	@Test
	@Order(2)
	void aFactoryBuiltFromTheBuilderToo() {
		wireMock.stubFor(get("/stock?sku=a%20b").willReturn(aResponse().withStatus(204)));
		XMLHttpRequest xhr = this.inventory.create();
		xhr.open("GET", "stock?sku=a b");
		xhr.send();

		// Only this test's request: the recorder was cleared before it.
		assertThat(this.recorder).hasEventSequence("loadstart", "load", "loadend")
			.hasStatus(204)
			.hasUrl("http://inventory.internal:8080/stock?sku=a%20b");
		wireMock.verify(getRequestedFor(urlEqualTo("/stock?sku=a%20b"))
			.withHeader("Host", equalTo("inventory.internal:8080")));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class PartnerApplication {

		@Bean(defaultCandidate = false)
		@Qualifier("inventory")
		XhrFactory inventory(XhrFactory.Builder builder) {
			return builder.baseUrl("http://inventory.internal:8080/").timeout(Duration.ofSeconds(5)).build();
		}

	}

}
