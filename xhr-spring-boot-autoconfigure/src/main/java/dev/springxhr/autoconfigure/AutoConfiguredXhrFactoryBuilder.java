package dev.springxhr.autoconfigure;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.actuate.XhrRequestStatistics;
import dev.springxhr.actuate.XhrRequestStatisticsRegistry;
import dev.springxhr.autoconfigure.profile.ScopedXhrFactory;
import dev.springxhr.autoconfigure.profile.XhrProfileBinder;
import dev.springxhr.xhr.CookieStore;
import dev.springxhr.xhr.XhrEventObserver;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.XhrSettings;

/**
 * The builder bean: the engine's builder, already shaped by the properties, the observers and the customizers, whose
 * every {@link #build()} also gets statistics of its own for the health contributor and the profile scope
 * ({@code xhr.profiles.scope}).
 */
final class AutoConfiguredXhrFactoryBuilder implements XhrFactory.Builder {

	private final XhrFactory.Builder delegate;

	private final @Nullable XhrRequestStatisticsRegistry statistics;

	private final @Nullable XhrProfileBinder binder;

	AutoConfiguredXhrFactoryBuilder(XhrFactory.Builder delegate, @Nullable XhrRequestStatisticsRegistry statistics,
			@Nullable XhrProfileBinder binder) {
		this.delegate = delegate;
		this.statistics = statistics;
		this.binder = binder;
	}

	@Override
	public XhrFactory.Builder webClientBuilder(WebClient.Builder webClientBuilder) {
		this.delegate.webClientBuilder(webClientBuilder);
		return this;
	}

	@Override
	public XhrFactory.Builder webClient(Consumer<WebClient.Builder> customizer) {
		this.delegate.webClient(customizer);
		return this;
	}

	@Override
	public XhrFactory.Builder clientConnector(Function<XhrSettings, ? extends ClientHttpConnector> connector) {
		this.delegate.clientConnector(connector);
		return this;
	}

	@Override
	public XhrFactory.Builder settings(XhrSettings settings) {
		this.delegate.settings(settings);
		return this;
	}

	@Override
	public XhrFactory.Builder settings(UnaryOperator<XhrSettings> customizer) {
		this.delegate.settings(customizer);
		return this;
	}

	@Override
	public XhrFactory.Builder baseUrl(@Nullable String baseUrl) {
		this.delegate.baseUrl(baseUrl);
		return this;
	}

	@Override
	public XhrFactory.Builder origin(@Nullable String origin) {
		this.delegate.origin(origin);
		return this;
	}

	@Override
	public XhrFactory.Builder timeout(Duration timeout) {
		this.delegate.timeout(timeout);
		return this;
	}

	@Override
	public XhrFactory.Builder eventExecutor(Executor eventExecutor) {
		this.delegate.eventExecutor(eventExecutor);
		return this;
	}

	@Override
	public XhrFactory.Builder observer(XhrEventObserver observer) {
		this.delegate.observer(observer);
		return this;
	}

	@Override
	public XhrFactory.Builder cookieStores(Function<String, ? extends CookieStore> cookieStores) {
		this.delegate.cookieStores(cookieStores);
		return this;
	}

	@Override
	public XhrFactory.Builder observationRegistry(ObservationRegistry observationRegistry) {
		this.delegate.observationRegistry(observationRegistry);
		return this;
	}

	@Override
	public XhrFactory.Builder clone() {
		return new AutoConfiguredXhrFactoryBuilder(this.delegate.clone(), this.statistics, this.binder);
	}

	@Override
	public XhrFactory build() {
		XhrRequestStatisticsRegistry registry = this.statistics;
		XhrRequestStatistics statistics = (registry != null) ? registry.newStatistics() : null;
		XhrFactory factory = (statistics != null) ? this.delegate.clone().observer(statistics).build()
				: this.delegate.build();
		if (this.binder != null) {
			factory = new ScopedXhrFactory(factory, this.binder);
		}
		if (registry != null && statistics != null) {
			registry.register(factory, statistics);
		}
		return factory;
	}

}
