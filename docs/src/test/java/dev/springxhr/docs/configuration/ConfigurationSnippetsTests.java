package dev.springxhr.docs.configuration;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

import dev.springxhr.actuate.XhrHealthIndicator;
import dev.springxhr.autoconfigure.XhrProperties;
import dev.springxhr.xhr.CredentialsPolicy;
import dev.springxhr.xhr.SyncXhrPolicy;
import dev.springxhr.xhr.XhrSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration examples of the docs ({@code snippets/*.yml}, {@code snippets/*.properties}) start a real Spring
 * Boot application with the starter, imported as {@code spring.config.import} as a user's file would be, and mean
 * what the docs say. Every key they use is declared in the class path's configuration metadata, so a misspelled key
 * (which Boot would ignore) fails too.
 */
class ConfigurationSnippetsTests {

	@ParameterizedTest
	@ValueSource(strings = { "snippets/configuration.yml", "snippets/actuator.yml",
			"snippets/troubleshooting.properties", "snippets/network-access-denied-networks.yml",
			"snippets/network-access-allowed-hosts.yml",
			"snippets/actuator-several-factories.yml" })
	void everyKeyOfTheExampleIsADeclaredProperty(String resource) throws IOException {
		ConfigurationMetadata metadata = ConfigurationMetadata.fromClassPath();
		assertThat(metadata.size()).as("properties in the class path's metadata").isGreaterThan(100);
		List<String> keys = keys(resource);
		assertThat(keys).isNotEmpty().allSatisfy((key) -> assertThat(metadata.declares(key))
			.as("%s of %s is a property declared in the configuration metadata", key, resource)
			.isTrue());
	}

	@Test
	void theConfigurationReferenceExampleStartsAndConfiguresTheFactory() {
		try (ConfigurableApplicationContext context = start("snippets/configuration.yml")) {
			XhrSettings settings = context.getBean(XhrSettings.class);
			assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
			assertThat(settings.syncXhrPolicy()).isEqualTo(SyncXhrPolicy.DENY_ON_EVENT_LOOP);
			assertThat(settings.baseUrl()).hasToString("https://api.example/v1/");
			assertThat(settings.maxResponseSize()).isEqualTo(DataSize.ofMegabytes(10));
			assertThat(settings.userAgent()).isEqualTo("my-service/1.0");
			assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
			assertThat(settings.responseTimeout()).isEqualTo(Duration.ofSeconds(30));
			assertThat(settings.credentialsPolicy()).isEqualTo(CredentialsPolicy.SAME_ORIGIN);
			assertThat(settings.cookiesEnabled()).isTrue();
			assertThat(settings.networkAccessPolicy().deniedNetworks()).containsExactly("10.0.0.0/8", "172.16.0.0/12",
					"192.168.0.0/16");
			assertThat(settings.networkAccessPolicy().denyLinkLocal()).as("the preset stays on").isTrue();
			XhrProperties.Events events = context.getBean(XhrProperties.class).getEvents();
			assertThat(events.getTypes()).containsExactlyInAnyOrder("loadstart", "load", "error", "timeout", "abort",
					"loadend");
			assertThat(events.getRedactQueryParams()).containsExactly("token", "api_key");
		}
	}

	@Test
	void theActuatorExampleStartsWithTheProbeAndTheReadinessGroup() {
		try (ConfigurableApplicationContext context = start("snippets/actuator.yml")) {
			assertThat(context.getBeansOfType(XhrHealthIndicator.class)).hasSize(1);
			XhrProperties.Health health = context.getBean(XhrProperties.class).getHealth();
			assertThat(health.getWindow()).isEqualTo(Duration.ofMinutes(5));
			XhrProperties.Probe catalog = health.getProbes().get("catalog");
			assertThat(catalog.getUrl()).hasToString("https://catalog.internal/ping");
			assertThat(catalog.getExpectedStatus()).isEqualTo(204);
			assertThat(catalog.getTimeout()).isEqualTo(Duration.ofSeconds(2));
			assertThat(context.getEnvironment().getProperty("management.endpoint.health.group.readiness.include"))
				.isEqualTo("readinessState, xhr");
		}
	}

	@Test
	void theTroubleshootingExampleTurnsOnDebugLoggingOfTheEngine() {
		try (ConfigurableApplicationContext context = start("snippets/troubleshooting.properties")) {
			assertThat(LoggerFactory.getLogger("dev.springxhr.xhr.XMLHttpRequest").isDebugEnabled()).isTrue();
		}
		finally {
			// logging is the JVM's: leave it as the other tests expect it
			LoggingSystem.get(getClass().getClassLoader()).setLogLevel("dev.springxhr.xhr", null);
		}
	}

	private static ConfigurableApplicationContext start(String resource) {
		return new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
			.properties("spring.config.import=classpath:" + resource)
			.run();
	}

	private static List<String> keys(String resource) throws IOException {
		PropertySourceLoader loader = resource.endsWith(".yml") ? new YamlPropertySourceLoader()
				: new PropertiesPropertySourceLoader();
		List<String> keys = new ArrayList<>();
		for (PropertySource<?> source : loader.load(resource, new ClassPathResource(resource))) {
			for (String name : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
				keys.add(name);
			}
		}
		return keys;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
