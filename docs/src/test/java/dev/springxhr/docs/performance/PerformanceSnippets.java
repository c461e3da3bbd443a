package dev.springxhr.docs.performance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.XhrSettings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snippet of docs/performance.md (from the notes of the benchmarks module's report generator,
 * {@code benchmarks/src/main/resources/performance-notes.md}): a factory on a connection pool sized for 10,000
 * requests in flight. The full 10,000 are the benchmarks' {@code ScaleCheck}; here a few slow requests are in
 * flight on it at once.
 */
class PerformanceSnippets {

	@RegisterExtension
	static final WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Test
	void theFactoryRunsItsRequestsAtOnceOnThePoolSizedFor10000Connections() throws Exception {
		int requests = 10;
		server.stubFor(get("/quote").willReturn(aResponse().withFixedDelay(500).withBody("42")));
		// tag::connection-pool[]
		ConnectionProvider provider = ConnectionProvider.builder("xhr")
			.maxConnections(10_000)
			.pendingAcquireMaxCount(-1)
			.build();
		WebClient.Builder builder = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(provider)));
		XhrFactory factory = XhrFactory.of(builder, XhrSettings.defaults());
		// end::connection-pool[]
		try {
			assertThat(provider.maxConnections()).isEqualTo(10_000);
			long start = System.nanoTime();
			List<CompletableFuture<String>> responses = new ArrayList<>();
			for (int i = 0; i < requests; i++) {
				CompletableFuture<String> response = new CompletableFuture<>();
				XMLHttpRequest xhr = factory.create();
				xhr.setOnload((event) -> response.complete(xhr.getStatus() + " " + xhr.getResponseText()));
				xhr.setOnerror((event) -> response.completeExceptionally(new AssertionError("network error")));
				xhr.open("GET", server.baseUrl() + "/quote");
				xhr.send();
				responses.add(response);
			}
			for (CompletableFuture<String> response : responses) {
				assertThat(response.get(30, TimeUnit.SECONDS)).isEqualTo("200 42");
			}
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			// one connection at a time would take 10 x 500 ms: the requests were in flight together
			assertThat(elapsed).isLessThan(Duration.ofMillis(4_500));
			server.verify(requests, getRequestedFor(urlEqualTo("/quote")));
		}
		finally {
			provider.disposeLater().block(Duration.ofSeconds(10));
		}
	}

}
