package dev.springxhr.xhr;

import static dev.springxhr.xhr.support.DomExceptionAssert.assertThrowsDomException;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.springxhr.xhr.support.EventRecorder;
import dev.springxhr.xhr.support.RawHttpServer;
import dev.springxhr.xhr.support.XhrTestServer;

/**
 * Absurd response heads (10,000 headers, a 1 MiB header, a 100 KiB status line) end in a clean network error: no
 * hang, one {@code loadend}, the connection not reused. Absurd request headers end cleanly too, whatever the server
 * answers.
 */
class AbsurdHeadersTests {

	private static final List<String> NETWORK_ERROR = List.of("rsc(1)", "loadstart(0,0,f)", "rsc(4)",
			"error(0,0,f)", "loadend(0,0,f)");

	@RegisterExtension
	final XhrTestServer<RawHttpServer> raw = XhrTestServer.raw();

	@ParameterizedTest
	@ValueSource(strings = { "many-headers", "huge-header", "huge-status-line" })
	void anAbsurdResponseHeadIsANetworkErrorAndItsConnectionIsNotReused(String kind) {
		this.raw.server().route("/absurd", absurdHead(kind));
		this.raw.server().route("/ok", RawHttpServer.response("HTTP/1.1 200 OK", "ok", "Content-Length: 2"));
		long start = System.nanoTime();
		EventRecorder rec = EventRecorder.attach(this.raw.factory().create());
		rec.open("GET", this.raw.baseUrl() + "/absurd");
		rec.send();
		rec.awaitLoadend();
		assertThat(rec.events()).containsExactlyElementsOf(NETWORK_ERROR);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

		XMLHttpRequest sync = this.raw.factory().create();
		sync.open("GET", this.raw.baseUrl() + "/absurd", false);
		assertThrowsDomException("NetworkError", sync::send);

		// The next request works, on a connection of its own.
		int connections = this.raw.server().acceptedConnections();
		XMLHttpRequest next = this.raw.factory().create();
		next.open("GET", this.raw.baseUrl() + "/ok", false);
		next.send();
		assertThat(next.getResponseText()).isEqualTo("ok");
		assertThat(this.raw.server().acceptedConnections()).isEqualTo(connections + 1);
	}

	@Test
	void hugeAndManyAuthorRequestHeadersEndCleanly() {
		this.raw.server().route("/in", RawHttpServer.response("HTTP/1.1 200 OK", "ok", "Content-Length: 2"));
		XMLHttpRequest huge = this.raw.factory().create();
		EventRecorder rec = EventRecorder.attach(huge);
		rec.open("GET", this.raw.baseUrl() + "/in");
		huge.setRequestHeader("X-Huge", "a".repeat(1024 * 1024));
		rec.send();
		rec.awaitLoadend();
		assertThat(rec.count("loadend")).isEqualTo(1);
		assertThat(huge.getStatus()).isIn((short) 200, (short) 431, (short) 0);
		assertThat(this.raw.server().requestsTo("/in").get(0).headerValues("X-Huge").get(0)).hasSize(1024 * 1024);

		XMLHttpRequest many = this.raw.factory().create();
		EventRecorder manyRec = EventRecorder.attach(many);
		manyRec.open("GET", this.raw.baseUrl() + "/in");
		for (int i = 0; i < 10_000; i++) {
			many.setRequestHeader("X-H" + i, "v" + i);
		}
		manyRec.send();
		manyRec.awaitLoadend();
		assertThat(manyRec.count("loadend")).isEqualTo(1);
		assertThat(many.getStatus()).isEqualTo((short) 200);
		assertThat(this.raw.server().requestsTo("/in").get(1).headerNames()).hasSizeGreaterThan(10_000);
	}

	private static byte[] absurdHead(String kind) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		switch (kind) {
			case "many-headers" -> {
				out.writeBytes("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
				for (int i = 0; i < 10_000; i++) {
					out.writeBytes(("X-Header-" + i + ": value-" + i + "\r\n").getBytes(StandardCharsets.US_ASCII));
				}
			}
			case "huge-header" -> out.writeBytes(("HTTP/1.1 200 OK\r\nX-Huge: " + "a".repeat(1024 * 1024) + "\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			default -> out.writeBytes(("HTTP/1.1 200 " + "O".repeat(100 * 1024) + "\r\n")
				.getBytes(StandardCharsets.US_ASCII));
		}
		out.writeBytes("Content-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
		return out.toByteArray();
	}

}
