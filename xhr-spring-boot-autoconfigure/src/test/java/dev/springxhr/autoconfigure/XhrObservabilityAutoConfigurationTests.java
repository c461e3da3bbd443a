package dev.springxhr.autoconfigure;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.springxhr.actuate.XhrHealthIndicator;
import dev.springxhr.actuate.XhrMetricsObserver;
import dev.springxhr.actuate.XhrRequestStatisticsRegistry;
import dev.springxhr.autoconfigure.health.XhrHealthContributorAutoConfiguration;
import dev.springxhr.autoconfigure.metrics.XhrMetricsAutoConfiguration;
import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code xhr} health indicator with its probes and statistics, and the Micrometer metrics, against real servers.
 */
class XhrObservabilityAutoConfigurationTests {

	@RegisterExtension
	static final WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XhrAutoConfiguration.class,
				XhrHealthContributorAutoConfiguration.class, XhrMetricsAutoConfiguration.class));

	@Test
	void healthIndicatorAndStatisticsArePublishedWhenHealthIsOnTheClasspath() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(XhrHealthIndicator.class).hasBean("xhrHealthContributor");
			assertThat(context).hasSingleBean(XhrRequestStatisticsRegistry.class);
			XhrFactory factory = context.getBean(XhrFactory.class);
			assertThat(context.getBean(XhrRequestStatisticsRegistry.class).get(factory)).isNotNull();
		});
	}

	@Test
	void healthIndicatorCanBeSwitchedOff() {
		this.contextRunner.withPropertyValues("management.health.xhr.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(XhrHealthIndicator.class));
	}

	@Test
	void noHealthIndicatorWithoutBootHealthOnTheClasspath() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(AbstractReactiveHealthIndicator.class))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(XhrHealthIndicator.class);
				assertThat(context).hasSingleBean(XhrFactory.class);
			});
	}

	@Test
	void healthCountsTheFactorysRequests() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withBody("ok")));
		this.contextRunner.run((context) -> {
			XMLHttpRequest xhr = context.getBean(XhrFactory.class).create();
			xhr.open("GET", server.baseUrl() + "/counted", false);
			xhr.send();

			Health health = context.getBean(XhrHealthIndicator.class).health().block();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			@SuppressWarnings("unchecked")
			Map<String, Object> requests = (Map<String, Object>) health.getDetails().get("requests");
			assertThat(requests).containsEntry("completed", 1L).containsEntry("inFlight", 0L);
		});
	}

	@Test
	void aProbeIsUpWhileItsServerAnswersAndGoesDownWhenTheServerStops() {
		WireMockServer probed = new WireMockServer(wireMockConfig().dynamicPort());
		probed.start();
		probed.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("fine")));
		try {
			this.contextRunner
				.withPropertyValues("xhr.health.probes.upstream.url=" + probed.baseUrl() + "/health",
						"xhr.health.probes.upstream.timeout=2s")
				.run((context) -> {
					XhrHealthIndicator indicator = context.getBean(XhrHealthIndicator.class);
					Health up = indicator.health().block();
					assertThat(up.getStatus()).isEqualTo(Status.UP);
					assertThat(probe(up)).containsEntry("status", "UP").containsEntry("httpStatus", 200);

					probed.stop();
					Health down = indicator.health().block();
					assertThat(down.getStatus()).isEqualTo(Status.DOWN);
					assertThat(probe(down)).containsEntry("status", "DOWN").containsEntry("error", "network error");
				});
		}
		finally {
			probed.stop();
		}
	}

	@Test
	void aProbeWithAnUnexpectedStatusIsDown() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
		this.contextRunner.withPropertyValues("xhr.health.probes.strict.url=" + server.baseUrl() + "/strict")
			.run((context) -> {
				Health health = context.getBean(XhrHealthIndicator.class).health().block();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(probe(health)).containsEntry("httpStatus", 503)
					.containsEntry("error", "status 503, expected 200");
			});
	}

	@Test
	void eachSendIsAnObservationOfTheContextsRegistry() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
		this.contextRunner.withUserConfiguration(ObservationConfiguration.class).run((context) -> {
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			XMLHttpRequest xhr = context.getBean(XhrFactory.class).create();
			xhr.open("DELETE", server.baseUrl() + "/secret?token=abc");
			xhr.send();

			// The meter handler makes a timer of the xhr.request observation.
			await().until(() -> meters.find("xhr.request").timer() != null);
			Timer timer = meters.get("xhr.request")
				.tag("method", "DELETE")
				.tag("outcome", "load")
				.tag("status", "404")
				.timer();
			assertThat(timer.count()).isEqualTo(1);
			assertThat(meters.getMeters()).allSatisfy((meter) -> assertThat(meter.getId().getTags().toString())
				.doesNotContain("token").doesNotContain("abc"));
		});
	}

	@Test
	void metricsTimeEachRequestWithItsOutcomeAndTrackActiveRequests() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
		this.contextRunner.withUserConfiguration(MeterRegistryConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(XhrMetricsObserver.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			XMLHttpRequest xhr = context.getBean(XhrFactory.class).create();
			xhr.setMozBackgroundRequest(true);
			xhr.open("DELETE", server.baseUrl() + "/secret?token=abc");
			xhr.send();

			await().until(() -> registry.find("xhr.requests").timer() != null);
			Timer timer = registry.get("xhr.requests")
				.tag("method", "DELETE")
				.tag("outcome", "load")
				.tag("status", "404")
				.tag("background", "true")
				.timer();
			assertThat(timer.count()).isEqualTo(1);
			assertThat(registry.get("xhr.requests.active").gauge().value()).isZero();
			assertThat(registry.getMeters()).allSatisfy((meter) -> assertThat(meter.getId().getTags().toString())
				.doesNotContain("token").doesNotContain("abc"));
		});
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> probe(Health health) {
		return (Map<String, Object>) ((Map<String, Object>) health.getDetails().get("probes")).get(
				((Map<String, Object>) health.getDetails().get("probes")).keySet().iterator().next());
	}

	@Configuration(proxyBeanMethods = false)
	static class MeterRegistryConfiguration {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ObservationConfiguration {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		ObservationRegistry observationRegistry(MeterRegistry meters) {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
			return registry;
		}

	}

}
