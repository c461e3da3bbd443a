package dev.springxhr.docs.migrating;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import dev.springxhr.docs.SpringSnippetsAgainstWireMock;
import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code WebClientCustomizer} bean ({@link ClientConfiguration}) shapes the requests of the auto-configured
 * {@link XhrFactory}: the auto-configuration builds it on Boot's {@code WebClient.Builder}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
class WebClientCustomizerSnippets extends SpringSnippetsAgainstWireMock {

	@Autowired
	private XhrFactory xhrFactory;

	@Test
	void theCustomizersDefaultHeaderIsOnEveryXhrRequest() {
		server.stubFor(get("/ping").willReturn(aResponse().withBody("pong")));
		XMLHttpRequest xhr = this.xhrFactory.create();
		xhr.open("GET", "/ping", false);
		xhr.send();
		assertThat(xhr.getResponseText()).isEqualTo("pong");
		server.verify(getRequestedFor(urlEqualTo("/ping")).withHeader("X-Client", equalTo("orders-service")));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(ClientConfiguration.class)
	static class Application {

	}

}
