package dev.springxhr.autoconfigure;

import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Every XHR event of a request made through the auto-configured factory reaches Spring listeners as an
 * {@link XhrApplicationEvent}, in the request's order, with credentials and chosen query values redacted.
 */
class XhrApplicationEventRelayTests {

	@RegisterExtension
	static final WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, XhrAutoConfiguration.class))
		.withUserConfiguration(RecordingListeners.class);

	@Test
	void theWholeEventSequenceOfARequestIsPublishedInOrder() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201).withBody("created")));
		this.contextRunner.run((context) -> {
			RecordingListeners listeners = context.getBean(RecordingListeners.class);
			XMLHttpRequest xhr = context.getBean(XhrFactory.class).create();
			xhr.getUpload().addEventListener("load", (e) -> {
			});
			xhr.open("POST", server.baseUrl() + "/items");
			xhr.send("payload");

			await().until(() -> listeners.rendered().contains("loadend@4"));
			assertThat(listeners.rendered()).containsExactly("readystatechange@1", "loadstart@1",
					"upload.loadstart@1", "upload.progress@1", "upload.load@1", "upload.loadend@1",
					"readystatechange@2", "readystatechange@3", "progress@3", "readystatechange@4", "load@4",
					"loadend@4");
			XhrApplicationEvent load = listeners.all.get(listeners.all.size() - 2);
			assertThat(load.getMethod()).isEqualTo("POST");
			assertThat(load.getUrl()).isEqualTo(server.baseUrl() + "/items");
			assertThat(load.getStatus()).isEqualTo((short) 201);
			assertThat(load.getLoaded()).isEqualTo(7);
			// WireMock answers with a chunked body: no total.
			assertThat(load.getTotal()).isZero();
			assertThat(load.isLengthComputable()).isFalse();
			assertThat(listeners.all).extracting(XhrApplicationEvent::getRequestId).containsOnly(load.getRequestId());
		});
	}

	@Test
	void aListenerConditionOnTheEventTypeSeesOnlyThatType() {
		this.contextRunner.withPropertyValues("xhr.timeout=100ms").run((context) -> {
			server.stubFor(any(anyUrl()).willReturn(aResponse().withFixedDelay(2_000).withBody("late")));
			RecordingListeners listeners = context.getBean(RecordingListeners.class);
			XMLHttpRequest xhr = context.getBean(XhrFactory.class).create();
			xhr.open("GET", server.baseUrl() + "/slow");
			xhr.send();

			await().until(() -> !listeners.timeouts.isEmpty());
			assertThat(listeners.timeouts).singleElement()
				.satisfies((event) -> assertThat(event.getEventType()).isEqualTo("timeout"));
		});
	}

	@Test
	void credentialsAndConfiguredQueryValuesAreRedacted() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withBody("ok")));
		this.contextRunner.withPropertyValues("xhr.events.redact-query-params=token,api key").run((context) -> {
			RecordingListeners listeners = context.getBean(RecordingListeners.class);
			XMLHttpRequest xhr = context.getBean(XhrFactory.class).create();
			xhr.open("GET", server.baseUrl().replace("://", "://user:secret@") + "/q?token=abc&api%20key=k&page=2",
					true, null, null);
			xhr.send();

			await().until(() -> listeners.rendered().contains("loadend@4"));
			assertThat(listeners.all).allSatisfy((event) -> {
				assertThat(event.getUrl()).isEqualTo(server.baseUrl() + "/q?token=***&api%20key=***&page=2");
				assertThat(event.toString()).doesNotContain("secret").doesNotContain("abc");
			});
		});
	}

	@Test
	void onlyTheConfiguredTypesAreRelayedAndUploadEventsCanBeLeftOut() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withBody("ok")));
		this.contextRunner.withPropertyValues("xhr.events.types=loadstart,loadend", "xhr.events.include-upload=false")
			.run((context) -> {
				RecordingListeners listeners = context.getBean(RecordingListeners.class);
				XMLHttpRequest xhr = context.getBean(XhrFactory.class).create();
				xhr.getUpload().addEventListener("loadend", (e) -> {
				});
				xhr.open("POST", server.baseUrl() + "/types");
				xhr.send("body");

				await().until(() -> listeners.rendered().contains("loadend@4"));
				assertThat(listeners.rendered()).containsExactly("loadstart@1", "loadend@4");
			});
	}

	@Test
	void noEventIsPublishedWhenTheRelayIsDisabled() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withBody("ok")));
		this.contextRunner.withPropertyValues("xhr.events.enabled=false").run((context) -> {
			RecordingListeners listeners = context.getBean(RecordingListeners.class);
			XMLHttpRequest xhr = context.getBean(XhrFactory.class).create();
			List<String> local = new CopyOnWriteArrayList<>();
			xhr.setOnloadend((e) -> local.add("loadend"));
			xhr.open("GET", server.baseUrl() + "/off");
			xhr.send();

			await().until(() -> !local.isEmpty());
			assertThat(listeners.all).isEmpty();
		});
	}

	@Test
	void withoutAListenerNoEventIsBuiltAndAListenerAddedLaterGetsThem() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withBody("ok")));
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, XhrAutoConfiguration.class))
			.run((context) -> {
				ApplicationEventXhrEventRelay relay = context.getBean(ApplicationEventXhrEventRelay.class);
				BooleanSupplier listening = XhrApplicationEventListeners.of(context, relay);
				assertThat(listening).as("the check can reach the multicaster")
					.isInstanceOf(XhrApplicationEventListeners.class);
				assertThat(listening.getAsBoolean()).isFalse();
				// So the engine builds no XhrEventInfo for it.
				assertThat(relay.isObserving()).isFalse();

				List<XhrApplicationEvent> received = new CopyOnWriteArrayList<>();
				context.getSourceApplicationContext(org.springframework.context.ConfigurableApplicationContext.class)
					.addApplicationListener((ApplicationListener<XhrApplicationEvent>) received::add);
				assertThat(listening.getAsBoolean()).isTrue();
				assertThat(relay.isObserving()).isTrue();
				XMLHttpRequest xhr = context.getBean(XhrFactory.class).create();
				xhr.open("GET", server.baseUrl() + "/late-listener");
				xhr.send();
				await().until(() -> received.stream().anyMatch((e) -> e.getEventType().equals("loadend")));
			});
	}

	@Test
	void aListenerOfEveryApplicationEventCountsAsAListener() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, XhrAutoConfiguration.class))
			.withBean("everything", ApplicationListener.class, () -> (ApplicationListener<ApplicationEvent>) (e) -> {
			})
			.run((context) -> assertThat(XhrApplicationEventListeners
				.of(context, context.getBean(ApplicationEventXhrEventRelay.class))
				.getAsBoolean()).isTrue());
	}

	@Test
	void aRelayOfATypeThatXhrDoesNotFireIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ApplicationEventXhrEventRelay((event) -> {
			}, Set.of("load", "finish"), true, Set.of()))
			.withMessageContaining("'finish' is not an XHR event type");
	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingListeners {

		final List<XhrApplicationEvent> all = new CopyOnWriteArrayList<>();

		final List<XhrApplicationEvent> timeouts = new CopyOnWriteArrayList<>();

		@EventListener
		void on(XhrApplicationEvent event) {
			this.all.add(event);
		}

		@EventListener(condition = "#event.eventType == 'timeout'")
		void onTimeout(XhrApplicationEvent event) {
			this.timeouts.add(event);
		}

		List<String> rendered() {
			return this.all.stream()
				.map((e) -> (e.isUpload() ? "upload." : "") + e.getEventType() + "@" + e.getReadyState())
				.toList();
		}

	}

}
