package dev.springxhr.docs.configuration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.springxhr.autoconfigure.XhrFactoryBuilderCustomizer;
import dev.springxhr.autoconfigure.XhrSettingsCustomizer;

// tag::customizers[]
@Configuration(proxyBeanMethods = false)
class CustomizerConfiguration {

    @Bean
    XhrSettingsCustomizer redirectCeiling() {           // one value: every xhr.* property stays as bound
        return (settings) -> settings.withMaxRedirects(Math.min(settings.maxRedirects(), 5));
    }

    @Bean
    XhrFactoryBuilderCustomizer clientHeader() {        // every XHR factory the builder builds, no other WebClient
        return (builder) -> builder.webClient((webClient) -> webClient.defaultHeader("X-Client", "orders-service"));
    }

}
// end::customizers[]
