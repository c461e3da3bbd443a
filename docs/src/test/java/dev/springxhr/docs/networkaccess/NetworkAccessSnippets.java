package dev.springxhr.docs.networkaccess;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.DOMException;
import dev.springxhr.xhr.NetworkAccessPolicy;
import dev.springxhr.xhr.ResolvedAddressGuard;
import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.XhrSettings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The examples of docs/network-access.md: the YAML ones ({@code snippets/network-access-*.yml}) start a Spring Boot
 * application, the Java one builds a factory with {@code XhrFactory.of}; each must deny a request to a loopback
 * WireMock server that the same factory without the policy reaches, before the server receives anything.
 */
class NetworkAccessSnippets {

	@RegisterExtension
	static final WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@BeforeEach
	void stub() {
		server.stubFor(get("/internal/secrets").willReturn(aResponse().withBody("secret")));
	}

	@Test
	void withoutAPolicyPropertyTheLoopbackServerIsReached() {
		// the control for the tests below: loopback is allowed by default
		try (ConfigurableApplicationContext context = start(null)) {
			XMLHttpRequest xhr = context.getBean(XhrFactory.class).create();
			xhr.open("GET", server.baseUrl() + "/internal/secrets", false);
			xhr.send();
			assertThat(xhr.getResponseText()).isEqualTo("secret");
		}
	}

	@Test
	void theDeniedNetworksExampleDeniesLoopback() {
		try (ConfigurableApplicationContext context = start("snippets/network-access-denied-networks.yml")) {
			assertThat(context.getBean(XhrSettings.class).networkAccessPolicy().deniedNetworks()).contains("127.0.0.0/8",
					"::1/128", "10.0.0.0/8");
			// an IP literal: denied before the connection
			assertDenied(context.getBean(XhrFactory.class), "http://127.0.0.1:" + server.getPort(),
					"127.0.0.1 is in denied network 127.0.0.0/8 (xhr.security.denied-networks)");
			// a host name: denied on the address connected to, before the request is written
			assertDenied(context.getBean(XhrFactory.class), server.baseUrl(), "(xhr.security.denied-networks)");
		}
	}

	@Test
	void theAllowedHostsExampleDeniesEveryOtherHost() {
		try (ConfigurableApplicationContext context = start("snippets/network-access-allowed-hosts.yml")) {
			assertThat(context.getBean(XhrSettings.class).networkAccessPolicy().allowedHosts())
				.containsExactly("api.partner.example", "*.payments.example");
			assertDenied(context.getBean(XhrFactory.class), server.baseUrl(),
					"Host localhost is not in the allowed hosts [api.partner.example, *.payments.example]");
		}
	}

	@Test
	void thePolicyWithoutSpringBootDeniesTheLoopbackServer() {
		XhrFactory unguarded = XhrFactory.of(WebClient.builder(), XhrSettings.defaults());
		XMLHttpRequest control = unguarded.create();
		control.open("GET", server.baseUrl() + "/internal/secrets", false);
		control.send();
		assertThat(control.getResponseText()).isEqualTo("secret");
		server.resetRequests();
		// tag::without-boot[]
		XhrSettings settings = XhrSettings.defaults()
			.withNetworkAccessPolicy(NetworkAccessPolicy.defaults()
				.withAllowedHosts(List.of("api.partner.example"))
				.withDeniedNetworks(List.of("10.0.0.0/8", "127.0.0.0/8", "::1/128")));
		XhrFactory factory = XhrFactory.of(WebClient.builder(), settings);
		// end::without-boot[]
		assertDenied(factory, server.baseUrl(), "Host localhost is not in the allowed hosts [api.partner.example]");
		assertDenied(factory, "http://127.0.0.1:" + server.getPort(), "Host 127.0.0.1 is not in the allowed hosts");
	}

	@Test
	void theGuardedHttpClientDeniesAHostNameBeforeItConnects() {
		// tag::resolved-address-guard[]
		NetworkAccessPolicy policy = NetworkAccessPolicy.defaults()
			.withDeniedNetworks(List.of("10.0.0.0/8", "127.0.0.0/8", "::1/128"));
		HttpClient httpClient = ResolvedAddressGuard.guard(HttpClient.create(), policy);
		WebClient.Builder builder = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(httpClient));
		XhrFactory factory = XhrFactory.of(builder, XhrSettings.defaults().withNetworkAccessPolicy(policy));
		// end::resolved-address-guard[]
		assertDenied(factory, server.baseUrl(), "is in denied network");
	}

	private static void assertDenied(XhrFactory factory, String baseUrl, String reason) {
		server.resetRequests();
		XMLHttpRequest xhr = factory.create();
		xhr.open("GET", baseUrl + "/internal/secrets", false);
		assertThatExceptionOfType(DOMException.class).isThrownBy(xhr::send)
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("NetworkError"))
			.withMessageContaining(reason);
		assertThat(xhr.getStatus()).isZero();
		server.verify(0, anyRequestedFor(anyUrl()));
	}

	private static ConfigurableApplicationContext start(@Nullable String resource) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(Application.class)
			.web(WebApplicationType.NONE);
		if (resource != null) {
			application.properties("spring.config.import=classpath:" + resource);
		}
		return application.run();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
