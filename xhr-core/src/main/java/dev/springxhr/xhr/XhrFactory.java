package dev.springxhr.xhr;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Creates {@link XMLHttpRequest}s that share a {@link WebClient} (and so its connection pool) and
 * {@link XhrSettings}, as the requests of one browser page share a network stack.
 */
public interface XhrFactory {

	/**
	 * Create a request in state {@code UNSENT} with the factory's defaults, as {@code new XMLHttpRequest()}.
	 * @return a new request
	 */
	XMLHttpRequest create();

	/**
	 * Create a request with Firefox's constructor options, as {@code new XMLHttpRequest({mozAnon, mozSystem})}.
	 * @param options the options
	 * @return a new request
	 */
	XMLHttpRequest create(XhrOptions options);

	/**
	 * Return a factory whose requests carry the state of the profile {@code key} (cookies, CORS-preflight cache),
	 * created empty on first use: give each user of a service a profile of their own, and no cookie of one user is
	 * ever sent with another's request. The factory shares this one's {@code WebClient}, settings and executor.
	 * @param key the profile's key, e.g. a user's or a session's id
	 * @return the factory of that profile's requests
	 */
	default XhrFactory forProfile(String key) {
		throw new UnsupportedOperationException(getClass().getName() + " has no profiles");
	}

	/**
	 * Return a factory whose requests carry a new, empty profile that this factory neither keeps nor lists: its
	 * holder keeps it (for one inbound request, say) and it is gone with the last reference to it. Its cookies are
	 * kept in memory. The factory shares this one's {@code WebClient}, settings and executor.
	 * @return the factory of the new profile's requests
	 */
	default XhrFactory newProfile() {
		throw new UnsupportedOperationException(getClass().getName() + " has no profiles");
	}

	/**
	 * Return a factory whose requests carry a new profile with a key, that this factory neither keeps nor lists
	 * (its holder keeps it, e.g. in a user's web session); its cookie store is the factory's store for the key, so
	 * a store shared by replicas gives the profile the cookies that the key has there.
	 * @param key the profile's key
	 * @return the factory of the new profile's requests
	 */
	default XhrFactory newProfile(String key) {
		throw new UnsupportedOperationException(getClass().getName() + " has no profiles");
	}

	/**
	 * Return the profile this factory's requests carry ({@link XhrProfile#DEFAULT_KEY} unless the factory came
	 * from {@link #forProfile(String)}).
	 * @return the profile
	 */
	default XhrProfile getProfile() {
		throw new UnsupportedOperationException(getClass().getName() + " has no profiles");
	}

	/**
	 * Return the profiles created so far, the default one included.
	 * @return an immutable snapshot
	 */
	default List<XhrProfile> getProfiles() {
		throw new UnsupportedOperationException(getClass().getName() + " has no profiles");
	}

	/**
	 * Forget a profile and its state (the default profile is cleared instead); requests created before keep the
	 * state they had, and the next {@link #forProfile(String)} of the key starts empty.
	 * @param key the profile's key
	 * @return whether there was such a profile
	 */
	default boolean removeProfile(String key) {
		throw new UnsupportedOperationException(getClass().getName() + " has no profiles");
	}

	/**
	 * Create a factory on a {@link WebClient.Builder} (its connector, codecs, filters and observations apply).
	 * @param webClientBuilder the builder of the WebClient to use
	 * @param settings the settings
	 * @return a new factory
	 */
	static XhrFactory of(WebClient.Builder webClientBuilder, XhrSettings settings) {
		return new WebClientXhrFactory(webClientBuilder, settings);
	}

	/**
	 * Create a factory on a Reactor Netty {@code WebClient} that parses responses as a browser does (two equal
	 * {@code Content-Length} headers are one length), with {@link XhrSettings#defaults()}.
	 * @return a new factory
	 */
	static XhrFactory ofDefaults() {
		return builder().build();
	}

	/**
	 * Start building a factory: by default on a Reactor Netty {@code WebClient} that parses responses as a browser
	 * does and checks every resolved address against the settings' {@link NetworkAccessPolicy}, with
	 * {@link XhrSettings#defaults()}, the default event executor and in-memory cookie stores.
	 * @return a new builder
	 */
	static Builder builder() {
		return new DefaultXhrFactoryBuilder();
	}

	/**
	 * A mutable builder of {@link XhrFactory factories}: each {@link #build()} makes a new factory from what the
	 * builder holds then, and the builder can go on to build more.
	 */
	interface Builder {

		/**
		 * Use a {@link WebClient.Builder} (its connector, codecs, filters and observations); it is cloned when a
		 * factory is built, so it is left as it was.
		 * @param webClientBuilder the builder of the WebClient to use
		 * @return this builder
		 */
		Builder webClientBuilder(WebClient.Builder webClientBuilder);

		/**
		 * Customize the {@link WebClient.Builder} the factory is built on (default headers, filters, codecs). The
		 * customizers run at each {@link #build()}, in the order they were added, after the connector is set: a
		 * connector set here replaces the one of {@link #clientConnector(Function)}.
		 * @param customizer called with the builder at each build
		 * @return this builder
		 */
		Builder webClient(Consumer<WebClient.Builder> customizer);

		/**
		 * Make the connector of each built factory from the factory's final settings, e.g. to guard the addresses
		 * a host name resolves to with {@link XhrSettings#networkAccessPolicy()} ({@link ResolvedAddressGuard}).
		 * Without one, the {@code WebClient.Builder}'s connector is used, or the default one described at
		 * {@link XhrFactory#builder()} when no {@code WebClient.Builder} was given.
		 * @param connector makes the connector from the settings
		 * @return this builder
		 */
		Builder clientConnector(Function<XhrSettings, ? extends ClientHttpConnector> connector);

		/**
		 * Use these settings, replacing the ones held.
		 * @param settings the settings
		 * @return this builder
		 */
		Builder settings(XhrSettings settings);

		/**
		 * Change the settings held, e.g. {@code settings((s) -> s.withMaxRedirects(5))}.
		 * @param customizer maps the settings held to the new ones
		 * @return this builder
		 */
		Builder settings(UnaryOperator<XhrSettings> customizer);

		/**
		 * Resolve relative request URLs against a base URL ({@link XhrSettings#withBaseUrl(URI)}).
		 * @param baseUrl an absolute URL, or {@code null} for none
		 * @return this builder
		 */
		Builder baseUrl(@Nullable String baseUrl);

		/**
		 * Make the requests behave as a page of an origin ({@link XhrSettings#withOrigin(URI)}).
		 * @param origin the origin, e.g. {@code "https://app.example"}, or {@code null} for none
		 * @return this builder
		 */
		Builder origin(@Nullable String origin);

		/**
		 * Give new requests an initial {@code timeout} ({@link XhrSettings#withTimeout(Duration)}).
		 * @param timeout the timeout, {@link Duration#ZERO} for none
		 * @return this builder
		 */
		Builder timeout(Duration timeout);

		/**
		 * Run event tasks on an executor (see {@link WebClientXhrFactory}'s three-argument constructor).
		 * @param eventExecutor the executor
		 * @return this builder
		 */
		Builder eventExecutor(Executor eventExecutor);

		/**
		 * Add an observer of every event of every request; observers are called in the order they were added.
		 * @param observer the observer
		 * @return this builder
		 */
		Builder observer(XhrEventObserver observer);

		/**
		 * Keep the profiles' cookies in stores of the caller's (see {@link WebClientXhrFactory}'s five-argument
		 * constructor).
		 * @param cookieStores the cookie store of each profile, by key
		 * @return this builder
		 */
		Builder cookieStores(Function<String, ? extends CookieStore> cookieStores);

		/**
		 * Observe each {@code send()} in a registry (see {@link WebClientXhrFactory}'s six-argument constructor).
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		Builder observationRegistry(ObservationRegistry observationRegistry);

		/**
		 * Apply a customization to this builder, e.g. one shared by several.
		 * @param customizer called with this builder now
		 * @return this builder
		 */
		default Builder apply(Consumer<Builder> customizer) {
			customizer.accept(this);
			return this;
		}

		/**
		 * Return a copy of this builder, to change without changing this one.
		 * @return the copy
		 */
		Builder clone();

		/**
		 * Build a factory from what the builder holds now.
		 * @return a new factory
		 */
		XhrFactory build();

	}

}
