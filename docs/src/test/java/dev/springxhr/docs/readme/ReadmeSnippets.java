package dev.springxhr.docs.readme;

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

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's example ({@link QuoteClient}) in a Spring Boot application with the starter, against WireMock.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
@ExtendWith(OutputCaptureExtension.class)
class ReadmeSnippets extends SpringSnippetsAgainstWireMock {

	@Autowired
	private QuoteClient quoteClient;

	@Test
	void theExampleLogsProgressLoadAndTheLoadendApplicationEvent(CapturedOutput output) {
		server.stubFor(get("/quotes/today").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/plain")
			.withBody("Simplicity is prerequisite for reliability.")));

		this.quoteClient.refresh();

		await().until(() -> output.getOut().contains("GET " + server.baseUrl() + "/quotes/today ended with 200"));
		assertThat(output.getOut()).contains("43 bytes", "200 Simplicity is prerequisite for reliability.");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(QuoteClient.class)
	static class Application {

	}

}
