package dev.springxhr.docs.configuration;

import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import dev.springxhr.autoconfigure.XhrClientHttpConnector;
import dev.springxhr.xhr.ResolvedAddressGuard;

// tag::xhr-connector[]
@Configuration(proxyBeanMethods = false)
class XhrConnectorConfiguration {

    @Bean
    XhrClientHttpConnector xhrClientHttpConnector() {
        ConnectionProvider provider = ConnectionProvider.builder("xhr").maxConnections(2_000).build();
        // made for each factory from its settings: the factory's network access policy guards resolved addresses
        return XhrClientHttpConnector.perSettings((settings) -> new ReactorClientHttpConnector(
                ResolvedAddressGuard.guard(HttpClient.create(provider), settings.networkAccessPolicy())
                    .followRedirect(false)));   // XHR follows redirects itself, hop by hop
    }

}
// end::xhr-connector[]
