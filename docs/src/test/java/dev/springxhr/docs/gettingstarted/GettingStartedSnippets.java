package dev.springxhr.docs.gettingstarted;

import java.net.URI;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.XhrSettings;
import dev.springxhr.xhr.event.ProgressEvent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The plain-Java snippets of docs/getting-started.md, run against a WireMock server.
 */
@ExtendWith(OutputCaptureExtension.class)
class GettingStartedSnippets {

	private static final Logger log = LoggerFactory.getLogger(GettingStartedSnippets.class);

	@RegisterExtension
	static final WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	// the docs' factory, on the WireMock server instead of https://api.example/
	private final XhrFactory factory = XhrFactory.of(WebClient.builder(),
			XhrSettings.defaults().withBaseUrl(URI.create(server.baseUrl() + "/")));

	@Test
	void firstRequest(CapturedOutput output) {
		server.stubFor(get("/orders/42").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":42}")));
		// tag::first-request[]
		XMLHttpRequest xhr = factory.create();
		xhr.setOnload((event) -> log.info("{} {}: {}", xhr.getStatus(), xhr.getStatusText(), xhr.getResponseText()));
		xhr.setOnerror((event) -> log.warn("network error"));
		xhr.setOntimeout((event) -> log.warn("timed out"));
		xhr.open("GET", "/orders/42");          // relative URLs resolve against the base URL
		xhr.setRequestHeader("Accept", "application/json");
		xhr.setTimeout(2_000);                  // milliseconds, counted from send(); 0 = none
		xhr.send();                             // returns at once; events follow on an event thread
		// end::first-request[]
		await().until(() -> output.getOut().contains("200 OK: {\"id\":42}"));
		server.verify(getRequestedFor(urlEqualTo("/orders/42")).withHeader("Accept",
				com.github.tomakehurst.wiremock.client.WireMock.equalTo("application/json")));
	}

	@Test
	void everyStep(CapturedOutput output) {
		server.stubFor(post("/orders").willReturn(aResponse().withStatus(201).withBody("created")));
		XMLHttpRequest xhr = factory.create();
		// tag::every-step[]
		for (String type : List.of("readystatechange", "loadstart", "progress", "load", "error", "timeout", "abort", "loadend")) {
			xhr.addEventListener(type, (event) -> log.info("{} in state {}", type, xhr.getReadyState()));
		}
		xhr.getUpload().addEventListener("progress", (event) -> {
			ProgressEvent progress = (ProgressEvent) event;
			log.info("sent {} of {}", progress.getLoaded(), progress.getTotal());
		});
		// end::every-step[]
		xhr.open("POST", "/orders");
		xhr.send("{\"item\":\"pen\"}");
		await().until(() -> output.getOut().contains("loadend in state 4"));
		assertThat(output.getOut()).contains("readystatechange in state 1", "loadstart in state 1", "load in state 4",
				"sent 14 of 14");
		assertThat(xhr.getStatus()).isEqualTo((short) 201);
	}

	@Test
	void synchronousRequest() {
		server.stubFor(get("/orders/42").willReturn(aResponse().withStatus(200).withBody("{\"id\":42}")));
		XMLHttpRequest xhr = factory.create();
		// tag::sync-request[]
		xhr.open("GET", "/orders/42", false);   // async = false
		xhr.send();                             // blocks until DONE, throws DOMException NetworkError on failure
		String body = xhr.getResponseText();
		// end::sync-request[]
		assertThat(body).isEqualTo("{\"id\":42}");
	}

}
