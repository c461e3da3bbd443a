package dev.springxhr.test;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;

import dev.springxhr.autoconfigure.XhrFactoryBuilderCustomizer;
import dev.springxhr.xhr.XhrFactory;

/**
 * Points the application's factories at a mock server (WireMock, say): every request (or every request to the given
 * hosts) goes to the mock's scheme, host and port, with its path and query unchanged and its original {@code Host}
 * header, so stubs can still tell upstreams apart by host. Only the transport is pointed elsewhere: the request
 * keeps its URL for everything XHR decides (origin, CORS, cookies, {@code responseURL}, redirects, each hop
 * pointed again). As a bean it shapes every auto-configured {@code XhrFactory.Builder}; {@link AutoConfigureXhrTest}
 * declares one from the property {@code xhr.test.upstream}.
 */
public final class XhrTestUpstream implements XhrFactoryBuilderCustomizer {

	private final URI upstream;

	private final Set<String> hosts;

	private XhrTestUpstream(URI upstream, Set<String> hosts) {
		this.upstream = upstream;
		this.hosts = hosts;
	}

	/**
	 * Point every request at a server.
	 * @param baseUrl the server's base URL, e.g. {@code wireMock.baseUrl()}; its path is not used
	 * @return the upstream
	 */
	public static XhrTestUpstream to(String baseUrl) {
		URI uri = URI.create(Objects.requireNonNull(baseUrl, "'baseUrl' must not be null"));
		if (uri.getScheme() == null || uri.getHost() == null) {
			throw new IllegalArgumentException("The test upstream must be an absolute http(s) URL, was " + baseUrl);
		}
		return new XhrTestUpstream(uri, Set.of());
	}

	/**
	 * Point only the requests to these hosts at the server, leaving others alone.
	 * @param hosts the host names, e.g. {@code "api.partner.example"}
	 * @return a new upstream
	 */
	public XhrTestUpstream forHosts(String... hosts) {
		return new XhrTestUpstream(this.upstream,
				List.of(hosts).stream().map((host) -> host.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
	}

	@Override
	public void customize(XhrFactory.Builder builder) {
		builder.webClient((webClient) -> webClient.filter(this::exchange));
	}

	private Mono<ClientResponse> exchange(ClientRequest request, ExchangeFunction next) {
		URI url = request.url();
		String host = url.getHost();
		if (host == null || (!this.hosts.isEmpty() && !this.hosts.contains(host.toLowerCase(Locale.ROOT)))) {
			return next.exchange(request);
		}
		// Built from the raw parts: the request URI's percent-encoding reaches the mock byte for byte.
		String query = url.getRawQuery();
		URI pointed = URI.create(this.upstream.getScheme() + "://" + this.upstream.getRawAuthority()
				+ ((url.getRawPath() != null) ? url.getRawPath() : "") + ((query != null) ? "?" + query : ""));
		String authority = host + ((url.getPort() != -1) ? ":" + url.getPort() : "");
		return next.exchange(ClientRequest.from(request)
			.url(pointed)
			.headers((headers) -> headers.set(HttpHeaders.HOST, authority))
			.build());
	}

	@Override
	public String toString() {
		return "XhrTestUpstream[" + this.upstream + (this.hosts.isEmpty() ? "" : " for " + this.hosts) + "]";
	}

}
