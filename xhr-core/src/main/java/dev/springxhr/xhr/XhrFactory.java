package dev.springxhr.xhr;

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
	 * Create a factory on a {@link WebClient.Builder} (its connector, codecs, filters and observations apply).
	 * @param webClientBuilder the builder of the WebClient to use
	 * @param settings the settings
	 * @return a new factory
	 */
	static XhrFactory of(WebClient.Builder webClientBuilder, XhrSettings settings) {
		return new WebClientXhrFactory(webClientBuilder, settings);
	}

	/**
	 * Create a factory on {@code WebClient.builder()} with {@link XhrSettings#defaults()}.
	 * @return a new factory
	 */
	static XhrFactory ofDefaults() {
		return of(WebClient.builder(), XhrSettings.defaults());
	}

}
