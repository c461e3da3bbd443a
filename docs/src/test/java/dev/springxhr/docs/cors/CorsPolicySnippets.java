package dev.springxhr.docs.cors;

import java.net.URI;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.XhrSettings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The "testing your service's CORS policy" snippet of docs/credentials-cookies-and-cors.md, against a WireMock
 * server that plays the service: one whose policy allows the page's origin, one whose policy does not.
 */
class CorsPolicySnippets {

	@RegisterExtension
	static final WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final String apiBaseUrl = server.baseUrl();

	@Test
	void aServiceThatAllowsTheOriginGetsThePreflightAndThePut() {
		server.stubFor(WireMock.options(urlEqualTo("/orders/42")).willReturn(aResponse().withStatus(204)
			.withHeader("Access-Control-Allow-Origin", "https://app.example")
			.withHeader("Access-Control-Allow-Credentials", "true")
			.withHeader("Access-Control-Allow-Methods", "PUT")
			.withHeader("Access-Control-Allow-Headers", "content-type")));
		server.stubFor(put("/orders/42").willReturn(aResponse().withStatus(200)
			.withHeader("Access-Control-Allow-Origin", "https://app.example")
			.withHeader("Access-Control-Allow-Credentials", "true")));

		XMLHttpRequest xhr = sendTheSnippetsRequest();

		assertThat(xhr.getStatus()).isEqualTo((short) 200);
		server.verify(WireMock.optionsRequestedFor(urlEqualTo("/orders/42"))
			.withHeader("Origin", equalTo("https://app.example"))
			.withHeader("Access-Control-Request-Method", equalTo("PUT")));
		server.verify(putRequestedFor(urlEqualTo("/orders/42")).withHeader("Origin", equalTo("https://app.example")));
	}

	@Test
	void aServiceWithoutCorsIsRefusedAsABrowserWouldAndNeverGetsThePut() {
		server.stubFor(WireMock.options(urlEqualTo("/orders/42")).willReturn(aResponse().withStatus(204)));

		XMLHttpRequest xhr = sendTheSnippetsRequest();

		assertThat(xhr.getStatus()).isZero();
		server.verify(0, putRequestedFor(urlEqualTo("/orders/42")));
	}

	private XMLHttpRequest sendTheSnippetsRequest() {
		// tag::cors-policy-test[]
		XhrFactory browserOnApp = XhrFactory.of(WebClient.builder(),
				XhrSettings.defaults().withOrigin(URI.create("https://app.example")));

		XMLHttpRequest xhr = browserOnApp.create();
		xhr.open("PUT", apiBaseUrl + "/orders/42");            // your service, e.g. a @SpringBootTest on a random port
		xhr.setRequestHeader("Content-Type", "application/json");
		xhr.setWithCredentials(true);
		xhr.send("{\"status\":\"paid\"}");
		// ... await loadend: status 0 and an error event mean the browser would refuse it;
		// the preflight (OPTIONS) and the actual PUT are what your server received.
		// end::cors-policy-test[]
		await().until(() -> xhr.getReadyState() == XMLHttpRequest.DONE);
		return xhr;
	}

}
