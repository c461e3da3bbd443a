package dev.springxhr.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.CredentialsPolicy;
import dev.springxhr.xhr.GlobalScope;
import dev.springxhr.xhr.SyncXhrPolicy;
import dev.springxhr.autoconfigure.profile.ScopedXhrFactory;
import dev.springxhr.autoconfigure.profile.XhrProfileScope;
import dev.springxhr.xhr.WebClientXhrFactory;
import dev.springxhr.xhr.XhrEventObserver;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.XhrSettings;

import static org.assertj.core.api.Assertions.assertThat;

class XhrAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(WebClientAutoConfiguration.class,
			XhrAutoConfiguration.class);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS);

	@Test
	void publishesAnXhrFactoryWithTheStandardDefaultsInANonWebApplication() {
		this.contextRunner.run((context) -> {
			// The safe default scope: each inbound request (here, each request) has a profile of its own.
			assertThat(context).hasSingleBean(XhrFactory.class).getBean(XhrFactory.class)
				.isInstanceOfSatisfying(ScopedXhrFactory.class,
						(factory) -> assertThat(factory.getScope()).isEqualTo(XhrProfileScope.REQUEST));
			assertThat(context.getBean(XhrSettings.class)).isEqualTo(XhrSettings.defaults());
			assertThat(context).hasSingleBean(ApplicationEventXhrEventRelay.class);
		});
	}

	@Test
	void publishesAnXhrFactoryInAReactiveWebApplication() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.run((context) -> assertThat(context).hasSingleBean(XhrFactory.class));
	}

	@Test
	void publishesAnXhrFactoryInAServletWebApplication() {
		new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.run((context) -> assertThat(context).hasSingleBean(XhrFactory.class));
	}

	@Test
	void worksWithoutBootsWebClientAutoConfiguration() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(XhrAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(XhrFactory.class));
	}

	@Test
	void backsOffWithoutWebClientOnTheClasspath() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(XhrFactory.class));
	}

	@Test
	void whenUserDefinesXhrFactoryThenAutoConfigurationBacksOff() {
		this.contextRunner.withUserConfiguration(UserFactoryConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(XhrFactory.class);
			assertThat(context.getBean(XhrFactory.class)).isSameAs(context.getBean("userFactory"));
		});
	}

	@Test
	void whenUserDefinesXhrSettingsThenTheyAreUsed() {
		this.contextRunner.withUserConfiguration(UserSettingsConfiguration.class)
			.withPropertyValues("xhr.profiles.scope=application")
			.run((context) -> assertThat(context.getBean(WebClientXhrFactory.class).getSettings().maxRedirects())
				.isEqualTo(3));
	}

	@Test
	void userObserversAreNotifiedBesideTheRelay() {
		this.contextRunner.withUserConfiguration(UserObserverConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ApplicationEventXhrEventRelay.class);
			assertThat(context.getBeansOfType(XhrEventObserver.class)).hasSize(2);
		});
	}

	@Test
	void propertiesMapOntoTheSettings() {
		this.contextRunner
			.withPropertyValues("xhr.timeout=2s", "xhr.sync-xhr=allow", "xhr.base-url=https://api.example/v1/",
					"xhr.origin=https://app.example", "xhr.global-scope=dedicated-worker", "xhr.max-redirects=5",
					"xhr.max-response-size=10MB", "xhr.user-agent=probe/1", "xhr.credentials.policy=omit")
			.run((context) -> assertThat(context.getBean(XhrSettings.class)).isEqualTo(new XhrSettings(
					URI.create("https://api.example/v1/"), URI.create("https://app.example"), Duration.ofSeconds(2),
					SyncXhrPolicy.ALLOW, GlobalScope.DEDICATED_WORKER, CredentialsPolicy.OMIT, 5,
					DataSize.ofMegabytes(10), "probe/1")));
	}

	@Test
	void transportAndCookiePropertiesMapOntoTheSettings() {
		this.contextRunner
			.withPropertyValues("xhr.connect-timeout=2s", "xhr.response-timeout=30s",
					"xhr.credentials.cookies.enabled=false")
			.run((context) -> {
				XhrSettings settings = context.getBean(XhrSettings.class);
				assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(settings.responseTimeout()).isEqualTo(Duration.ofSeconds(30));
				assertThat(settings.cookiesEnabled()).isFalse();
			});
	}

	@Test
	void aPublicSuffixListPropertyReachesTheSettingsAndTheFactoryReadsIt(@TempDir Path dir) throws IOException {
		Path list = Files.writeString(dir.resolve("public_suffix_list.dat"), "test\nshared.test\n");
		this.contextRunner
			.withPropertyValues("xhr.credentials.cookies.public-suffix-list=file:" + list.toAbsolutePath())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Resource resource = context.getBean(XhrSettings.class).publicSuffixList();
				assertThat(resource).isNotNull();
				assertThat(resource.getFile().toPath()).isEqualTo(list.toAbsolutePath());
				assertThat(context).hasSingleBean(XhrFactory.class);
			});
	}

	@Test
	void aMissingPublicSuffixListFailsTheStartNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("xhr.credentials.cookies.public-suffix-list=file:/nonexistent/psl.dat")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(failureMessages(context.getStartupFailure()))
					.contains("xhr.credentials.cookies.public-suffix-list")
					.contains("does not exist");
			});
	}

	@Test
	void transportDefaultsLeaveTheConnectorAloneAndKeepCookies() {
		this.contextRunner.run((context) -> {
			XhrSettings settings = context.getBean(XhrSettings.class);
			assertThat(settings.connectTimeout()).isZero();
			assertThat(settings.responseTimeout()).isZero();
			assertThat(settings.cookiesEnabled()).isTrue();
		});
	}

	@Test
	void negativeConnectTimeoutFailsTheStartNamingTheProperty() {
		this.contextRunner.withPropertyValues("xhr.connect-timeout=-1s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(failureMessages(context.getStartupFailure())).contains("xhr.connect-timeout");
		});
	}

	@Test
	void negativeResponseTimeoutFailsTheStartNamingTheProperty() {
		this.contextRunner.withPropertyValues("xhr.response-timeout=-5ms").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(failureMessages(context.getStartupFailure())).contains("xhr.response-timeout");
		});
	}

	@Test
	void disabledEventsPublishNoRelay() {
		this.contextRunner.withPropertyValues("xhr.events.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ApplicationEventXhrEventRelay.class);
			assertThat(context).hasSingleBean(XhrFactory.class);
		});
	}

	@Test
	void tooManyRedirectsFailsTheStartNamingTheProperty() {
		this.contextRunner.withPropertyValues("xhr.max-redirects=21").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(failureMessages(context.getStartupFailure())).contains("xhr.max-redirects")
				.contains("between 0 and 20");
		});
	}

	@Test
	void unknownSyncXhrPolicyFailsTheStartNamingThePropertyAndTheAllowedValues() {
		this.contextRunner.withPropertyValues("xhr.sync-xhr=sometimes").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(failureMessages(context.getStartupFailure())).contains("xhr.sync-xhr").contains("sometimes");
		});
	}

	@Test
	void unknownEventTypeFailsTheStartNamingTheAllowedValues() {
		this.contextRunner.withPropertyValues("xhr.events.types=load,finish").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(failureMessages(context.getStartupFailure())).contains("xhr.events.types")
				.contains("'finish' is not an XHR event type");
		});
	}

	@Test
	void relativeBaseUrlFailsTheStart() {
		this.contextRunner.withPropertyValues("xhr.base-url=/relative").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(failureMessages(context.getStartupFailure())).contains("xhr.base-url")
				.contains("absolute URL");
		});
	}

	@Test
	void negativeTimeoutFailsTheStart() {
		this.contextRunner.withPropertyValues("xhr.timeout=-1s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(failureMessages(context.getStartupFailure())).contains("xhr.timeout");
		});
	}

	@Test
	void negativeMaxResponseSizeFailsTheStartNamingTheProperty() {
		this.contextRunner.withPropertyValues("xhr.max-response-size=-1B").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(failureMessages(context.getStartupFailure())).contains("xhr.max-response-size")
				.contains("must not be negative");
		});
	}

	@Test
	void originWithoutAHostFailsTheStartNamingTheProperty() {
		this.contextRunner.withPropertyValues("xhr.origin=app.example").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(failureMessages(context.getStartupFailure())).contains("xhr.origin")
				.contains("absolute URL with a host");
		});
	}

	@Test
	void userAgentThatIsNoHeaderValueFailsTheStartNamingTheProperty() {
		this.contextRunner.withPropertyValues("xhr.user-agent=probe\0/1").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(failureMessages(context.getStartupFailure())).contains("xhr.user-agent")
				.contains("must be a valid header value");
		});
	}

	@Test
	void aValueTheSettingsRefuseIsAnInvalidConfigurationPropertyValueNamingPropertyAndValue() {
		this.contextRunner.withPropertyValues("xhr.max-redirects=21")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
					assertThat(ex.getName()).isEqualTo("xhr.max-redirects");
					assertThat(ex.getValue()).isEqualTo(21);
					assertThat(ex.getReason())
						.isEqualTo("'maxRedirects' must be between 0 and 20 (the Fetch standard's limit), was 21");
				}));
	}

	@Test
	void aBadValueFailsTheStartEvenWhenTheUserDefinesXhrSettings() {
		this.contextRunner.withUserConfiguration(UserSettingsConfiguration.class)
			.withPropertyValues("xhr.timeout=-1s")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(failureMessages(context.getStartupFailure())).contains("xhr.timeout");
			});
	}

	private static String failureMessages(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		for (Throwable current = failure; current != null; current = current.getCause()) {
			messages.append(current.getMessage()).append('\n');
		}
		return messages.toString();
	}

	@Configuration(proxyBeanMethods = false)
	static class UserFactoryConfiguration {

		@Bean
		XhrFactory userFactory() {
			return XhrFactory.ofDefaults();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserSettingsConfiguration {

		@Bean
		XhrSettings userSettings() {
			return XhrSettings.defaults().withMaxRedirects(3);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserObserverConfiguration {

		@Bean
		XhrEventObserver userObserver() {
			return (event) -> List.of();
		}

	}

}
