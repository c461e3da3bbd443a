package dev.springxhr.autoconfigure;

import java.util.Objects;
import java.util.function.Function;

import org.springframework.http.client.reactive.ClientHttpConnector;

import dev.springxhr.xhr.XhrSettings;

/**
 * The connector under the {@code WebClient} of the factories built by the auto-configured
 * {@code XhrFactory.Builder}. Auto-configured from Boot's {@code ClientHttpConnectorBuilder} and
 * {@code HttpClientSettings} ({@code spring.http.clients.*}, SSL bundles, {@code ClientHttpConnectorBuilderCustomizer}s),
 * made for each factory from its settings (the addresses a host name resolves to are checked against its
 * {@link XhrSettings#networkAccessPolicy()}), with redirects never followed: XHR follows them itself, one hop at a
 * time, so that cookies, {@code Authorization}, CORS and network access are decided for every hop (Fetch §4.4
 * HTTP-redirect fetch). Declare a bean of this type to use another connector; it must not follow redirects.
 */
public final class XhrClientHttpConnector {

	private final Function<XhrSettings, ? extends ClientHttpConnector> connectors;

	/**
	 * Use one connector for every factory.
	 * @param connector the connector
	 */
	public XhrClientHttpConnector(ClientHttpConnector connector) {
		Objects.requireNonNull(connector, "'connector' must not be null");
		this.connectors = (settings) -> connector;
	}

	private XhrClientHttpConnector(Function<XhrSettings, ? extends ClientHttpConnector> connectors) {
		this.connectors = connectors;
	}

	/**
	 * Make each factory's connector from its settings.
	 * @param connectors makes the connector of a factory from the factory's settings
	 * @return the connector bean
	 */
	public static XhrClientHttpConnector perSettings(Function<XhrSettings, ? extends ClientHttpConnector> connectors) {
		return new XhrClientHttpConnector(Objects.requireNonNull(connectors, "'connectors' must not be null"));
	}

	/**
	 * Return the connector of a factory.
	 * @param settings the factory's settings
	 * @return the connector
	 */
	public ClientHttpConnector connector(XhrSettings settings) {
		return this.connectors.apply(settings);
	}

}
