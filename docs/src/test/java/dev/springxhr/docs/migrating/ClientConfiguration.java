package dev.springxhr.docs.migrating;

import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

// tag::webclient-customizer[]
@Configuration(proxyBeanMethods = false)
class ClientConfiguration {

	@Bean
	WebClientCustomizer clientHeader() {       // applies to Boot's WebClient.Builder, so to the XhrFactory too
		return (builder) -> builder.defaultHeader("X-Client", "orders-service");
	}

}
// end::webclient-customizer[]
