package dev.springxhr.xhr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.springxhr.xhr.support.EventRecorder;
import dev.springxhr.xhr.support.SilentServer;
import dev.springxhr.xhr.support.XhrTestServer;

/**
 * The transport-level settings: {@code connectTimeout} and {@code responseTimeout} end a request as a network error
 * (not a {@code timeout} event, which is the XHR {@code timeout}'s), and {@code cookiesEnabled(false)} switches the
 * cookie store off.
 */
class TransportSettingsTests {

	@RegisterExtension
	static final XhrTestServer<WireMockServer> wireMock = XhrTestServer.wireMock();

	private static final List<String> NETWORK_ERROR = List.of("rsc(1)", "loadstart(0,0,f)", "rsc(4)", "error(0,0,f)",
			"loadend(0,0,f)");

	@Test
	void noConnectionWithinTheConnectTimeoutIsANetworkError() throws IOException {
		// A listening socket whose accept queue is full: the kernel drops further SYNs, so a connect just hangs.
		try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			List<Socket> fillers = new ArrayList<>();
			try {
				for (int i = 0; i < 8; i++) {
					Socket filler = new Socket();
					try {
						filler.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort()),
								200);
						fillers.add(filler);
					}
					catch (IOException ex) {
						filler.close();
						break;
					}
				}
				XhrFactory factory = wireMock
					.newFactory((settings) -> settings.withConnectTimeout(Duration.ofMillis(300)));
				XMLHttpRequest xhr = factory.create();
				EventRecorder rec = EventRecorder.attach(xhr);
				rec.open("GET", "http://127.0.0.1:" + full.getLocalPort() + "/");
				rec.send(null);
				rec.awaitLoadend();
				assertThat(rec.events()).containsExactlyElementsOf(NETWORK_ERROR);

				XMLHttpRequest sync = factory.create();
				sync.open("GET", "http://127.0.0.1:" + full.getLocalPort() + "/", false);
				assertThatExceptionOfType(DOMException.class).isThrownBy(sync::send)
					.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("NetworkError"))
					.withMessageContaining("connect timeout");
			}
			finally {
				for (Socket filler : fillers) {
					filler.close();
				}
			}
		}
	}

	@Test
	void aServerSilentForLongerThanTheResponseTimeoutIsANetworkError() {
		try (SilentServer silent = SilentServer.start()) {
			XhrFactory factory = wireMock
				.newFactory((settings) -> settings.withResponseTimeout(Duration.ofMillis(300)));
			XMLHttpRequest xhr = factory.create();
			EventRecorder rec = EventRecorder.attach(xhr);
			rec.open("GET", silent.url("/"));
			rec.send(null);
			rec.awaitLoadend();

			assertThat(rec.events()).containsExactlyElementsOf(NETWORK_ERROR);
		}
	}

	@Test
	void withCookiesDisabledNothingIsStoredOrSent() {
		wireMock.server()
			.stubFor(any(urlPathEqualTo("/set")).willReturn(aResponse().withHeader("Set-Cookie", "c=1; Path=/")));
		wireMock.server().stubFor(any(urlPathEqualTo("/next")).willReturn(aResponse().withStatus(200)));
		XhrFactory factory = wireMock.newFactory((settings) -> settings.withCookiesEnabled(false));
		for (String path : List.of("/set", "/next")) {
			XMLHttpRequest xhr = factory.create();
			EventRecorder rec = EventRecorder.attach(xhr);
			rec.open("GET", wireMock.baseUrl() + path);
			rec.send(null);
			rec.awaitLoadend();
		}

		assertThat(wireMock.server().findAll(anyRequestedFor(urlPathEqualTo("/next")))).singleElement()
			.satisfies((request) -> assertThat(request.containsHeader("Cookie")).isFalse());
	}

	@Test
	void negativeTransportTimeoutsAreRefusedNamingTheSetting() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> XhrSettings.defaults().withConnectTimeout(Duration.ofSeconds(-1)))
			.withMessageContaining("connectTimeout");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> XhrSettings.defaults().withResponseTimeout(Duration.ofSeconds(-1)))
			.withMessageContaining("responseTimeout");
	}

}
