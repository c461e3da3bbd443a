package dev.springxhr.docs.gettingstarted;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

import dev.springxhr.docs.SpringSnippetsAgainstWireMock;
import dev.springxhr.xhr.XMLHttpRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.awaitility.Awaitility.await;

/**
 * The Spring snippets of docs/getting-started.md ({@link OrderClient}, {@link OrderEvents}) in a Spring Boot
 * application with the starter, against a WireMock server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
@ExtendWith(OutputCaptureExtension.class)
class GettingStartedSpringSnippets extends SpringSnippetsAgainstWireMock {

	@Autowired
	private OrderClient orderClient;

	@Test
	void theInjectedFactoryMakesRequestsWhoseEventsReachTheEventListener(CapturedOutput output) {
		server.stubFor(get("/orders/7").willReturn(aResponse().withStatus(200).withBody("{}")));
		XMLHttpRequest xhr = this.orderClient.newRequest();
		xhr.open("GET", "/orders/7");
		xhr.send();
		await().until(() -> output.getOut().contains("GET " + server.baseUrl() + "/orders/7 ended with status 200"));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ OrderClient.class, OrderEvents.class })
	static class Application {

	}

}
