package dev.springxhr.docs.configuration;

import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import dev.springxhr.autoconfigure.XhrClientHttpConnector;

// tag::xhr-connector[]
@Configuration(proxyBeanMethods = false)
class XhrConnectorConfiguration {

    @Bean
    XhrClientHttpConnector xhrClientHttpConnector() {
        ConnectionProvider provider = ConnectionProvider.builder("xhr").maxConnections(2_000).build();
        HttpClient httpClient = HttpClient.create(provider)
            .followRedirect(false);             // XHR follows redirects itself, hop by hop
        return new XhrClientHttpConnector(new ReactorClientHttpConnector(httpClient));
    }

}
// end::xhr-connector[]
