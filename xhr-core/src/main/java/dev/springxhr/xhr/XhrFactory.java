package dev.springxhr.xhr;

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
