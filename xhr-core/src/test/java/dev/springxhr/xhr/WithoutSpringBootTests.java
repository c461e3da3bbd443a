package dev.springxhr.xhr;

import java.io.File;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.support.XhrTestServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * docs/getting-started.md's "without Spring Boot" example, compiled and run where the engine is used without Spring
 * Boot: this module's test classpath, which holds no {@code spring-boot*} jar (the first test proves it). The docs
 * module takes the snippet from here.
 */
class WithoutSpringBootTests {

	@RegisterExtension
	static final XhrTestServer<WireMockServer> wireMock = XhrTestServer.wireMock();

	@Test
	void theClasspathHoldsNoSpringBootJar() {
		List<String> springBootEntries = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			if (new File(entry).getName().startsWith("spring-boot")) {
				springBootEntries.add(entry);
			}
		}
		assertThat(springBootEntries).isEmpty();
		assertThatExceptionOfType(ClassNotFoundException.class)
			.isThrownBy(() -> Class.forName("org.springframework.boot.SpringApplication"));
	}

	@Test
	void thePlainFactoryOfTheGettingStartedPageSendsARequest() throws Exception {
		wireMock.server().stubFor(get("/orders/42").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":42}")));
		URI apiBaseUrl = URI.create(wireMock.baseUrl() + "/");   // the docs show https://api.example/
		// tag::plain-factory[]
		XhrFactory factory = XhrFactory.of(WebClient.builder(), XhrSettings.defaults().withBaseUrl(apiBaseUrl));
		// end::plain-factory[]
		CompletableFuture<String> loaded = new CompletableFuture<>();
		XMLHttpRequest xhr = factory.create();
		xhr.setOnload((event) -> loaded.complete(xhr.getStatus() + " " + xhr.getResponseText()));
		xhr.setOnerror((event) -> loaded.completeExceptionally(new AssertionError("network error")));
		xhr.open("GET", "/orders/42");
		xhr.send();
		assertThat(loaded.get(10, TimeUnit.SECONDS)).isEqualTo("200 {\"id\":42}");
	}

}
