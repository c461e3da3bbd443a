package dev.springxhr.xhr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.support.EventRecorder;
import dev.springxhr.xhr.support.RawHttpServer;
import dev.springxhr.xhr.support.XhrTestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Response edge cases of XHR §3.6 / checklist §10: a NUL in a header value, and HTTP/2's missing reason phrase.
 */
class ResponseEdgeCaseTests {

	@RegisterExtension
	static final XhrTestServer<RawHttpServer> raw = XhrTestServer.raw();

	@RegisterExtension
	static final XhrTestServer<DisposableServer> http2 = XhrTestServer.reactorNetty((http) -> http
		.protocol(HttpProtocol.H2C)
		.handle((request, response) -> response.status(201).header("X-Proto", "h2").sendString(Mono.just("two"))));

	@Test
	void nulInAResponseHeaderValueMakesTheAsyncResponseANetworkError() {
		raw.server()
			.route("/nul", RawHttpServer.response("HTTP/1.1 200 OK", "body", "Content-Length: 4", "X-Bad: a\0b"));
		XMLHttpRequest xhr = raw.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		xhr.open("GET", raw.baseUrl() + "/nul");
		xhr.send();

		rec.awaitLoadend();
		assertThat(rec.detailed()).containsExactly("rsc(1)", "loadstart(0,0,f)@1", "rsc(4)", "error(0,0,f)@4",
				"loadend(0,0,f)@4");
		assertThat(xhr.getStatus()).isZero();
		assertThat(xhr.getAllResponseHeaders()).isEmpty();
	}

	@Test
	void nulInAResponseHeaderValueMakesASyncSendThrowNetworkError() {
		raw.server()
			.route("/nul-sync", RawHttpServer.response("HTTP/1.1 200 OK", "body", "Content-Length: 4", "X-Bad: a\0b"));
		XMLHttpRequest xhr = raw.factory().create();
		xhr.open("GET", raw.baseUrl() + "/nul-sync", false);

		DOMException thrown = catchThrowableOfType(DOMException.class, xhr::send);

		assertThat(thrown.getName()).isEqualTo("NetworkError");
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.DONE);
		assertThat(xhr.getStatus()).isZero();
	}

	@Test
	void http2ResponseHasAnEmptyStatusText() {
		WebClient.Builder http2Client = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create().protocol(HttpProtocol.H2C)));
		XMLHttpRequest xhr = http2.newFactory(http2Client).create();
		xhr.open("GET", http2.url("/"), false);

		xhr.send();

		assertThat(xhr.getStatus()).isEqualTo((short) 201);
		assertThat(xhr.getStatusText()).isEmpty();
		assertThat(xhr.getResponseHeader("x-proto")).isEqualTo("h2");
		assertThat(xhr.getResponseText()).isEqualTo("two");
	}

}
