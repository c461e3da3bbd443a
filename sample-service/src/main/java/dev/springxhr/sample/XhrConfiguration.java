package dev.springxhr.sample;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.XhrSettings;

/**
 * Publishes the {@link XhrFactory}, built on Boot's {@link WebClient.Builder} so that its customizers apply.
 * (The starter's auto-configuration will publish it with {@code xhr.*} properties; until then the sample does.)
 */
@Configuration(proxyBeanMethods = false)
class XhrConfiguration {

	@Bean
	XhrFactory xhrFactory(WebClient.Builder webClientBuilder) {
		return XhrFactory.of(webClientBuilder, XhrSettings.defaults());
	}

}
