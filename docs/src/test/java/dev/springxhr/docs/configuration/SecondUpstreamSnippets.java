package dev.springxhr.docs.configuration;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

import dev.springxhr.autoconfigure.profile.ScopedXhrFactory;
import dev.springxhr.xhr.DOMException;
import dev.springxhr.xhr.WebClientXhrFactory;
import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.XhrSettings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The builder and the customizers of docs/configuration.md, and the health of several factories of
 * docs/actuator.md, in a Spring Boot application against WireMock: the second factory
 * ({@link SecondUpstreamConfiguration}) reaches its upstream with its base URL and timeouts while the auto-configured
 * one keeps the properties' and stays the one injected by type; the customizers ({@link CustomizerConfiguration})
 * change one value and keep the properties, and shape both factories; the health reports each factory by bean name.
 */
class SecondUpstreamSnippets {

	@RegisterExtension
	static final WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	@Test
	void theSecondFactoryReachesItsUpstreamWithItsBaseUrlAndTimeouts() {
		server.stubFor(get("/inventory/stock/A1").willReturn(aResponse().withBody("7")));
		server.stubFor(get("/inventory/stock/B2").willReturn(aResponse().withBody("0").withFixedDelay(4_000)));
		try (ConfigurableApplicationContext context = start()) {
			InventoryClient client = context.getBean(InventoryClient.class);
			assertThat(client.xhrFactory()).isSameAs(context.getBean("xhrFactory"))
				.isSameAs(context.getBean(XhrFactory.class));
			assertThat(client.inventory()).isSameAs(context.getBean("inventory")).isNotSameAs(client.xhrFactory());

			assertThat(client.stockOf("A1").block(Duration.ofSeconds(5))).isEqualTo("7");
			server.verify(getRequestedFor(urlEqualTo("/inventory/stock/A1")));
			assertThatExceptionOfType(DOMException.class)
				.isThrownBy(() -> client.stockOf("B2").block(Duration.ofSeconds(10)))
				.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("TimeoutError"));

			assertThat(client.inventory().create().getTimeout()).isEqualTo(3_000);
			assertThat(settings(client.inventory()).connectTimeout()).isEqualTo(Duration.ofMillis(500));
			// the auto-configured factory keeps the properties'
			assertThat(client.xhrFactory().create().getTimeout()).isEqualTo(10_000);
			assertThat(settings(client.xhrFactory()).baseUrl()).hasToString(server.baseUrl() + "/main/");
			assertThat(settings(client.xhrFactory()).connectTimeout()).isEqualTo(Duration.ZERO);
		}
	}

	@Test
	void theCustomizersChangeOneValueKeepThePropertiesAndShapeEveryFactory() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withBody("ok")));
		try (ConfigurableApplicationContext context = start(CustomizerConfiguration.class)) {
			XhrSettings settings = context.getBean(XhrSettings.class);
			assertThat(settings.maxRedirects()).as("xhr.max-redirects=12, capped").isEqualTo(5);
			assertThat(settings.timeout()).as("xhr.timeout stays").isEqualTo(Duration.ofSeconds(10));
			assertThat(settings(context.getBean("inventory", XhrFactory.class)).maxRedirects()).isEqualTo(5);

			send(context.getBean(XhrFactory.class), "ping");
			send(context.getBean("inventory", XhrFactory.class), "ping");
			server.verify(getRequestedFor(urlEqualTo("/main/ping")).withHeader("X-Client", equalTo("orders-service")));
			server.verify(
					getRequestedFor(urlEqualTo("/inventory/ping")).withHeader("X-Client", equalTo("orders-service")));
		}
	}

	@Test
	void theHealthReportsEachFactoryByBeanNameAndTheProbeGoesThroughItsFactory() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withBody("ok")));
		try (ConfigurableApplicationContext context = start(
				"spring.config.import=classpath:snippets/actuator-several-factories.yml",
				"management.endpoint.health.show-details=always")) {
			send(context.getBean("inventory", XhrFactory.class), "stock/A1");
			HealthDescriptor xhr = context.getBean(HealthEndpoint.class).healthForPath("xhr");
			assertThat(xhr).isInstanceOf(CompositeHealthDescriptor.class);
			Map<String, HealthDescriptor> components = ((CompositeHealthDescriptor) xhr).getComponents();
			assertThat(components).containsOnlyKeys("xhrFactory", "inventory");
			IndicatedHealthDescriptor inventory = (IndicatedHealthDescriptor) components.get("inventory");
			assertThat(inventory.getStatus()).isEqualTo(Status.UP);
			assertThat(inventory.getDetails()).containsKeys("requests", "probes");
			assertThat(inventory.getDetails().get("requests")).asInstanceOf(InstanceOfAssertFactories.MAP)
				.containsEntry("completed", 1L);
			assertThat(((IndicatedHealthDescriptor) components.get("xhrFactory")).getDetails())
				.doesNotContainKey("probes");
			server.verify(getRequestedFor(urlEqualTo("/inventory/ping")));
		}
	}

	private static ConfigurableApplicationContext start(Class<?> configuration) {
		return builder().sources(configuration).run();
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return builder().properties(properties).run();
	}

	private static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(Application.class, SecondUpstreamConfiguration.class,
				InventoryClient.class)
			.web(WebApplicationType.NONE)
			.properties("xhr.base-url=" + server.baseUrl() + "/main/", "xhr.timeout=10s", "xhr.max-redirects=12",
					"inventory.base-url=" + server.baseUrl() + "/inventory/");
	}

	private static XhrSettings settings(XhrFactory factory) {
		XhrFactory underlying = (factory instanceof ScopedXhrFactory scoped) ? scoped.getFactory() : factory;
		return ((WebClientXhrFactory) underlying).getSettings();
	}

	private static void send(XhrFactory factory, String url) {
		// asynchronous: a synchronous request with a timeout is an InvalidAccessError in the window scope
		XMLHttpRequest xhr = factory.create();
		xhr.open("GET", url);
		xhr.send();
		assertThat(xhr.asMono().block(Duration.ofSeconds(5)).getStatus()).isEqualTo((short) 200);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
