package dev.springxhr.xhr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.springxhr.xhr.support.EventRecorder;
import dev.springxhr.xhr.support.RawHttpServer;
import dev.springxhr.xhr.support.XhrTestServer;

/**
 * Checklist §10 (same-origin): status and statusText exactly as sent, getResponseHeader() and
 * getAllResponseHeaders() on exact response bytes from the raw server, Set-Cookie hidden, and when headers are
 * visible at all.
 */
class ResponseAttributesTests {

	@RegisterExtension
	static final XhrTestServer<WireMockServer> wireMock = XhrTestServer.wireMock();

	@RegisterExtension
	static final XhrTestServer<RawHttpServer> raw = XhrTestServer.raw();

	/** Serve {@code response} on {@code path}, GET it and wait for loadend. */
	private XMLHttpRequest getFromRawServer(String path, byte[] response) {
		raw.server().route(path, response);
		XMLHttpRequest xhr = raw.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		xhr.open("GET", path);
		xhr.send();
		rec.awaitLoadend();
		return xhr;
	}

	// ---- status ----------------------------------------------------------------------------------------------

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "404, Nope", "500, Internal Server Error", "699, lowercase", "400, Bad Request" })
	void errorStatusIsNotANetworkErrorAndLoadFires(int status, String reason) {
		raw.server().route("/status/" + status, RawHttpServer.response("HTTP/1.1 " + status + " " + reason, "Oops!!",
				"Content-Length: 6", "Content-Type: text/plain"));
		XMLHttpRequest xhr = raw.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		xhr.open("GET", "/status/" + status);
		xhr.send();
		rec.awaitLoadend();
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.DONE);
		assertThat(xhr.getStatus()).isEqualTo((short) status);
		assertThat(xhr.getStatusText()).isEqualTo(reason);
		assertThat(xhr.getResponseText()).isEqualTo("Oops!!");
		assertThat(xhr.getResponseURL()).isEqualTo(raw.baseUrl() + "/status/" + status);
		assertThat(rec.count("load")).isOne();
		assertThat(rec.count("error")).isZero();
		assertThat(rec.events()).endsWith("rsc(4)", "load(6,6,t)", "loadend(6,6,t)");
	}

	@Test
	void notFoundFromWireMockIsNotAnErrorAndLoadFires() {
		wireMock.server()
			.stubFor(get(urlEqualTo("/status/wiremock-404")).willReturn(aResponse().withStatus(404).withBody("no")));
		XMLHttpRequest xhr = wireMock.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		xhr.open("GET", "/status/wiremock-404");
		xhr.send();
		rec.awaitLoadend();
		assertThat(xhr.getStatus()).isEqualTo((short) 404);
		assertThat(xhr.getResponseText()).isEqualTo("no");
		assertThat(rec.count("load")).isOne();
		assertThat(rec.count("error")).isZero();
	}

	@ParameterizedTest(name = "[{index}] status line \"{0}\" gives statusText \"{1}\"")
	@CsvSource(delimiter = '|', quoteCharacter = '\'', value = { "HTTP/1.1 200 UNICORNSWIN|UNICORNSWIN",
			"HTTP/1.1 699 lowercase|lowercase", "HTTP/1.1 200 Ok|Ok", "HTTP/1.1 201 oK|oK",
			"HTTP/1.1 404 Not Found Here|Not Found Here", "'HTTP/1.1 200 '|''", "HTTP/1.1 200|''",
			"HTTP/1.1 203 OK|OK" })
	void statusTextIsTheReasonPhraseExactlyAsSent(String statusLine, String expected) {
		XMLHttpRequest xhr = getFromRawServer("/status-text/" + Integer.toHexString(statusLine.hashCode()),
				RawHttpServer.response(statusLine, "x", "Content-Length: 1"));
		assertThat(xhr.getStatus()).isEqualTo(Short.parseShort(statusLine.substring(9, 12)));
		assertThat(xhr.getStatusText()).isEqualTo(expected);
	}

	// ---- getResponseHeader() ---------------------------------------------------------------------------------

	@ParameterizedTest(name = "getResponseHeader(\"{0}\")")
	@ValueSource(strings = { "X-Custom-Header", "x-custom-header", "X-CUSTOM-HEADER", "x-CuStOm-HeAdEr" })
	void getResponseHeaderIsCaseInsensitive(String name) {
		XMLHttpRequest xhr = getFromRawServer("/grh/case", RawHttpServer.response("HTTP/1.1 200 OK", "",
				"X-Custom-Header: value", "Content-Length: 0"));
		assertThat(xhr.getResponseHeader(name)).isEqualTo("value");
	}

	@Test
	void getResponseHeaderOfAnAbsentHeaderIsNull() {
		XMLHttpRequest xhr = getFromRawServer("/grh/absent",
				RawHttpServer.response("HTTP/1.1 200 OK", "", "Content-Length: 0"));
		assertThat(xhr.getResponseHeader("X-Absent")).isNull();
		assertThat(xhr.getResponseHeader("Content-Length")).isEqualTo("0");
	}

	@Test
	void getResponseHeaderCombinesDuplicatesWithCommaSpace() {
		XMLHttpRequest xhr = getFromRawServer("/grh/combine", RawHttpServer.response("HTTP/1.1 200 OK", "",
				"foo-test: 1", "FOO-TEST: 2", "Foo-Test: 3", "www-authenticate: 1", "www-authenticate: 2",
				"www-authenticate: 3", "www-authenticate: 4", "Content-Length: 0"));
		assertThat(xhr.getResponseHeader("foo-test")).isEqualTo("1, 2, 3");
		assertThat(xhr.getResponseHeader("WWW-Authenticate")).isEqualTo("1, 2, 3, 4");
	}

	@Test
	void getResponseHeaderKeepsEmptyValuesWhenCombining() {
		XMLHttpRequest xhr = getFromRawServer("/grh/some-empty", RawHttpServer.response("HTTP/1.1 200 OK", "",
				"heya:", "heya: 1", "heya: ", "heya:", "heya: 2", "double-trouble:", "double-trouble:",
				"Content-Length: 0"));
		assertThat(xhr.getResponseHeader("heya")).isEqualTo(", 1, , , 2");
		assertThat(xhr.getResponseHeader("double-trouble")).isEqualTo(", ");
	}

	@Test
	void getResponseHeaderValuesAreTrimmedOfSpacesAndTabsButKeepInnerSpaces() {
		XMLHttpRequest xhr = getFromRawServer("/grh/trim", RawHttpServer.response("HTTP/1.1 200 OK", "",
				"X-Spaces:   hello  world  ", "X-Tabs:\t\thello\tworld\t", "Content-Length: 0"));
		assertThat(xhr.getResponseHeader("X-Spaces")).isEqualTo("hello  world");
		assertThat(xhr.getResponseHeader("X-Tabs")).isEqualTo("hello\tworld");
	}

	@Test
	void setCookieAndSetCookie2AreHidden() {
		XMLHttpRequest xhr = getFromRawServer("/grh/set-cookie", RawHttpServer.response("HTTP/1.1 200 OK", "",
				"Set-Cookie: a=b; Path=/grh/cookie", "set-cookie2: c=d", "X-Visible: yes", "Content-Length: 0"));
		assertThat(xhr.getResponseHeader("Set-Cookie")).isNull();
		assertThat(xhr.getResponseHeader("set-cookie")).isNull();
		assertThat(xhr.getResponseHeader("SET-COOKIE2")).isNull();
		assertThat(xhr.getResponseHeader("X-Visible")).isEqualTo("yes");
		assertThat(xhr.getAllResponseHeaders()).isEqualTo("content-length: 0\r\nx-visible: yes\r\n");
	}

	// ---- getAllResponseHeaders() -----------------------------------------------------------------------------

	@Test
	void getAllResponseHeadersLowerCasesCombinesAndSortsByUpperCasedName() {
		XMLHttpRequest xhr = getFromRawServer("/garh/oracle", RawHttpServer.response("HTTP/1.1 200 OK", "Oracle!",
				"Content-Type: text/plain", "Content-Length: 7", "Foo-Test: 1", "foo-test: 2", "A_b: x", "Ab: y",
				"Set-Cookie: a=b; Path=/cookie/hdr", "Empty:"));
		assertThat(xhr.getAllResponseHeaders()).isEqualTo("ab: y\r\na_b: x\r\ncontent-length: 7\r\n"
				+ "content-type: text/plain\r\nempty: \r\nfoo-test: 1, 2\r\n");
	}

	@Test
	void getAllResponseHeadersCombinesThreeValues() {
		XMLHttpRequest xhr = getFromRawServer("/garh/basic", RawHttpServer.response("HTTP/1.1 200 OK", "",
				"foo-test: 1", "foo-test: 2", "foo-test: 3", "Content-Length: 0"));
		assertThat(xhr.getAllResponseHeaders()).isEqualTo("content-length: 0\r\nfoo-test: 1, 2, 3\r\n");
	}

	@Test
	void getAllResponseHeadersKeepsValueCaseAndInnerSpaces() {
		XMLHttpRequest xhr = getFromRawServer("/garh/values", RawHttpServer.response("HTTP/1.1 200 OK", "",
				"ewok: lego", "Also-Here: Mr. PB", "FOO-TEST: 1", "foo-test: 2", "Content-Length: 0"));
		assertThat(xhr.getAllResponseHeaders())
			.isEqualTo("also-here: Mr. PB\r\ncontent-length: 0\r\newok: lego\r\nfoo-test: 1, 2\r\n");
	}

	@Test
	void getAllResponseHeadersKeepsEmptyValuesAsGetResponseHeaderDoes() {
		XMLHttpRequest xhr = getFromRawServer("/garh/empties", RawHttpServer.response("HTTP/1.1 200 OK", "",
				"heya:", "heya: 1", "heya: ", "heya:", "heya: 2", "Content-Length: 0"));
		String all = xhr.getAllResponseHeaders();
		assertThat(all).isEqualTo("content-length: 0\r\nheya: , 1, , , 2\r\n");
		for (String line : all.split("\r\n")) {
			String name = line.substring(0, line.indexOf(':'));
			assertThat(line).isEqualTo(name + ": " + xhr.getResponseHeader(name));
		}
	}

	@Test
	void getAllResponseHeadersEndsEveryLineWithCrLf() {
		XMLHttpRequest xhr = getFromRawServer("/garh/crlf",
				RawHttpServer.response("HTTP/1.1 200 OK", "", "Content-Length: 0"));
		assertThat(xhr.getAllResponseHeaders()).isEqualTo("content-length: 0\r\n");
	}

	// ---- when headers are visible ----------------------------------------------------------------------------

	@Test
	void headersAreEmptyBeforeHeadersReceivedAndVisibleFromIt() {
		raw.server().route("/visible/when", RawHttpServer.response("HTTP/1.1 200 OK", "body", "X-When: now",
				"Content-Length: 4"));
		XMLHttpRequest xhr = raw.factory().create();
		AtomicReference<String> inLoadstart = new AtomicReference<>();
		AtomicReference<String> inLoadstartHeader = new AtomicReference<>("unset");
		AtomicReference<String> inHeadersReceived = new AtomicReference<>();
		AtomicReference<Short> statusInHeadersReceived = new AtomicReference<>();
		xhr.addEventListener("loadstart", (event) -> {
			inLoadstart.set(xhr.getAllResponseHeaders());
			inLoadstartHeader.set(xhr.getResponseHeader("X-When"));
		});
		xhr.addEventListener("readystatechange", (event) -> {
			if (xhr.getReadyState() == XMLHttpRequest.HEADERS_RECEIVED) {
				inHeadersReceived.set(xhr.getAllResponseHeaders());
				statusInHeadersReceived.set(xhr.getStatus());
			}
		});
		EventRecorder rec = EventRecorder.attach(xhr);
		xhr.open("GET", "/visible/when");
		assertThat(xhr.getAllResponseHeaders()).isEmpty();
		assertThat(xhr.getResponseHeader("X-When")).isNull();
		xhr.send();
		rec.awaitLoadend();
		assertThat(inLoadstart.get()).isEmpty();
		assertThat(inLoadstartHeader.get()).isNull();
		assertThat(inHeadersReceived.get()).isEqualTo("content-length: 4\r\nx-when: now\r\n");
		assertThat(statusInHeadersReceived.get()).isEqualTo((short) 200);
	}

	@Test
	void headersAndStatusAreGoneAfterAbortInDone() {
		XMLHttpRequest xhr = getFromRawServer("/visible/abort-done", RawHttpServer.response("HTTP/1.1 200 OK",
				"body", "X-Abort: done", "Content-Length: 4"));
		assertThat(xhr.getResponseHeader("X-Abort")).isEqualTo("done");
		xhr.abort();
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.UNSENT);
		assertThat(xhr.getAllResponseHeaders()).isEmpty();
		assertThat(xhr.getResponseHeader("X-Abort")).isNull();
		assertThat(xhr.getStatus()).isZero();
		assertThat(xhr.getStatusText()).isEmpty();
		assertThat(xhr.getResponseURL()).isEmpty();
		assertThat(xhr.getResponseText()).isEmpty();
	}

	@Test
	void headersAreGoneAfterAbortInHeadersReceived() {
		raw.server().route("/visible/abort-headers", RawHttpServer.response("HTTP/1.1 200 OK", "body", "X-Abort: early",
				"Content-Length: 4"));
		XMLHttpRequest xhr = raw.factory().create();
		AtomicReference<String> beforeAbort = new AtomicReference<>();
		AtomicReference<String> afterAbort = new AtomicReference<>();
		AtomicReference<String> afterAbortHeader = new AtomicReference<>("unset");
		xhr.addEventListener("readystatechange", (event) -> {
			if (xhr.getReadyState() == XMLHttpRequest.HEADERS_RECEIVED) {
				beforeAbort.set(xhr.getAllResponseHeaders());
				xhr.abort();
				afterAbort.set(xhr.getAllResponseHeaders());
				afterAbortHeader.set(xhr.getResponseHeader("X-Abort"));
			}
		});
		EventRecorder rec = EventRecorder.attach(xhr);
		xhr.open("GET", "/visible/abort-headers");
		xhr.send();
		rec.awaitLoadend();
		assertThat(beforeAbort.get()).isEqualTo("content-length: 4\r\nx-abort: early\r\n");
		assertThat(afterAbort.get()).isEmpty();
		assertThat(afterAbortHeader.get()).isNull();
		assertThat(xhr.getAllResponseHeaders()).isEmpty();
		assertThat(xhr.getStatus()).isZero();
		assertThat(rec.count("abort")).isOne();
	}

	@Test
	void headersAreGoneAfterANetworkErrorDuringTheBody() {
		// Content-Length promises 10 bytes, the server sends 3 and closes: a network error after headers arrived.
		raw.server().route("/visible/truncated", RawHttpServer.response("HTTP/1.1 200 OK", "abc", "X-Truncated: yes",
				"Content-Length: 10", "Connection: close"));
		XMLHttpRequest xhr = raw.factory().create();
		AtomicReference<String> inHeadersReceived = new AtomicReference<>();
		xhr.addEventListener("readystatechange", (event) -> {
			if (xhr.getReadyState() == XMLHttpRequest.HEADERS_RECEIVED) {
				inHeadersReceived.set(xhr.getResponseHeader("X-Truncated"));
			}
		});
		EventRecorder rec = EventRecorder.attach(xhr);
		xhr.open("GET", "/visible/truncated");
		xhr.send();
		rec.awaitLoadend();
		assertThat(inHeadersReceived.get()).isEqualTo("yes");
		assertThat(rec.count("error")).isOne();
		assertThat(rec.count("load")).isZero();
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.DONE);
		assertThat(xhr.getAllResponseHeaders()).isEmpty();
		assertThat(xhr.getResponseHeader("X-Truncated")).isNull();
		assertThat(xhr.getStatus()).isZero();
		assertThat(xhr.getStatusText()).isEmpty();
		assertThat(xhr.getResponseText()).isEmpty();
	}

	@Test
	void responseUrlAndStatusOfAPlainGet() {
		wireMock.server()
			.stubFor(get(urlEqualTo("/plain?x=1")).willReturn(aResponse().withStatus(200).withBody("plain")));
		XMLHttpRequest xhr = wireMock.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		xhr.open("GET", "/plain?x=1");
		xhr.send();
		rec.awaitLoadend();
		assertThat(xhr.getStatus()).isEqualTo((short) 200);
		assertThat(xhr.getStatusText()).isEqualTo("OK");
		assertThat(xhr.getResponseURL()).isEqualTo(wireMock.baseUrl() + "/plain?x=1");
		assertThat(xhr.getResponseText()).isEqualTo("plain");
	}

}
