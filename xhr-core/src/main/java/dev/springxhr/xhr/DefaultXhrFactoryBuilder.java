package dev.springxhr.xhr;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.internal.task.EventExecutors;

/**
 * The {@link XhrFactory.Builder} of {@link XhrFactory#builder()}: builds {@link WebClientXhrFactory}s.
 */
final class DefaultXhrFactoryBuilder implements XhrFactory.Builder {

	private WebClient.@Nullable Builder webClientBuilder;

	private final List<Consumer<WebClient.Builder>> webClientCustomizers;

	private @Nullable Function<XhrSettings, ? extends ClientHttpConnector> connector;

	private XhrSettings settings;

	private @Nullable Executor eventExecutor;

	private final List<XhrEventObserver> observers;

	private @Nullable Function<String, ? extends CookieStore> cookieStores;

	private ObservationRegistry observationRegistry;

	DefaultXhrFactoryBuilder() {
		this.webClientCustomizers = new ArrayList<>();
		this.settings = XhrSettings.defaults();
		this.observers = new ArrayList<>();
		this.observationRegistry = ObservationRegistry.NOOP;
	}

	private DefaultXhrFactoryBuilder(DefaultXhrFactoryBuilder other) {
		this.webClientBuilder = (other.webClientBuilder != null) ? other.webClientBuilder.clone() : null;
		this.webClientCustomizers = new ArrayList<>(other.webClientCustomizers);
		this.connector = other.connector;
		this.settings = other.settings;
		this.eventExecutor = other.eventExecutor;
		this.observers = new ArrayList<>(other.observers);
		this.cookieStores = other.cookieStores;
		this.observationRegistry = other.observationRegistry;
	}

	@Override
	public XhrFactory.Builder webClientBuilder(WebClient.Builder webClientBuilder) {
		this.webClientBuilder = Objects.requireNonNull(webClientBuilder, "'webClientBuilder' must not be null");
		return this;
	}

	@Override
	public XhrFactory.Builder webClient(Consumer<WebClient.Builder> customizer) {
		// Kept and applied at build(): the WebClient.Builder may still be replaced.
		this.webClientCustomizers.add(Objects.requireNonNull(customizer, "'customizer' must not be null"));
		return this;
	}

	@Override
	public XhrFactory.Builder clientConnector(Function<XhrSettings, ? extends ClientHttpConnector> connector) {
		this.connector = Objects.requireNonNull(connector, "'connector' must not be null");
		return this;
	}

	@Override
	public XhrFactory.Builder settings(XhrSettings settings) {
		this.settings = Objects.requireNonNull(settings, "'settings' must not be null");
		return this;
	}

	@Override
	public XhrFactory.Builder settings(UnaryOperator<XhrSettings> customizer) {
		return settings(customizer.apply(this.settings));
	}

	@Override
	public XhrFactory.Builder baseUrl(@Nullable String baseUrl) {
		return settings(this.settings.withBaseUrl((baseUrl != null) ? URI.create(baseUrl) : null));
	}

	@Override
	public XhrFactory.Builder origin(@Nullable String origin) {
		return settings(this.settings.withOrigin((origin != null) ? URI.create(origin) : null));
	}

	@Override
	public XhrFactory.Builder timeout(Duration timeout) {
		return settings(this.settings.withTimeout(timeout));
	}

	@Override
	public XhrFactory.Builder eventExecutor(Executor eventExecutor) {
		this.eventExecutor = Objects.requireNonNull(eventExecutor, "'eventExecutor' must not be null");
		return this;
	}

	@Override
	public XhrFactory.Builder observer(XhrEventObserver observer) {
		this.observers.add(Objects.requireNonNull(observer, "'observer' must not be null"));
		return this;
	}

	@Override
	public XhrFactory.Builder cookieStores(Function<String, ? extends CookieStore> cookieStores) {
		this.cookieStores = Objects.requireNonNull(cookieStores, "'cookieStores' must not be null");
		return this;
	}

	@Override
	public XhrFactory.Builder observationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = Objects.requireNonNull(observationRegistry,
				"'observationRegistry' must not be null");
		return this;
	}

	@Override
	public XhrFactory.Builder clone() {
		return new DefaultXhrFactoryBuilder(this);
	}

	@Override
	public XhrFactory build() {
		XhrSettings settings = this.settings;
		WebClient.Builder builder = (this.webClientBuilder != null) ? this.webClientBuilder.clone()
				: WebClient.builder().clientConnector(defaultConnector(settings));
		if (this.connector != null) {
			builder.clientConnector(this.connector.apply(settings));
		}
		this.webClientCustomizers.forEach((customizer) -> customizer.accept(builder));
		Executor executor = (this.eventExecutor != null) ? this.eventExecutor : EventExecutors.shared();
		XhrEventObserver observer = XhrEventObserver.composite(this.observers);
		Function<String, ? extends CookieStore> stores = (this.cookieStores != null) ? this.cookieStores
				: WebClientXhrFactory.inMemoryCookieStores();
		return new WebClientXhrFactory(builder, settings, executor, observer, stores, this.observationRegistry);
	}

	/**
	 * Reactor Netty parsing responses as a browser does ({@link BrowserHttpClient}: equal duplicate Content-Length
	 * headers, large heads, odd header lines, interim responses), connecting only to addresses the settings' policy
	 * allows.
	 */
	private static ClientHttpConnector defaultConnector(XhrSettings settings) {
		HttpClient httpClient = BrowserHttpClient
			.configure(ResolvedAddressGuard.guard(HttpClient.create(), settings.networkAccessPolicy()));
		return new ReactorClientHttpConnector(httpClient);
	}

}
