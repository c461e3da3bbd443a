package dev.springxhr.xhr;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.springxhr.xhr.support.EventRecorder;
import dev.springxhr.xhr.support.RawHttpServer;
import dev.springxhr.xhr.support.XhrTestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Responses that the Fetch standard and browsers accept where Netty, by default, is stricter, on a raw socket:
 * {@link XhrFactory#ofDefaults()} parses them as Chromium does (each case is also a scenario of the leniency oracle
 * fixture, {@code oracle/leniency-scenarios.json}, where the scenario server can send it), and keeps failing what
 * Fetch or RFC 9112 fail. The heads' syntax is in {@link ResponseHeadLeniencyTests}.
 */
class ResponseLeniencyTests {

	@RegisterExtension
	static final XhrTestServer<RawHttpServer> raw = XhrTestServer.raw();

	private final XhrFactory factory = XhrFactory.ofDefaults();

	/** Send a GET to {@code path}, answered with these bytes, and wait for its loadend. */
	static Sent get(XhrFactory factory, String path, byte[] response) {
		raw.server().route(path, response);
		return get(raw, factory, path);
	}

	/** Send a GET to {@code path} of the server, routed already, and wait for its loadend. */
	static Sent get(XhrTestServer<RawHttpServer> server, XhrFactory factory, String path) {
		XMLHttpRequest xhr = factory.create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", server.url(path));
		rec.send();
		rec.awaitLoadend();
		return new Sent(xhr, rec);
	}

	record Sent(XMLHttpRequest xhr, EventRecorder rec) {

		void assertLoaded(String text) {
			assertThat(this.xhr.getStatus()).as("%s", this.rec.events()).isEqualTo((short) 200);
			assertThat(this.xhr.getResponseText()).isEqualTo(text);
		}

		void assertNetworkError() {
			assertThat(this.rec.events()).endsWith("rsc(4)", "error(0,0,f)", "loadend(0,0,f)");
			assertThat(this.xhr.getStatus()).isZero();
			assertThat(this.xhr.getAllResponseHeaders()).isEmpty();
		}

	}

	@Test
	void twoEqualContentLengthHeadersAreOneLengthReportedAsSent() {
		Sent sent = get(this.factory, "/equal", RawHttpServer.response("HTTP/1.1 200 OK", "abc", "Content-Length: 3",
				"Content-Length: 3"));

		// Fetch "extract a length": the values are equal, so the length is 3; the header list keeps both, and
		// getResponseHeader combines them (Chromium: "3, 3").
		assertThat(sent.rec().events()).endsWith("rsc(4)", "load(3,3,t)", "loadend(3,3,t)");
		sent.assertLoaded("abc");
		assertThat(sent.xhr().getResponseHeader("Content-Length")).isEqualTo("3, 3");
		assertThat(sent.xhr().getAllResponseHeaders()).isEqualTo("content-length: 3, 3\r\n");
	}

	@Test
	void aContentLengthListOfEqualValuesIsOneLengthReportedAsSent() {
		Sent sent = get(this.factory, "/list", RawHttpServer.response("HTTP/1.1 200 OK", "abc", "Content-Length: 3, 3"));

		assertThat(sent.rec().events()).endsWith("rsc(4)", "load(3,3,t)", "loadend(3,3,t)");
		sent.assertLoaded("abc");
		assertThat(sent.xhr().getResponseHeader("Content-Length")).isEqualTo("3, 3");
	}

	@Test
	void twoDifferentContentLengthHeadersAreStillANetworkError() {
		// Fetch fails the response too: a length that cannot be told is a request-smuggling risk.
		get(this.factory, "/different", RawHttpServer.response("HTTP/1.1 200 OK", "abc", "Content-Length: 3",
				"Content-Length: 4"))
			.assertNetworkError();
	}

	@Test
	void transferEncodingWithContentLengthIsStillANetworkError() {
		// RFC 9112 §6.3: a client may treat it as an error, and on a pooled connection it is a splitting risk.
		get(this.factory, "/te-cl", RawHttpServer.response("HTTP/1.1 200 OK", "3\r\nabc\r\n0\r\n\r\n",
				"Transfer-Encoding: chunked", "Content-Length: 3"))
			.assertNetworkError();
	}

	@Test
	void contentLengthWithLeadingZerosIsItsNumber() {
		Sent sent = get(this.factory, "/zeros", RawHttpServer.response("HTTP/1.1 200 OK", "abc", "Content-Length: 003"));

		// As in Chromium: 003 is 3, and the header reads as sent.
		assertThat(sent.rec().events()).endsWith("rsc(4)", "load(3,3,t)", "loadend(3,3,t)");
		sent.assertLoaded("abc");
		assertThat(sent.xhr().getResponseHeader("Content-Length")).isEqualTo("003");
	}

	@Test
	void contentLengthWithWhitespaceAroundIsItsNumber() {
		Sent sent = get(this.factory, "/ws", RawHttpServer.response("HTTP/1.1 200 OK", "abc", "Content-Length: \t3  "));

		sent.assertLoaded("abc");
		assertThat(sent.xhr().getResponseHeader("Content-Length")).isEqualTo("3");
	}

	@Test
	void anInvalidContentLengthIsANetworkError() {
		// RFC 9112 §6.3: invalid framing, which a user agent must discard (Chromium reads to the close instead: a
		// known difference, kept as a smuggling guard).
		get(this.factory, "/plus", RawHttpServer.response("HTTP/1.1 200 OK", "abc", "Content-Length: +3",
				"Connection: close"))
			.assertNetworkError();
	}

	@Test
	void anHttp10ResponseWithoutALengthIsReadToTheClose() {
		raw.server().routeStreaming("/http10", (request, out) -> {
			out.write("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nabcdef".getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
		});
		XMLHttpRequest xhr = this.factory.create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", raw.url("/http10"));
		rec.send();
		rec.awaitLoadend();

		assertThat(rec.events()).endsWith("rsc(4)", "load(6,0,f)", "loadend(6,0,f)");
		assertThat(xhr.getResponseText()).isEqualTo("abcdef");
	}

	@Test
	void chunkExtensionsAreIgnoredAndTrailersNotExposed() {
		Sent sent = get(this.factory, "/chunked", RawHttpServer.response("HTTP/1.1 200 OK",
				"3;ext=1;q=\"v\"\r\nabc\r\n2 ; x\r\nde\r\n0\r\nX-Trailer: t\r\n\r\n", "Transfer-Encoding: chunked"));

		// Fetch has no trailers on an XHR response; the chunk extensions are skipped (RFC 9112 §7.1.1).
		sent.assertLoaded("abcde");
		assertThat(sent.xhr().getAllResponseHeaders()).isEqualTo("transfer-encoding: chunked\r\n");
	}

	@Test
	void interimResponsesBeforeTheFinalOneAreIgnored() {
		String interim = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 102 Processing\r\n\r\n"
				+ "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n";
		Sent sent = get(this.factory, "/interim", (interim + "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc")
			.getBytes(StandardCharsets.ISO_8859_1));

		// Fetch §4.6 HTTP-network fetch: 1xx responses other than 101 are ignored; readyState 2 comes with the 200.
		assertThat(sent.rec().events()).containsExactly("rsc(1)", "loadstart(0,0,f)", "rsc(2)", "rsc(3)",
				"progress(3,3,t)", "rsc(4)", "load(3,3,t)", "loadend(3,3,t)");
		sent.assertLoaded("abc");
		assertThat(sent.xhr().getAllResponseHeaders()).isEqualTo("content-length: 3\r\n");
	}

	@Test
	void anInterimResponseAndAHeadInPiecesAreReadAsTheyCome() {
		String[] pieces = { "HTTP/1.1 103 Early Hints\r\n\r\n", "HTTP/1.1 200 OK\r\nContent-Le",
				"ngth: 3\r\n\r\n", "abc" };
		raw.server().routeStreaming("/pieces", (request, out) -> {
			for (String piece : pieces) {
				out.write(piece.getBytes(StandardCharsets.ISO_8859_1));
				out.flush();
				pause(); // each piece in a read of its own (a pause, not a measurement)
			}
		});

		get(raw, this.factory, "/pieces").assertLoaded("abc");
	}

	private static void pause() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void theConnectionIsReusedAfterAResponseWithInterimResponsesAndOddLines() {
		byte[] odd = ("HTTP/1.1 103 Early Hints\nLink: </a>\n\nHTTP/1.1 200 OK\nNo colon\nContent-Length: 3\n"
				+ "Content-Length: 3\n\nabc").getBytes(StandardCharsets.ISO_8859_1);
		int before = raw.server().acceptedConnections();
		for (int i = 0; i < 3; i++) {
			Sent sent = get(this.factory, "/again", odd);
			sent.assertLoaded("abc");
			assertThat(sent.xhr().getResponseHeader("Content-Length")).isEqualTo("3, 3");
		}
		assertThat(raw.server().acceptedConnections() - before).isEqualTo(1);
	}

	@Test
	void aStatusLineWithTrailingSpacesHasAnEmptyStatusText() {
		Sent sent = get(this.factory, "/trailing", RawHttpServer.response("HTTP/1.1 200   ", "abc", "Content-Length: 3"));

		sent.assertLoaded("abc");
		assertThat(sent.xhr().getStatusText()).isEmpty();
	}

	@Test
	void aStatusLineLongerThanNettysDefaultLimitLoads() {
		String reason = "R".repeat(20_000);
		Sent sent = get(this.factory, "/long-status", RawHttpServer.response("HTTP/1.1 200 " + reason, "abc",
				"Content-Length: 3"));

		sent.assertLoaded("abc");
		assertThat(sent.xhr().getStatusText()).isEqualTo(reason);
	}

	@Test
	void headersUpToChromiumsLimitLoad() {
		// Netty's default is 8 KiB of headers; Chromium reads heads of up to 256 KiB.
		String big = "v".repeat(100_000);
		Sent sent = get(this.factory, "/big", RawHttpServer.response("HTTP/1.1 200 OK", "abc", "X-Big: " + big,
				"X-Big-2: " + big, "Content-Length: 3"));

		sent.assertLoaded("abc");
		assertThat(sent.xhr().getResponseHeader("X-Big")).isEqualTo(big);
		assertThat(sent.xhr().getResponseHeader("X-Big-2")).isEqualTo(big);
	}

	@Test
	void aHeadLargerThanChromiumsLimitIsANetworkError() {
		// Chromium: ERR_RESPONSE_HEADERS_TOO_BIG past 256 KiB.
		String big = "v".repeat(70_000);
		get(this.factory, "/too-big", RawHttpServer.response("HTTP/1.1 200 OK", "abc", "X-1: " + big, "X-2: " + big,
				"X-3: " + big, "X-4: " + big, "Content-Length: 3"))
			.assertNetworkError();
	}

	@Test
	void aHeadThatNeverEndsIsANetworkErrorOnceOverTheLimit() {
		raw.server().routeStreaming("/endless", (request, out) -> {
			writeQuietly(out, "HTTP/1.1 200 OK\r\nX-Endless: ");
			for (int i = 0; i < 300; i++) {
				writeQuietly(out, "w".repeat(1024));
			}
		});
		XMLHttpRequest xhr = this.factory.create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", raw.url("/endless"));
		rec.send();
		rec.awaitLoadend();

		assertThat(rec.events()).endsWith("rsc(4)", "error(0,0,f)", "loadend(0,0,f)");
	}

	private static void writeQuietly(OutputStream out, String text) {
		try {
			out.write(text.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
		}
		catch (java.io.IOException ex) {
			// the client closed the connection once the head was too large
		}
	}

}
