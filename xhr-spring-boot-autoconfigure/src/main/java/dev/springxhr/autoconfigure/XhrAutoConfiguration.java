package dev.springxhr.autoconfigure;

import java.util.LinkedHashSet;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.NetworkAccessPolicy;
import dev.springxhr.xhr.ResolvedAddressGuard;
import dev.springxhr.xhr.WebClientXhrFactory;
import dev.springxhr.xhr.XhrEventObserver;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.XhrSettings;

/**
 * Auto-configuration of spring-xhr: an {@link XhrFactory} on Boot's {@link WebClient.Builder} (so codecs, SSL
 * bundles, observations and {@code WebClientCustomizer}s apply), configured by {@link XhrProperties}, whose
 * requests' events are published as {@link XhrApplicationEvent}s.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration" })
@ConditionalOnClass(WebClient.class)
@EnableConfigurationProperties(XhrProperties.class)
public final class XhrAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	XhrSettings xhrSettings(XhrProperties properties) {
		return properties.toSettings();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(name = "xhr.events.enabled", matchIfMissing = true)
	ApplicationEventXhrEventRelay xhrEventRelay(ApplicationEventPublisher publisher, XhrProperties properties) {
		XhrProperties.Events events = properties.getEvents();
		return new ApplicationEventXhrEventRelay(publisher, events.getTypes(), events.isIncludeUpload(),
				new LinkedHashSet<>(events.getRedactQueryParams()));
	}

	@Bean
	@ConditionalOnMissingBean(XhrFactory.class)
	WebClientXhrFactory xhrFactory(ObjectProvider<WebClient.Builder> webClientBuilder, XhrSettings settings,
			ObjectProvider<XhrEventObserver> observers, ObjectProvider<XhrClientHttpConnector> connector,
			ObjectProvider<ObservationRegistry> observationRegistry) {
		// Boot's prototype builder when spring-boot-webclient is present; a plain one otherwise.
		WebClient.Builder builder = webClientBuilder.getIfAvailable(WebClient::builder);
		XhrClientHttpConnector xhrConnector = connector.getIfAvailable();
		if (xhrConnector != null) {
			// Boot's own connector follows redirects by default; the XHR's must not (see XhrClientHttpConnector).
			builder = builder.clone().clientConnector(xhrConnector.connector());
		}
		// Every observer bean sees every event: the Spring event relay, statistics, metrics and the user's own.
		// Each send() is an Observation in the context's registry, the parent of the WebClient's (Boot gives its
		// builder the same registry).
		return new WebClientXhrFactory(builder, settings, WebClientXhrFactory.defaultEventExecutor(),
				XhrEventObserver.composite(observers.orderedStream().toList()),
				WebClientXhrFactory.inMemoryCookieStores(),
				observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ClientHttpConnectorBuilder.class)
	static class XhrClientHttpConnectorConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(ClientHttpConnectorBuilder.class)
		XhrClientHttpConnector xhrClientHttpConnector(ClientHttpConnectorBuilder<?> connectorBuilder,
				ObjectProvider<HttpClientSettings> settings, XhrSettings xhrSettings) {
			HttpClientSettings httpClientSettings = settings.getIfAvailable(HttpClientSettings::defaults);
			ClientHttpConnectorBuilder<?> builder = connectorBuilder;
			if (builder instanceof ReactorClientHttpConnectorBuilder reactor) {
				// Denied networks get no connection at all: checked between name resolution and connect. Two equal
				// Content-Length headers are one length, as Fetch's "extract a length" and browsers have it (Netty
				// refuses the response by default); different ones still fail it.
				NetworkAccessPolicy policy = xhrSettings.networkAccessPolicy();
				builder = reactor.withHttpClientCustomizer((client) -> ResolvedAddressGuard.guard(client, policy)
					.httpResponseDecoder((decoder) -> decoder.allowDuplicateContentLengths(true)));
			}
			return new XhrClientHttpConnector(
					builder.build(httpClientSettings.withRedirects(HttpRedirects.DONT_FOLLOW)));
		}

	}

}
