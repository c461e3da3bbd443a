package dev.springxhr.sample.partner;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.springxhr.xhr.XhrFactory;

/**
 * The partner's factory, built from the auto-configured builder: it has the service's {@code xhr.*} settings, its
 * Spring events, metrics, health and profile scope, plus a base URL, a timeout and a header of its own. Declared
 * with {@code defaultCandidate = false}, it leaves the auto-configured factory in place as the one injected by type.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PartnerProperties.class)
class PartnerConfiguration {

	@Bean(defaultCandidate = false)
	@Qualifier("partner")
	XhrFactory partnerXhrFactory(XhrFactory.Builder builder, PartnerProperties partner) {
		return builder.baseUrl(partner.baseUrl())
			.timeout(partner.timeout())
			.webClient((webClient) -> webClient.defaultHeader("X-Api-Key", partner.apiKey()))
			.build();
	}

}
