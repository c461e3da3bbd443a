package dev.springxhr.autoconfigure;

import java.util.Objects;

import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * The connector under the auto-configured {@code XhrFactory}'s {@code WebClient}. Auto-configured from Boot's
 * {@code ClientHttpConnectorBuilder} and {@code HttpClientSettings} ({@code spring.http.clients.*}, SSL bundles,
 * {@code ClientHttpConnectorBuilderCustomizer}s), with redirects never followed: XHR follows them itself, one hop at a
 * time, so that cookies, {@code Authorization}, CORS and network access are decided for every hop (Fetch §4.4
 * HTTP-redirect fetch). Declare a bean of this type to use another connector; it must not follow redirects.
 *
 * @param connector the connector
 */
public record XhrClientHttpConnector(ClientHttpConnector connector) {

	public XhrClientHttpConnector {
		Objects.requireNonNull(connector, "'connector' must not be null");
	}

}
