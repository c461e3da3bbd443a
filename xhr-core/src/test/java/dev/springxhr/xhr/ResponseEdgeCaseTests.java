package dev.springxhr.xhr;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.support.RawHttpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * Response edge cases of XHR §3.6 / checklist §10: a NUL in a header value, and HTTP/2's missing reason phrase.
 */
class ResponseEdgeCaseTests {

	@RegisterExtension
	static final RawHttpServer raw = new RawHttpServer();

	private static DisposableServer http2Server;

	@BeforeAll
	static void startHttp2Server() {
		http2Server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.protocol(HttpProtocol.H2C)
			.handle((request, response) -> response.status(201).header("X-Proto", "h2").sendString(Mono.just("two")))
			.bindNow();
	}

	@AfterAll
	static void stopHttp2Server() {
		http2Server.disposeNow();
	}

	@Test
	void nulInAResponseHeaderValueMakesTheAsyncResponseANetworkError() {
		raw.route("/nul", RawHttpServer.response("HTTP/1.1 200 OK", "body", "Content-Length: 4", "X-Bad: a\0b"));
		XMLHttpRequest xhr = XhrFactory.ofDefaults().create();
		List<String> events = new CopyOnWriteArrayList<>();
		for (String type : List.of("readystatechange", "load", "error", "loadend")) {
			xhr.addEventListener(type, (e) -> events.add(type + "(" + xhr.getReadyState() + ")"));
		}
		xhr.open("GET", raw.baseUrl() + "/nul");
		xhr.send();

		await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("loadend(4)"));
		assertThat(events).containsExactly("readystatechange(1)", "readystatechange(4)", "error(4)", "loadend(4)");
		assertThat(xhr.getStatus()).isZero();
		assertThat(xhr.getAllResponseHeaders()).isEmpty();
	}

	@Test
	void nulInAResponseHeaderValueMakesASyncSendThrowNetworkError() {
		raw.route("/nul-sync", RawHttpServer.response("HTTP/1.1 200 OK", "body", "Content-Length: 4", "X-Bad: a\0b"));
		XMLHttpRequest xhr = XhrFactory.ofDefaults().create();
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
		XMLHttpRequest xhr = XhrFactory.of(http2Client, XhrSettings.defaults()).create();
		xhr.open("GET", URI.create("http://127.0.0.1:" + http2Server.port() + "/").toString(), false);

		xhr.send();

		assertThat(xhr.getStatus()).isEqualTo((short) 201);
		assertThat(xhr.getStatusText()).isEmpty();
		assertThat(xhr.getResponseHeader("x-proto")).isEqualTo("h2");
		assertThat(xhr.getResponseText()).isEqualTo("two");
	}

}
