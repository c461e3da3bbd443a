package dev.springxhr.xhr;

import java.util.List;

import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
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
		// Reactor Netty as a browser parses responses: two equal Content-Length headers are one length (Fetch's
		// "extract a length"); Netty refuses them by default.
		HttpClient httpClient = HttpClient.create()
			.httpResponseDecoder((decoder) -> decoder.allowDuplicateContentLengths(true));
		return of(WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient)),
				XhrSettings.defaults());
	}

}
