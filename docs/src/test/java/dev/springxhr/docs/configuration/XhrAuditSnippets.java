package dev.springxhr.docs.configuration;

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
import dev.springxhr.xhr.XhrFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.awaitility.Awaitility.await;

/**
 * The {@link XhrAudit} listener of docs/configuration.md hears a timeout of a request made with the auto-configured
 * factory (xhr.timeout of 200 ms, a server that answers after 2 s).
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE, properties = "xhr.timeout=200ms")
@ExtendWith(OutputCaptureExtension.class)
class XhrAuditSnippets extends SpringSnippetsAgainstWireMock {

	@Autowired
	private XhrFactory xhrFactory;

	@Test
	void aTimedOutRequestIsLoggedByTheAudit(CapturedOutput output) {
		server.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(2_000)));
		XMLHttpRequest xhr = this.xhrFactory.create();
		xhr.open("GET", "/slow");
		xhr.send();
		await().until(() -> output.getOut().contains("XhrAudit - GET " + server.baseUrl() + "/slow timed out"));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(XhrAudit.class)
	static class Application {

	}

}
