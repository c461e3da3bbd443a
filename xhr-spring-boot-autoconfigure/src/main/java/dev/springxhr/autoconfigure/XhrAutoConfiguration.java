package dev.springxhr.autoconfigure;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.concurrent.Executor;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.core.env.Environment;
import org.springframework.core.log.LogMessage;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.actuate.XhrRequestStatisticsRegistry;
import dev.springxhr.autoconfigure.profile.ProfileScopeCondition;
import dev.springxhr.autoconfigure.profile.XhrCookieStores;
import dev.springxhr.autoconfigure.profile.XhrProfileBinder;
import dev.springxhr.autoconfigure.profile.XhrProfileScope;
import dev.springxhr.autoconfigure.profile.XhrProfileWebFilter;
import dev.springxhr.autoconfigure.profile.XhrProfilesProperties;
import dev.springxhr.xhr.BrowserHttpClient;
import dev.springxhr.xhr.NetworkAccessPolicy;
import dev.springxhr.xhr.ResolvedAddressGuard;
import dev.springxhr.xhr.WebClientXhrFactory;
import dev.springxhr.xhr.XhrEventObserver;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.XhrSettings;
import dev.springxhr.xhr.redis.RedisCookieStores;

/**
 * Auto-configuration of spring-xhr: an {@link XhrFactory} on Boot's {@link WebClient.Builder} (so codecs, SSL
 * bundles, observations and {@code WebClientCustomizer}s apply), configured by {@link XhrProperties}, whose
 * requests' events are published as {@link XhrApplicationEvent}s.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration" })
@ConditionalOnClass(WebClient.class)
@EnableConfigurationProperties({ XhrProperties.class, XhrProfilesProperties.class })
public final class XhrAutoConfiguration {

	private static final Log logger = LogFactory.getLog(XhrAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	XhrSettings xhrSettings(XhrProperties properties, ObjectProvider<XhrSettingsCustomizer> customizers) {
		XhrSettings settings = properties.toSettings();
		for (XhrSettingsCustomizer customizer : customizers.orderedStream().toList()) {
			settings = customizer.customize(settings);
		}
		return settings;
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
	@ConditionalOnMissingBean
	XhrCookieStores xhrCookieStores(XhrProfilesProperties profiles) {
		// The Redis configuration below gives the bean when it can; asked for and not given is a start-up failure.
		if (profiles.getCookieStore() == XhrProfilesProperties.CookieStoreType.REDIS) {
			throw new InvalidConfigurationPropertyValueException("xhr.profiles.cookie-store", "redis",
					"The Redis cookie store needs dev.springxhr:xhr-redis on the classpath and a RedisConnectionFactory "
							+ "bean (spring-boot-starter-data-redis)");
		}
		return XhrCookieStores.inMemory();
	}

	@Bean
	@ConditionalOnMissingBean
	@Conditional(ProfileScopeCondition.class)
	XhrProfileBinder xhrProfileBinder(XhrProfilesProperties profiles) {
		return new XhrProfileBinder(profiles.getScope());
	}

	/**
	 * A new builder for each injection point, shaped by the properties and customizers: every factory built from it
	 * gets the observers (the Spring event relay, metrics, the user's), statistics of its own for the health
	 * contributor, the profiles' cookie stores and the profile scope.
	 */
	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	@ConditionalOnMissingBean
	XhrFactory.Builder xhrFactoryBuilder(ObjectProvider<WebClient.Builder> webClientBuilder, XhrSettings settings,
			ObjectProvider<XhrEventObserver> observers, ObjectProvider<XhrClientHttpConnector> connector,
			ObjectProvider<ObservationRegistry> observationRegistry, XhrCookieStores cookieStores,
			XhrProperties properties, Environment environment, ObjectProvider<XhrRequestStatisticsRegistry> statistics,
			ObjectProvider<XhrProfileBinder> binder, ObjectProvider<XhrFactoryBuilderCustomizer> customizers) {
		// Boot's prototype builder when spring-boot-webclient is present (codecs, SSL bundles, observations and
		// WebClientCustomizers apply); a plain one otherwise. Each send() is an Observation in the context's
		// registry, the parent of the WebClient's (Boot gives its builder the same registry).
		XhrFactory.Builder builder = XhrFactory.builder()
			.webClientBuilder(webClientBuilder.getIfAvailable(WebClient::builder))
			.settings(settings)
			.eventExecutor(eventExecutor(properties.getEvents().getDelivery(), environment, false))
			.cookieStores(cookieStores.getStores())
			.observationRegistry(observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP));
		XhrClientHttpConnector xhrConnector = connector.getIfAvailable();
		if (xhrConnector != null) {
			// Boot's own connector follows redirects by default; the XHR's must not (see XhrClientHttpConnector).
			builder.clientConnector(xhrConnector::connector);
		}
		observers.orderedStream().forEach(builder::observer);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return new AutoConfiguredXhrFactoryBuilder(builder, statistics.getIfAvailable(), binder.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean(XhrFactory.class)
	XhrFactory xhrFactory(XhrFactory.Builder xhrFactoryBuilder, XhrCookieStores cookieStores,
			XhrProfilesProperties profiles, XhrProperties properties, Environment environment) {
		eventExecutor(properties.getEvents().getDelivery(), environment, true);
		XhrProfileScope scope = profiles.getScope();
		logger.info(LogMessage.format("XhrFactory profiles: scope %s (%s), cookies %s (xhr.profiles.*)",
				scope.name().toLowerCase(Locale.ROOT), describe(scope), cookieStores.getType()));
		return xhrFactoryBuilder.build();
	}

	/** The executor of event tasks that {@code xhr.events.delivery} asks for, logged at start-up. */
	private static Executor eventExecutor(XhrEventDelivery delivery, Environment environment, boolean log) {
		boolean virtual = switch (delivery) {
			case VIRTUAL_THREADS -> true;
			case AUTO -> environment.getProperty("spring.threads.virtual.enabled", Boolean.class, false)
					&& Runtime.version().feature() >= 21;
			default -> false;
		};
		if (virtual) {
			try {
				Executor executor = WebClientXhrFactory.virtualThreadEventExecutor();
				if (log) {
					logger.info(LogMessage.format("XhrFactory events: delivered on virtual threads (xhr.events.delivery=%s)",
							delivery.name().toLowerCase(Locale.ROOT).replace('_', '-')));
				}
				return executor;
			}
			catch (UnsupportedOperationException ex) {
				throw new InvalidConfigurationPropertyValueException("xhr.events.delivery", "virtual-threads",
						ex.getMessage());
			}
		}
		if (log) {
			logger.info(LogMessage.format("XhrFactory events: delivered %s (xhr.events.delivery=%s)",
				(delivery == XhrEventDelivery.EVENT_LOOP)
						? "on the sending event loop for requests sent from one, else on xhr-event-N threads"
						: "on xhr-event-N threads, serially per request",
					delivery.name().toLowerCase(Locale.ROOT).replace('_', '-')));
		}
		return WebClientXhrFactory.defaultEventExecutor();
	}

	private static String describe(XhrProfileScope scope) {
		return switch (scope) {
			case APPLICATION -> "one cookie jar and preflight cache for every caller";
			case SESSION -> "each web session has its own cookies and preflight cache";
			case REQUEST -> "each inbound request has its own cookies and preflight cache";
		};
	}

	/** xhr.profiles.cookie-store=redis: profiles' cookies in Redis, on Boot's RedisConnectionFactory. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ RedisCookieStores.class, RedisConnectionFactory.class })
	@ConditionalOnProperty(name = "xhr.profiles.cookie-store", havingValue = "redis")
	static class RedisCookieStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(RedisConnectionFactory.class)
		XhrCookieStores xhrCookieStores(RedisConnectionFactory connectionFactory, XhrProfilesProperties profiles) {
			XhrProfilesProperties.Redis redis = profiles.getRedis();
			RedisCookieStores stores = new RedisCookieStores(connectionFactory, redis.getKeyPrefix(),
					redis.getSessionCookieTimeToLive());
			return new XhrCookieStores("redis", stores, stores::ping);
		}

	}

	/** The scopes that follow inbound requests, in WebFlux: the exchange's profile in the Reactor context. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@Conditional(ProfileScopeCondition.class)
	static class ReactiveProfileScopeConfiguration {

		@Bean
		@ConditionalOnMissingBean
		XhrProfileWebFilter xhrProfileWebFilter(XhrProfileBinder binder, XhrProfilesProperties profiles,
				Environment environment) {
			if (!"auto".equalsIgnoreCase(environment.getProperty("spring.reactor.context-propagation"))) {
				// Safe either way (a profile each); but the session scope then keeps no upstream session.
				LogMessage message = LogMessage.format("xhr.profiles.scope=%s in WebFlux: requests created by a "
						+ "reactive chain find the exchange's profile only with spring.reactor.context-propagation=auto; "
						+ "without it they get a profile each", profiles.getScope().name().toLowerCase(Locale.ROOT));
				if (profiles.getScope() == XhrProfileScope.SESSION) {
					logger.warn(message);
				}
				else {
					logger.info(message);
				}
			}
			return new XhrProfileWebFilter(binder);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ClientHttpConnectorBuilder.class)
	static class XhrClientHttpConnectorConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(ClientHttpConnectorBuilder.class)
		XhrClientHttpConnector xhrClientHttpConnector(ClientHttpConnectorBuilder<?> connectorBuilder,
				ObjectProvider<HttpClientSettings> settings) {
			HttpClientSettings noRedirects = settings.getIfAvailable(HttpClientSettings::defaults)
				.withRedirects(HttpRedirects.DONT_FOLLOW);
			// Made for each factory: its connector checks resolved addresses against its own network access policy.
			return XhrClientHttpConnector.perSettings((xhrSettings) -> browserLike(connectorBuilder, xhrSettings)
				.build(noRedirects));
		}

		private static ClientHttpConnectorBuilder<?> browserLike(ClientHttpConnectorBuilder<?> builder,
				XhrSettings xhrSettings) {
			if (!(builder instanceof ReactorClientHttpConnectorBuilder reactor)) {
				return builder;
			}
			// Denied networks get no connection at all: checked between name resolution and connect. Responses are
			// parsed as a browser parses them (BrowserHttpClient: equal duplicate Content-Length headers, large heads,
			// odd header lines, interim responses), where Netty is stricter by default.
			NetworkAccessPolicy policy = xhrSettings.networkAccessPolicy();
			return reactor.withHttpClientCustomizer(
					(client) -> BrowserHttpClient.configure(ResolvedAddressGuard.guard(client, policy)));
		}

	}

}
