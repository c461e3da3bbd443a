package dev.springxhr.autoconfigure.js;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;

import dev.springxhr.actuate.XhrRequestStatisticsRegistry;
import dev.springxhr.autoconfigure.XhrApplicationEvent;
import dev.springxhr.autoconfigure.XhrAutoConfiguration;
import dev.springxhr.autoconfigure.health.XhrHealthContributorAutoConfiguration;
import dev.springxhr.autoconfigure.metrics.XhrMetricsAutoConfiguration;
import dev.springxhr.js.XhrJsContext;
import dev.springxhr.xhr.GlobalScope;
import dev.springxhr.xhr.XhrFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link XhrJsAutoConfiguration}: a script's requests get the starter's settings, Spring events, metrics and health
 * statistics; the scripts get {@code xhr.global-scope}; a user's bean wins; no bridge on the classpath, no beans.
 */
class XhrJsAutoConfigurationTests {

	@RegisterExtension
	static final WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XhrAutoConfiguration.class, XhrHealthContributorAutoConfiguration.class,
				XhrMetricsAutoConfiguration.class, XhrJsAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new);

	@Test
	void aScriptsRequestsAreObservedLikeJavaOnes() {
		server.stubFor(get("/api/hello").willReturn(aResponse().withBody("hi")));
		List<String> events = new CopyOnWriteArrayList<>();
		this.contextRunner.withPropertyValues("xhr.base-url=" + server.baseUrl(), "xhr.timeout=4s")
			.withBean("recorder", ApplicationListener.class,
					() -> (ApplicationListener<XhrApplicationEvent>) (event) -> events.add(event.getEventType()))
			.run((context) -> {
				XhrJsContexts contexts = context.getBean(XhrJsContexts.class);
				try (XhrJsContext js = contexts.newContext()) {
					js.eval("""
							globalThis.out = null;
							const xhr = new XMLHttpRequest();
							xhr.onload = () => { out = xhr.timeout + ':' + xhr.responseText; };
							xhr.open('GET', '/api/hello');
							xhr.send();
							""").get(20, TimeUnit.SECONDS);
					assertThat(js.runUntilIdle(Duration.ofSeconds(10))).isTrue();
					// Relative to xhr.base-url, with xhr.timeout as the initial timeout.
					assertThat(js.eval("out").get(20, TimeUnit.SECONDS)).isEqualTo("4000:hi");
				}
				assertThat(events).contains("loadstart", "load", "loadend");
				assertThat(context.getBean(MeterRegistry.class).get("xhr.requests").timer().count()).isEqualTo(1);
				// The application's factory: its health statistics count the script's request.
				XhrFactory factory = context.getBean(XhrFactory.class);
				assertThat(context.getBean(XhrRequestStatisticsRegistry.class).get(factory).snapshot().completed())
					.isEqualTo(1);
			});
	}

	@Test
	void theScriptsGetTheFactorysGlobalScope() {
		this.contextRunner.withPropertyValues("xhr.global-scope=dedicated-worker").run((context) -> {
			assertThat(context.getBean(XhrJsContexts.class).getGlobalScope()).isEqualTo(GlobalScope.DEDICATED_WORKER);
			try (XhrJsContext js = context.getBean(XhrJsContexts.class).newContext()) {
				assertThat(js.eval("self instanceof WorkerGlobalScope").get(20, TimeUnit.SECONDS)).isEqualTo(true);
			}
		});
	}

	@Test
	void contextsLeftOpenAreClosedWithTheApplication() {
		this.contextRunner.run((context) -> {
			XhrJsContext js = context.getBean(XhrJsContexts.class).newContext();
			js.eval("setInterval(() => {}, 10)").get(20, TimeUnit.SECONDS);
			assertThat(js.runUntilIdle(Duration.ofMillis(100))).isFalse();
			context.close();
			assertThat(js.runUntilIdle(Duration.ofSeconds(5))).isTrue();
		});
	}

	@Test
	void aUserBeanWins() {
		this.contextRunner.withBean(XhrJsContexts.class,
				() -> new XhrJsContexts(XhrFactory.ofDefaults(), GlobalScope.WINDOW))
			.run((context) -> assertThat(context).hasSingleBean(XhrJsContexts.class)
				.getBean(XhrJsContexts.class)
				.isNotNull());
	}

	@Test
	void withoutTheBridgeOnTheClasspathThereIsNoContextSource() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(XhrJsContext.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(XhrJsContexts.class));
	}

}
