package dev.springxhr.docs.readme;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's example ({@link QuoteClient}) in a Spring Boot application with the starter, against WireMock.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
@ExtendWith(OutputCaptureExtension.class)
class ReadmeSnippets {

	@RegisterExtension
	static final WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@DynamicPropertySource
	static void xhrProperties(DynamicPropertyRegistry registry) {
		registry.add("xhr.base-url", server::baseUrl);
	}

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
