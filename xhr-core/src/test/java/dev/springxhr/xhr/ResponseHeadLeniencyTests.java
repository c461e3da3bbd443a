package dev.springxhr.xhr;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.springxhr.xhr.ResponseLeniencyTests.Sent;
import dev.springxhr.xhr.support.RawHttpServer;
import dev.springxhr.xhr.support.XhrTestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Header lines Netty, by default, parses differently from Chromium or refuses, on a raw socket: with
 * {@link XhrFactory#ofDefaults()} each is read as Chromium reads it (the leniency oracle fixture,
 * {@code oracle/leniency-scenarios.json}, recorded Chromium doing so).
 */
class ResponseHeadLeniencyTests {

	@RegisterExtension
	static final XhrTestServer<RawHttpServer> raw = XhrTestServer.raw();

	private final XhrFactory factory = XhrFactory.ofDefaults();

	private Sent get(String path, String... headerLines) {
		raw.server().route(path, RawHttpServer.response("HTTP/1.1 200 OK", "abc", headerLines));
		return ResponseLeniencyTests.get(raw, this.factory, path);
	}

	@Test
	void aLineWithoutAColonIsDropped() {
		Sent sent = get("/no-colon", "X-A: 1", "No colon here", "Content-Length: 3");

		sent.assertLoaded("abc");
		assertThat(sent.xhr().getAllResponseHeaders()).isEqualTo("content-length: 3\r\nx-a: 1\r\n");
	}

	@Test
	void aLineWithAnEmptyNameIsDropped() {
		Sent sent = get("/empty-name", ": v", "Content-Length: 3");

		sent.assertLoaded("abc");
		assertThat(sent.xhr().getAllResponseHeaders()).isEqualTo("content-length: 3\r\n");
	}

	@Test
	void aNameWithASpaceOrAQuoteIsDroppedWithItsContinuation() {
		Sent sent = get("/odd-name", "X Odd: 1", "X\"Q: 2", " folded", "Content-Length: 3");

		// Chromium drops a line whose name is not a token; Netty alone would read "X Odd: 1" as "x: 1".
		sent.assertLoaded("abc");
		assertThat(sent.xhr().getAllResponseHeaders()).isEqualTo("content-length: 3\r\n");
	}

	@Test
	void whitespaceBeforeTheColonIsDropped() {
		Sent sent = get("/space-colon", "X-Sp \t: 1", "Content-Length: 3");

		sent.assertLoaded("abc");
		assertThat(sent.xhr().getResponseHeader("X-Sp")).isEqualTo("1");
	}

	@Test
	void anObsFoldIsJoinedWithASpace() {
		Sent sent = get("/fold", "X-Fold: a", " b", "Content-Length: 3");

		sent.assertLoaded("abc");
		assertThat(sent.xhr().getResponseHeader("X-Fold")).isEqualTo("a b");
	}

	@Test
	void controlCharactersOtherThanNulAreKeptInAValue() {
		Sent sent = get("/ctl", "X-Ctl: a\u0001b\u007fc", "Content-Length: 3");

		sent.assertLoaded("abc");
		assertThat(sent.xhr().getResponseHeader("X-Ctl")).isEqualTo("a\u0001b\u007fc");
	}

	@Test
	void aNulInAValueIsANetworkError() {
		get("/nul", "X-Nul: a\u0000b", "Content-Length: 3").assertNetworkError();
	}

	@Test
	void bareLineFeedsEndLines() {
		raw.server().route("/lf", "HTTP/1.1 200 OK\nContent-Length: 3\nX-A: 1\r\nX-B: 2\n\nabc"
			.getBytes(StandardCharsets.ISO_8859_1));
		Sent sent = ResponseLeniencyTests.get(raw, this.factory, "/lf");

		sent.assertLoaded("abc");
		assertThat(sent.xhr().getAllResponseHeaders()).isEqualTo("content-length: 3\r\nx-a: 1\r\nx-b: 2\r\n");
	}

	@Test
	void emptyLinesBeforeTheStatusLineAreSkipped() {
		raw.server().routeStreaming("/leading", (request, out) -> out
			.write("\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc".getBytes(StandardCharsets.ISO_8859_1)));

		ResponseLeniencyTests.get(raw, this.factory, "/leading").assertLoaded("abc");
	}

}
