package dev.springxhr.docs.troubleshooting;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.DOMException;
import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.XhrSettings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The snippets of docs/troubleshooting.md, against a WireMock server that resets the connection.
 */
@ExtendWith(OutputCaptureExtension.class)
class TroubleshootingSnippets {

	private static final Logger log = LoggerFactory.getLogger(TroubleshootingSnippets.class);

	@RegisterExtension
	static final WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final XhrFactory factory = XhrFactory.of(WebClient.builder(),
			XhrSettings.defaults().withBaseUrl(URI.create(server.baseUrl() + "/")));

	@Test
	void aSynchronousSendThrowsADomExceptionByName(CapturedOutput output) {
		server.stubFor(get("/reset").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		String url = "/reset";
		// tag::sync-exceptions[]
		XMLHttpRequest xhr = factory.create();
		try {
			xhr.open("GET", url, false);
			xhr.send();
		}
		catch (DOMException ex) {
			switch (ex.getName()) {
				case DOMException.NETWORK_ERROR -> log.warn("network error: {}", ex.getMessage());   // says why
				case DOMException.TIMEOUT_ERROR -> log.warn("timed out");
				case DOMException.ABORT_ERROR -> log.info("aborted");
				default -> throw ex;   // SyntaxError, InvalidStateError…: a bug in the calling code
			}
		}
		// end::sync-exceptions[]
		assertThat(output.getOut()).contains("network error: The synchronous request failed");
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.DONE);
	}

	@Test
	void anAsynchronousFailureIsStatusZeroInLoadend(CapturedOutput output) {
		server.stubFor(get("/reset").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		XMLHttpRequest xhr = factory.create();
		List<String> ended = new CopyOnWriteArrayList<>();
		// tag::async-failure[]
		xhr.setOnloadend((event) -> {
			if (xhr.getStatus() == 0) {            // error, timeout or abort: the reason is logged at DEBUG
				log.warn("{} failed", xhr);
			}
		});
		// end::async-failure[]
		xhr.addEventListener("loadend", (event) -> ended.add(event.getType()));
		xhr.open("GET", "/reset");
		xhr.send();
		await().until(() -> !ended.isEmpty());
		assertThat(output.getOut()).contains("failed");
		assertThat(xhr.getStatus()).isZero();
	}

}
