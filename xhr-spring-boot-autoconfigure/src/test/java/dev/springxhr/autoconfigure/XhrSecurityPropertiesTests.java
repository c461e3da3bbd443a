package dev.springxhr.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.springxhr.xhr.NetworkAccessPolicy;
import dev.springxhr.xhr.XhrSettings;

/**
 * {@code xhr.security.*}, the SSRF guard: bound onto the settings' {@link NetworkAccessPolicy}, secure by default,
 * and a value that is not a host pattern or a network fails the start naming the property.
 */
class XhrSecurityPropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XhrAutoConfiguration.class));

	@Test
	void withoutPropertiesTheLinkLocalAndMetadataNetworksAreDenied() {
		this.contextRunner.run((context) -> assertThat(context.getBean(XhrSettings.class).networkAccessPolicy())
			.isEqualTo(NetworkAccessPolicy.defaults()));
	}

	@Test
	void securityPropertiesMapOntoThePolicy() {
		this.contextRunner
			.withPropertyValues("xhr.security.allowed-hosts=api.example.org,*.internal.example",
					"xhr.security.denied-networks=10.0.0.0/8,fc00::/7, 127.0.0.0/8")
			.run((context) -> assertThat(context.getBean(XhrSettings.class).networkAccessPolicy())
				.isEqualTo(new NetworkAccessPolicy(List.of("api.example.org", "*.internal.example"),
						List.of("10.0.0.0/8", "fc00::/7", "127.0.0.0/8"), true)));
	}

	@Test
	void everythingCanBeSwitchedOff() {
		this.contextRunner.withPropertyValues("xhr.security.deny-link-local=false")
			.run((context) -> assertThat(context.getBean(XhrSettings.class).networkAccessPolicy())
				.isEqualTo(NetworkAccessPolicy.unrestricted()));
	}

	@Test
	void aBadNetworkFailsTheStartNamingTheProperty() {
		this.contextRunner.withPropertyValues("xhr.security.denied-networks=10.0.0.0/8,10.0.0.0/33")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("xhr.security.denied-networks")
				.hasMessageContaining("'10.0.0.0/33'"));
	}

	@Test
	void aBadHostPatternFailsTheStartNamingTheProperty() {
		this.contextRunner.withPropertyValues("xhr.security.allowed-hosts=a.*.example")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("xhr.security.allowed-hosts")
				.hasMessageContaining("'a.*.example'"));
	}

}
