package dev.springxhr.docs.configuration;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import dev.springxhr.autoconfigure.XhrClientHttpConnector;
import dev.springxhr.xhr.DOMException;
import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.XhrSettings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@link XhrClientHttpConnector} of docs/configuration.md: a declared one ({@link XhrConnectorConfiguration})
 * replaces the auto-configured one under the factory, and XHR still follows redirects itself; made per factory, it
 * checks resolved addresses against each factory's own network access policy; one that follows
 * redirects is refused with the {@code NetworkError} docs/troubleshooting.md explains.
 */
class XhrConnectorSnippets {

	@RegisterExtension
	static final WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Test
	void theDeclaredConnectorIsUnderTheFactoryAndXhrFollowsTheRedirect() {
		stubRedirect();
		try (ConfigurableApplicationContext context = start(XhrConnectorConfiguration.class)) {
			assertThat(context.getBean(XhrClientHttpConnector.class).connector(XhrSettings.defaults()))
				.isInstanceOf(ReactorClientHttpConnector.class);
			XMLHttpRequest xhr = context.getBean(XhrFactory.class).create();
			xhr.open("GET", server.baseUrl() + "/old", false);
			xhr.send();
			assertThat(xhr.getResponseText()).isEqualTo("moved here");
			assertThat(xhr.getResponseURL()).isEqualTo(server.baseUrl() + "/new");
			server.verify(getRequestedFor(urlEqualTo("/old")));
			server.verify(getRequestedFor(urlEqualTo("/new")));
		}
	}

	@Test
	void theDeclaredConnectorGuardsEachFactoryWithItsOwnNetworkPolicy() {
		server.stubFor(get("/new").willReturn(aResponse().withBody("moved here")));
		try (ConfigurableApplicationContext context = start(XhrConnectorConfiguration.class)) {
			XhrFactory loopbackDenied = context.getBean(XhrFactory.Builder.class)
				.settings((settings) -> settings.withNetworkAccessPolicy(
						settings.networkAccessPolicy().withDeniedNetworks(List.of("127.0.0.0/8", "::1/128"))))
				.build();
			XMLHttpRequest denied = loopbackDenied.create();
			denied.open("GET", server.baseUrl() + "/new", false);
			assertThatExceptionOfType(DOMException.class).isThrownBy(denied::send)
				.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("NetworkError"));
			// the auto-configured factory's policy denies no loopback address
			XMLHttpRequest allowed = context.getBean(XhrFactory.class).create();
			allowed.open("GET", server.baseUrl() + "/new", false);
			allowed.send();
			assertThat(allowed.getResponseText()).isEqualTo("moved here");
		}
	}

	@Test
	void aConnectorThatFollowsRedirectsItselfIsRefused() {
		stubRedirect();
		try (ConfigurableApplicationContext context = start(RedirectFollowingConnectorConfiguration.class)) {
			XMLHttpRequest xhr = context.getBean(XhrFactory.class).create();
			xhr.open("GET", server.baseUrl() + "/old", false);
			assertThatExceptionOfType(DOMException.class).isThrownBy(xhr::send)
				.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("NetworkError"))
				.withMessageContaining("connector followed a redirect itself")
				.withMessageContaining("followRedirect(false)");
		}
	}

	private static void stubRedirect() {
		server.stubFor(get("/old").willReturn(aResponse().withStatus(302).withHeader("Location", "/new")));
		server.stubFor(get("/new").willReturn(aResponse().withBody("moved here")));
	}

	private static ConfigurableApplicationContext start(Class<?> configuration) {
		return new SpringApplicationBuilder(Application.class, configuration).web(WebApplicationType.NONE).run();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

	@Configuration(proxyBeanMethods = false)
	static class RedirectFollowingConnectorConfiguration {

		@Bean
		XhrClientHttpConnector xhrClientHttpConnector() {
			return new XhrClientHttpConnector(new ReactorClientHttpConnector(HttpClient.create().followRedirect(true)));
		}

	}

}
