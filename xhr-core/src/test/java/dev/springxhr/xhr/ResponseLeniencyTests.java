package dev.springxhr.xhr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.springxhr.xhr.support.EventRecorder;
import dev.springxhr.xhr.support.RawHttpServer;
import dev.springxhr.xhr.support.XhrTestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Responses that the Fetch standard and browsers accept where Netty, by default, is stricter, on a raw socket:
 * {@link XhrFactory#ofDefaults()} parses them as a browser does, and keeps failing what Fetch also fails.
 */
class ResponseLeniencyTests {

	@RegisterExtension
	static final XhrTestServer<RawHttpServer> raw = XhrTestServer.raw();

	private final XhrFactory factory = XhrFactory.ofDefaults();

	@Test
	void twoEqualContentLengthHeadersAreOneLength() {
		raw.server().route("/equal", RawHttpServer.response("HTTP/1.1 200 OK", "abc", "Content-Length: 3",
				"Content-Length: 3"));
		XMLHttpRequest xhr = this.factory.create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", raw.url("/equal"));
		rec.send();
		rec.awaitLoadend();

		// Fetch "extract a length": the values are equal, so the length is 3 (Netty keeps one of the two headers).
		assertThat(rec.events()).endsWith("rsc(4)", "load(3,3,t)", "loadend(3,3,t)");
		assertThat(xhr.getStatus()).isEqualTo((short) 200);
		assertThat(xhr.getResponseText()).isEqualTo("abc");
		assertThat(xhr.getResponseHeader("Content-Length")).isEqualTo("3");
	}

	@Test
	void twoDifferentContentLengthHeadersAreStillANetworkError() {
		raw.server().route("/different", RawHttpServer.response("HTTP/1.1 200 OK", "abc", "Content-Length: 3",
				"Content-Length: 4"));
		XMLHttpRequest xhr = this.factory.create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", raw.url("/different"));
		rec.send();
		rec.awaitLoadend();

		// Fetch fails the response too: a length that cannot be told is a request-smuggling risk.
		assertThat(rec.events()).endsWith("rsc(4)", "error(0,0,f)", "loadend(0,0,f)");
		assertThat(xhr.getStatus()).isZero();
	}

}
