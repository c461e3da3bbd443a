package dev.springxhr.autoconfigure;

import static dev.springxhr.xhr.support.DomExceptionAssert.assertThrowsDomException;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.DOMException;
import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.XhrSettings;
import dev.springxhr.xhr.support.RawHttpServer;
import dev.springxhr.xhr.support.XhrTestServer;

/**
 * Boot's auto-configured connector follows redirects (its {@code HttpRedirects} default); the XHR factory's connector
 * is Boot's, built with redirects off, so XHR sees and decides every hop itself.
 */
class XhrClientHttpConnectorAutoConfigurationTests {

	@RegisterExtension
	static final XhrTestServer<RawHttpServer> raw = XhrTestServer.raw();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				XhrAutoConfiguration.class));

	@Test
	void redirectsAreFollowedHopByHopByXhrNotByBootsConnector() {
		raw.server().route("/first", RawHttpServer.response("HTTP/1.1 302 Found", "", "Location: /second"));
		raw.server().route("/second", RawHttpServer.response("HTTP/1.1 200 OK", "second"));
		this.contextRunner.withPropertyValues("spring.http.clients.redirects=follow").run((context) -> {
			assertThat(context).hasSingleBean(XhrClientHttpConnector.class);
			XMLHttpRequest xhr = context.getBean(XhrFactory.class).create();
			xhr.open("GET", raw.baseUrl() + "/first", false);
			xhr.send();

			assertThat(xhr.getResponseText()).isEqualTo("second");
			// Reported as the final URL: XHR followed the redirect, so it knows the hop.
			assertThat(xhr.getResponseURL()).isEqualTo(raw.baseUrl() + "/second");
		});
	}

	@Test
	void responsesAreParsedAsABrowserDoesThroughTheAutoConfiguredConnector() {
		// BrowserHttpClient: an interim response ignored, a name that is not a token dropped, equal lengths as sent.
		raw.server().route("/equal", RawHttpServer.response("HTTP/1.1 103 Early Hints\r\n\r\nHTTP/1.1 200 OK", "abc",
				"X Odd: 1", "Content-Length: 3", "Content-Length: 3"));
		raw.server().route("/different", RawHttpServer.response("HTTP/1.1 200 OK", "abc", "Content-Length: 3",
				"Content-Length: 4"));
		this.contextRunner.run((context) -> {
			XMLHttpRequest equal = context.getBean(XhrFactory.class).create();
			equal.open("GET", raw.baseUrl() + "/equal", false);
			equal.send();
			assertThat(equal.getStatus()).isEqualTo((short) 200);
			assertThat(equal.getResponseText()).isEqualTo("abc");
			assertThat(equal.getAllResponseHeaders()).isEqualTo("content-length: 3, 3\r\n");
			// Fetch fails a response whose lengths differ, and so does the engine.
			XMLHttpRequest different = context.getBean(XhrFactory.class).create();
			different.open("GET", raw.baseUrl() + "/different", false);
			assertThrowsDomException(DOMException.NETWORK_ERROR, different::send);
		});
	}

	@Test
	void aHostNameResolvingToADeniedNetworkGetsNoConnectionThroughTheAutoConfiguredConnector() {
		RawHttpServer own = new RawHttpServer().start();
		try {
			own.route("/denied", RawHttpServer.response("HTTP/1.1 200 OK", "secret"));
			this.contextRunner.withPropertyValues("xhr.security.denied-networks=127.0.0.0/8,::1").run((context) -> {
				XMLHttpRequest xhr = context.getBean(XhrFactory.class).create();
				xhr.open("GET", "http://localhost:" + own.port() + "/denied", false);
				assertThat(assertThrowsDomException("NetworkError", xhr::send).getMessage())
					.contains("is in denied network");
				// Judged between name resolution and connect (ResolvedAddressGuard): not even a TCP connection. The
				// server accepts connections in order, so once a later one is through, an earlier one would count.
				XMLHttpRequest allowed = XhrFactory.of(WebClient.builder(), XhrSettings.defaults()).create();
				allowed.open("GET", own.baseUrl() + "/denied", false);
				allowed.send();
				assertThat(own.acceptedConnections()).isEqualTo(1);
			});
		}
		finally {
			own.close();
		}
	}

	@Test
	void aUserConnectorReplacesTheAutoConfiguredOne() {
		raw.server().route("/user", RawHttpServer.response("HTTP/1.1 200 OK", "user"));
		this.contextRunner.withUserConfiguration(UserConnectorConfiguration.class).run((context) -> {
			assertThat(context.getBean(XhrClientHttpConnector.class))
				.isSameAs(context.getBean(UserConnectorConfiguration.class).connector);
			XMLHttpRequest xhr = context.getBean(XhrFactory.class).create();
			xhr.open("GET", raw.baseUrl() + "/user", false);
			xhr.send();
			assertThat(xhr.getResponseText()).isEqualTo("user");
		});
	}

	@Test
	void withoutBootsConnectorBuilderTheWebClientBuildersConnectorIsUsed() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, XhrAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(XhrClientHttpConnector.class)
				.hasSingleBean(XhrFactory.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserConnectorConfiguration {

		final XhrClientHttpConnector connector = new XhrClientHttpConnector(
				new ReactorClientHttpConnector(HttpClient.create()));

		@Bean
		XhrClientHttpConnector userConnector() {
			return this.connector;
		}

	}

}
