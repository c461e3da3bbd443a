package dev.springxhr.xhr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.support.EventRecorder;
import dev.springxhr.xhr.support.RawHttpServer;
import dev.springxhr.xhr.support.XhrTestServer;

import static dev.springxhr.xhr.support.DomExceptionAssert.assertThrowsDomException;

/**
 * A WebClient whose connector follows redirects itself would hide every hop from the Fetch redirect steps (cookies,
 * {@code Authorization}, CORS, network access are decided per hop): what such a connector brings back is refused as a
 * network error, and the redirect target's answer never reaches script.
 */
class RedirectingConnectorTests {

	@RegisterExtension
	static final XhrTestServer<RawHttpServer> raw = XhrTestServer.raw();

	private final XhrFactory factory = raw
		.newFactory(WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create()
			.followRedirect(true))));

	@Test
	void aRedirectFollowedByTheConnectorIsANetworkError() {
		raw.server().route("/from", RawHttpServer.response("HTTP/1.1 302 Found", "", "Location: /to"));
		raw.server().route("/to", RawHttpServer.response("HTTP/1.1 200 OK", "secret from the target"));
		XMLHttpRequest xhr = this.factory.create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", raw.baseUrl() + "/from");
		rec.send(null);
		rec.awaitLoadend();

		assertThat(rec.events()).containsExactlyElementsOf(
				List.of("rsc(1)", "loadstart(0,0,f)", "rsc(4)", "error(0,0,f)", "loadend(0,0,f)"));
		assertThat(xhr.getResponseText()).isEmpty();
	}

	@Test
	void theSynchronousNetworkErrorSaysWhatToChange() {
		raw.server()
			.route("/sync-from", RawHttpServer.response("HTTP/1.1 307 Temporary Redirect", "", "Location: /to"));
		raw.server().route("/to", RawHttpServer.response("HTTP/1.1 200 OK", "secret from the target"));
		XMLHttpRequest xhr = this.factory.create();
		xhr.open("GET", raw.baseUrl() + "/sync-from", false);

		DOMException error = assertThrowsDomException(DOMException.NETWORK_ERROR, xhr::send);
		assertThat(error.getMessage()).contains("followRedirect(false)");
	}

	@Test
	void aConnectorThatDoesNotFollowRedirectsLetsXhrFollowThem() {
		raw.server().route("/plain-from", RawHttpServer.response("HTTP/1.1 302 Found", "", "Location: /plain-to"));
		raw.server().route("/plain-to", RawHttpServer.response("HTTP/1.1 200 OK", "target"));
		XMLHttpRequest xhr = raw
			.newFactory(WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create())))
			.create();
		xhr.open("GET", raw.baseUrl() + "/plain-from", false);
		xhr.send();

		assertThat(xhr.getResponseText()).isEqualTo("target");
		assertThat(xhr.getResponseURL()).isEqualTo(raw.baseUrl() + "/plain-to");
	}

}
