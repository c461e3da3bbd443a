package dev.springxhr.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.springxhr.actuate.XhrHealthIndicator;
import dev.springxhr.autoconfigure.health.XhrHealthContributorAutoConfiguration;
import dev.springxhr.autoconfigure.metrics.XhrMetricsAutoConfiguration;
import dev.springxhr.autoconfigure.profile.ScopedXhrFactory;
import dev.springxhr.xhr.WebClientXhrFactory;
import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.XhrSettings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The builder bean and the customizers: every factory built from the builder has the properties, the customizers,
 * the observers (Spring events, metrics), statistics of its own in the health contributor and the profile scope;
 * several factories live in one context without {@code @Primary}.
 */
class XhrFactoryBuilderAutoConfigurationTests {

	@RegisterExtension
	static final WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, XhrAutoConfiguration.class,
				XhrHealthContributorAutoConfiguration.class, XhrMetricsAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new);

	@Test
	void theBuilderIsAPrototypeShapedByTheProperties() {
		this.contextRunner.withPropertyValues("xhr.timeout=7s", "xhr.max-redirects=4").run((context) -> {
			XhrFactory.Builder first = context.getBean(XhrFactory.Builder.class);
			assertThat(context.getBean(XhrFactory.Builder.class)).isNotSameAs(first);
			XhrFactory built = first.build();
			assertThat(built.create().getTimeout()).isEqualTo(7000);
			assertThat(settings(built).maxRedirects()).isEqualTo(4);
		});
	}

	@Test
	void aSettingsCustomizerChangesOneValueAndKeepsEveryProperty() {
		this.contextRunner.withPropertyValues("xhr.timeout=7s", "xhr.max-redirects=4")
			.withUserConfiguration(SettingsCustomizers.class)
			.run((context) -> {
				XhrSettings settings = context.getBean(XhrSettings.class);
				// Applied in order: (4 + 1) / 2, not 4 / 2 + 1.
				assertThat(settings.maxRedirects()).isEqualTo(2);
				assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(7));
				assertThat(settings(context.getBean(XhrFactory.class)).maxRedirects()).isEqualTo(2);
			});
	}

	@Test
	void aBuilderCustomizerShapesTheAutoConfiguredFactoryAndEveryBuiltOne() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withBody("ok")));
		this.contextRunner.withUserConfiguration(BuilderCustomizers.class).run((context) -> {
			get(context.getBean(XhrFactory.class), server.baseUrl() + "/auto");
			get(context.getBean(XhrFactory.Builder.class).build(), server.baseUrl() + "/built");

			server.verify(getRequestedFor(urlEqualTo("/auto")).withHeader("X-Customized", equalTo("yes")));
			server.verify(getRequestedFor(urlEqualTo("/built")).withHeader("X-Customized", equalTo("yes")));
			// Applied in order: 5 - 2, not 5.
			assertThat(settings(context.getBean(XhrFactory.class)).maxRedirects()).isEqualTo(3);
		});
	}

	@Test
	void aSecondFactoryLeavesTheAutoConfiguredOneAndGetsEventsMetricsHealthAndTheScope() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withBody("ok")));
		this.contextRunner.withUserConfiguration(SecondFactory.class, EventCollector.class)
			.withPropertyValues("xhr.health.probes.inventory.url=ping", "xhr.health.probes.inventory.factory=inventory")
			.run((context) -> {
				// The auto-configured factory is still the one injected by type, without @Primary.
				assertThat(context).hasBean("xhrFactory").hasBean("inventory");
				XhrFactory auto = context.getBean(XhrFactory.class);
				XhrFactory inventory = context.getBean("inventory", XhrFactory.class);
				assertThat(inventory).isNotSameAs(auto).isInstanceOf(ScopedXhrFactory.class);
				assertThat(context.getBean(ReadsByType.class).factory()).isSameAs(auto);

				XMLHttpRequest xhr = inventory.create();
				AtomicBoolean ended = new AtomicBoolean();
				xhr.setOnloadend((event) -> ended.set(true));
				xhr.open("GET", "items");
				xhr.send();
				await().untilTrue(ended);
				assertThat(xhr.getResponseURL()).isEqualTo(server.baseUrl() + "/inventory/items");
				assertThat(context.getBean(EventCollector.class).types).contains("loadstart", "load", "loadend");
				assertThat(context.getBean(MeterRegistry.class).get("xhr.requests").tag("outcome", "load").timer()
					.count()).isEqualTo(1);

				ReactiveHealthContributor contributor = context.getBean("xhrHealthContributor",
						ReactiveHealthContributor.class);
				assertThat(contributor).isInstanceOf(CompositeReactiveHealthContributor.class);
				CompositeReactiveHealthContributor composite = (CompositeReactiveHealthContributor) contributor;
				Health inventoryHealth = ((ReactiveHealthIndicator) composite.getContributor("inventory")).health()
					.block();
				assertThat(requests(inventoryHealth)).containsEntry("completed", 1L);
				assertThat(inventoryHealth.getDetails()).containsKey("probes");
				Health autoHealth = ((ReactiveHealthIndicator) composite.getContributor("xhrFactory")).health()
					.block();
				assertThat(requests(autoHealth)).containsEntry("completed", 0L);
				assertThat(autoHealth.getDetails()).doesNotContainKey("probes");
				server.verify(getRequestedFor(urlEqualTo("/inventory/ping")));
			});
	}

	@Test
	void aProbeNamingNoFactoryBeanFailsTheStartNamingTheProperty() {
		this.contextRunner.withUserConfiguration(SecondFactory.class)
			.withPropertyValues("xhr.health.probes.inventory.url=/ping", "xhr.health.probes.inventory.factory=nope")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("xhr.health.probes.inventory.factory")
				.hasMessageContaining("xhrFactory")
				.hasMessageContaining("inventory"));
	}

	@Test
	void aUserFactoryReplacesTheAutoConfiguredOneAndTheBuilderStays() {
		this.contextRunner.withUserConfiguration(ReplacingFactory.class).run((context) -> {
			assertThat(context).hasSingleBean(XhrFactory.class).hasBean("myFactory").doesNotHaveBean("xhrFactory");
			assertThat(context).hasBean("xhrFactoryBuilder");
			// One factory, one indicator: the flat shape, with the built factory's statistics.
			assertThat(context.getBean("xhrHealthContributor")).isInstanceOf(XhrHealthIndicator.class);
		});
	}

	@Test
	void aUserBuilderReplacesTheAutoConfiguredOne() {
		this.contextRunner.withUserConfiguration(UserBuilder.class).run((context) -> {
			assertThat(context).hasSingleBean(XhrFactory.Builder.class);
			assertThat(context.getBean(XhrFactory.class).create().getTimeout()).isEqualTo(9000);
		});
	}

	@Test
	void theBuilderNeedsNeitherHealthNorMetricsNorRedisOnTheClasspath() {
		this.contextRunner
			.withClassLoader(new FilteredClassLoader(ReactiveHealthContributor.class, MeterRegistry.class,
					RedisConnectionFactory.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(XhrFactory.Builder.class).build()).isNotNull();
			});
	}

	private static XhrSettings settings(XhrFactory factory) {
		XhrFactory underlying = (factory instanceof ScopedXhrFactory scoped) ? scoped.getFactory() : factory;
		return ((WebClientXhrFactory) underlying).getSettings();
	}

	private static XMLHttpRequest get(XhrFactory factory, String url) {
		XMLHttpRequest xhr = factory.create();
		xhr.open("GET", url, false);
		xhr.send();
		assertThat(xhr.getStatus()).isEqualTo((short) 200);
		return xhr;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> requests(Health health) {
		return (Map<String, Object>) health.getDetails().get("requests");
	}

	@Configuration(proxyBeanMethods = false)
	static class SettingsCustomizers {

		@Bean
		@Order(2)
		XhrSettingsCustomizer halve() {
			return (settings) -> settings.withMaxRedirects(settings.maxRedirects() / 2);
		}

		@Bean
		@Order(1)
		XhrSettingsCustomizer fewer() {
			return (settings) -> settings.withMaxRedirects(settings.maxRedirects() + 1);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BuilderCustomizers {

		@Bean
		@Order(2)
		XhrFactoryBuilderCustomizer second() {
			return (builder) -> builder.settings((settings) -> settings.withMaxRedirects(settings.maxRedirects() - 2));
		}

		@Bean
		@Order(1)
		XhrFactoryBuilderCustomizer first() {
			return (builder) -> builder.webClient((webClient) -> webClient.defaultHeader("X-Customized", "yes"))
				.settings((settings) -> settings.withMaxRedirects(5));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SecondFactory {

		@Bean(defaultCandidate = false)
		@Qualifier("inventory")
		XhrFactory inventory(XhrFactory.Builder builder) {
			return builder.baseUrl(server.baseUrl() + "/inventory/").timeout(Duration.ofSeconds(3)).build();
		}

		@Bean
		ReadsByType readsByType(XhrFactory factory) {
			return new ReadsByType(factory);
		}

	}

	record ReadsByType(XhrFactory factory) {
	}

	@Configuration(proxyBeanMethods = false)
	static class ReplacingFactory {

		@Bean
		XhrFactory myFactory(XhrFactory.Builder builder) {
			return builder.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserBuilder {

		@Bean
		XhrFactory.Builder myBuilder() {
			return XhrFactory.builder().timeout(Duration.ofSeconds(9));
		}

	}

	static class EventCollector {

		final List<String> types = new CopyOnWriteArrayList<>();

		@EventListener
		void on(XhrApplicationEvent event) {
			this.types.add(event.getEventType());
		}

	}

}
