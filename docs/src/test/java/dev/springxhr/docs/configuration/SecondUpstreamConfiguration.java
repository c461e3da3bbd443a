package dev.springxhr.docs.configuration;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.springxhr.xhr.XhrFactory;

// tag::second-upstream[]
@Configuration(proxyBeanMethods = false)
class SecondUpstreamConfiguration {

    @Bean(defaultCandidate = false)     // injected only where asked for by qualifier: xhrFactory stays the default
    @Qualifier("inventory")
    XhrFactory inventory(XhrFactory.Builder builder, @Value("${inventory.base-url}") String baseUrl) {
        return builder.baseUrl(baseUrl)                 // a builder of its own, shaped by xhr.* and customizers
            .timeout(Duration.ofSeconds(3))             // each request's XHR timeout
            .settings((settings) -> settings.withConnectTimeout(Duration.ofMillis(500)))
            .build();
    }

}
// end::second-upstream[]
