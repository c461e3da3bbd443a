package dev.springxhr.xhr;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.support.EventRecorder;
import dev.springxhr.xhr.support.RawHttpServer;
import dev.springxhr.xhr.internal.net.NetworkAccessDeniedException;
import dev.springxhr.xhr.support.XhrTestServer;

import static dev.springxhr.xhr.support.DomExceptionAssert.assertThrowsDomException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ResolvedAddressGuard}: the denied networks judged between name resolution and connect, so that a host name
 * resolving to a denied address gets no TCP connection at all (the check on the connected address alone closes a
 * connection that was made).
 */
class ResolvedAddressGuardTests {

	private static final NetworkAccessPolicy DENY_LOOPBACK = new NetworkAccessPolicy(List.of(),
			List.of("127.0.0.0/8", "::1/128"), true);

	@RegisterExtension
	final XhrTestServer<RawHttpServer> raw = XhrTestServer.raw();

	@Test
	void aHostNameResolvingToADeniedNetworkGetsNoConnection() {
		this.raw.server().route("/secret", RawHttpServer.response("HTTP/1.1 200 OK", "secret", "Content-Length: 6"));
		XhrFactory factory = guardedFactory(DENY_LOOPBACK);
		String url = "http://localhost:" + this.raw.port() + "/secret";

		EventRecorder rec = EventRecorder.attach(factory.create());
		rec.open("GET", url);
		rec.send();
		rec.awaitLoadend();
		assertThat(rec.events()).containsExactly("rsc(1)", "loadstart(0,0,f)", "rsc(4)", "error(0,0,f)",
				"loadend(0,0,f)");

		XMLHttpRequest sync = factory.create();
		sync.open("GET", url, false);
		assertThat(assertThrowsDomException("NetworkError", sync::send).getMessage())
			.containsPattern("(127\\.0\\.0\\.1 is in denied network 127\\.0\\.0\\.0/8|0:0:0:0:0:0:0:1 is in denied "
					+ "network ::1/128) \\(xhr.security.denied-networks\\)");
		// Without the guard the connection is made and closed before a request byte (NetworkAccessTests). The server
		// accepts connections in order, so once a later one is through, an earlier one would have been counted.
		XMLHttpRequest allowed = this.raw.factory().create();
		allowed.open("GET", this.raw.baseUrl() + "/secret", false);
		allowed.send();
		assertThat(this.raw.server().acceptedConnections()).isEqualTo(1);
	}

	@Test
	void allowedAddressesStillConnect() {
		this.raw.server().route("/ok", RawHttpServer.response("HTTP/1.1 200 OK", "ok", "Content-Length: 2"));
		XhrFactory factory = guardedFactory(new NetworkAccessPolicy(List.of(), List.of("10.0.0.0/8"), true));
		XMLHttpRequest sync = factory.create();
		sync.open("GET", "http://localhost:" + this.raw.port() + "/ok", false);
		sync.send();
		assertThat(sync.getResponseText()).isEqualTo("ok");
	}

	@Test
	void ofTheResolvedAddressesOnlyTheDeniedOnesAreDropped() {
		InetSocketAddress loopback = new InetSocketAddress("127.0.0.1", 80);
		InetSocketAddress metadata = new InetSocketAddress("169.254.169.254", 80);
		InetSocketAddress privateAddress = new InetSocketAddress("10.1.2.3", 80);
		NetworkAccessPolicy policy = NetworkAccessPolicy.defaults();

		List<? extends SocketAddress> selected = ResolvedAddressGuard.select(policy,
				List.of(metadata, loopback, metadata, privateAddress));
		assertThat(List.<SocketAddress>copyOf(selected)).containsExactly(loopback, privateAddress);
		List<SocketAddress> allAllowed = List.of(loopback, privateAddress);
		assertThat(ResolvedAddressGuard.select(policy, allAllowed)).isSameAs(allAllowed);
		assertThatExceptionOfType(NetworkAccessDeniedException.class)
			.isThrownBy(() -> ResolvedAddressGuard.select(policy, List.of(metadata)))
			.withMessageContaining("169.254.169.254 is in denied network 169.254.0.0/16");
	}

	@Test
	void aPolicyThatDeniesNoNetworkLeavesTheClientAlone() {
		HttpClient client = HttpClient.create();
		assertThat(ResolvedAddressGuard.guard(client, NetworkAccessPolicy.unrestricted())).isSameAs(client);
		assertThat(ResolvedAddressGuard.guard(client, NetworkAccessPolicy.defaults())).isNotSameAs(client);
	}

	private XhrFactory guardedFactory(NetworkAccessPolicy policy) {
		WebClient.Builder builder = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(ResolvedAddressGuard.guard(HttpClient.create(), policy)));
		return this.raw.newFactory(builder, (settings) -> settings.withNetworkAccessPolicy(policy));
	}

}
