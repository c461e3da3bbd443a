package dev.springxhr.autoconfigure;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.springxhr.xhr.EventDelivery;
import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.XhrSettings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code xhr.events.delivery}: each choice is honoured, logged at start-up, and delivers where it says; virtual
 * threads fail the start naming the property on a runtime without them, and {@code auto} follows
 * {@code spring.threads.virtual.enabled} only where there are.
 */
@ExtendWith(OutputCaptureExtension.class)
class XhrEventDeliveryAutoConfigurationTests {

	@RegisterExtension
	static final WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XhrAutoConfiguration.class))
		.withPropertyValues("xhr.profiles.scope=application");

	@Test
	void byDefaultEventsRunOnTheExecutor(CapturedOutput output) throws Exception {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(XhrSettings.class).eventDelivery()).isEqualTo(EventDelivery.EXECUTOR);
			assertThat(loadThread(context.getBean(XhrFactory.class))).startsWith("xhr-event-");
		});
		assertThat(output).contains("XhrFactory events: delivered on xhr-event-N threads, serially per request "
				+ "(xhr.events.delivery=auto)");
	}

	@Test
	void eventLoopDeliveryIsInTheSettings(CapturedOutput output) {
		this.contextRunner.withPropertyValues("xhr.events.delivery=event-loop")
			.run((context) -> assertThat(context.getBean(XhrSettings.class).eventDelivery())
				.isEqualTo(EventDelivery.EVENT_LOOP));
		assertThat(output).contains("xhr.events.delivery=event-loop");
	}

	@Test
	void virtualThreadsWhereTheRuntimeHasThemElseAStartFailureNamingTheProperty() {
		this.contextRunner.withPropertyValues("xhr.events.delivery=virtual-threads").run((context) -> {
			if (Runtime.version().feature() >= 21) {
				assertThat(loadThread(context.getBean(XhrFactory.class))).startsWith("xhr-event-virtual-");
			}
			else {
				assertThat(context).hasFailed().getFailure().rootCause()
					.hasMessageContaining("xhr.events.delivery")
					.hasMessageContaining("Java 21");
			}
		});
	}

	@Test
	void autoFollowsSpringThreadsVirtualEnabledWhereThereAreVirtualThreads() {
		this.contextRunner.withPropertyValues("spring.threads.virtual.enabled=true")
			.run((context) -> assertThat(loadThread(context.getBean(XhrFactory.class)))
				.startsWith((Runtime.version().feature() >= 21) ? "xhr-event-virtual-" : "xhr-event-"));
	}

	private static String loadThread(XhrFactory factory) throws Exception {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withBody("ok")));
		CompletableFuture<String> thread = new CompletableFuture<>();
		XMLHttpRequest xhr = factory.create();
		xhr.setOnload((event) -> thread.complete(Thread.currentThread().getName()));
		xhr.open("GET", server.baseUrl() + "/delivery");
		xhr.send();
		return thread.get(10, TimeUnit.SECONDS);
	}

}
