package dev.springxhr.xhr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.support.EventLog;
import dev.springxhr.xhr.support.RawHttpServer;

/**
 * Checklist §10 (same-origin): status and statusText exactly as sent, getResponseHeader() and
 * getAllResponseHeaders() on exact response bytes from the raw server, Set-Cookie hidden, and when headers are
 * visible at all.
 */
class ResponseAttributesTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static final RawHttpServer raw = new RawHttpServer();

	private XhrFactory factory;

	private XhrFactory rawFactory;

	@BeforeEach
	void createFactories() {
		this.factory = XhrFactory.of(WebClient.builder(),
				XhrSettings.defaults().withBaseUrl(URI.create(server.baseUrl() + "/")));
		this.rawFactory = XhrFactory.of(WebClient.builder(),
				XhrSettings.defaults().withBaseUrl(URI.create(raw.baseUrl() + "/")));
	}

	/** Serve {@code response} on {@code path}, GET it and wait for loadend. */
	private XMLHttpRequest getFromRawServer(String path, byte[] response) {
		raw.route(path, response);
		XMLHttpRequest xhr = this.rawFactory.create();
		EventLog log = EventLog.attach(xhr);
		xhr.open("GET", path);
		xhr.send();
		log.awaitLoadend();
		return xhr;
	}

	// ---- status ----------------------------------------------------------------------------------------------

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "404, Nope", "500, Internal Server Error", "699, lowercase", "400, Bad Request" })
	void errorStatusIsNotANetworkErrorAndLoadFires(int status, String reason) {
		raw.route("/status/" + status, RawHttpServer.response("HTTP/1.1 " + status + " " + reason, "Oops!!",
				"Content-Length: 6", "Content-Type: text/plain"));
		XMLHttpRequest xhr = this.rawFactory.create();
		EventLog log = EventLog.attach(xhr);
		xhr.open("GET", "/status/" + status);
		xhr.send();
		log.awaitLoadend();
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.DONE);
		assertThat(xhr.getStatus()).isEqualTo((short) status);
		assertThat(xhr.getStatusText()).isEqualTo(reason);
		assertThat(xhr.getResponseText()).isEqualTo("Oops!!");
		assertThat(xhr.getResponseURL()).isEqualTo(raw.baseUrl() + "/status/" + status);
		assertThat(log.count("load")).isOne();
		assertThat(log.count("error")).isZero();
		assertThat(log.entries()).endsWith("readystatechange(4)", "load", "loadend");
	}

	@Test
	void notFoundFromWireMockIsNotAnErrorAndLoadFires() {
		server.stubFor(get(urlEqualTo("/status/wiremock-404")).willReturn(aResponse().withStatus(404).withBody("no")));
		XMLHttpRequest xhr = this.factory.create();
		EventLog log = EventLog.attach(xhr);
		xhr.open("GET", "/status/wiremock-404");
		xhr.send();
		log.awaitLoadend();
		assertThat(xhr.getStatus()).isEqualTo((short) 404);
		assertThat(xhr.getResponseText()).isEqualTo("no");
		assertThat(log.count("load")).isOne();
		assertThat(log.count("error")).isZero();
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
		raw.route("/visible/when", RawHttpServer.response("HTTP/1.1 200 OK", "body", "X-When: now",
				"Content-Length: 4"));
		XMLHttpRequest xhr = this.rawFactory.create();
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
		EventLog log = EventLog.attach(xhr);
		xhr.open("GET", "/visible/when");
		assertThat(xhr.getAllResponseHeaders()).isEmpty();
		assertThat(xhr.getResponseHeader("X-When")).isNull();
		xhr.send();
		log.awaitLoadend();
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
		raw.route("/visible/abort-headers", RawHttpServer.response("HTTP/1.1 200 OK", "body", "X-Abort: early",
				"Content-Length: 4"));
		XMLHttpRequest xhr = this.rawFactory.create();
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
		EventLog log = EventLog.attach(xhr);
		xhr.open("GET", "/visible/abort-headers");
		xhr.send();
		log.awaitLoadend();
		assertThat(beforeAbort.get()).isEqualTo("content-length: 4\r\nx-abort: early\r\n");
		assertThat(afterAbort.get()).isEmpty();
		assertThat(afterAbortHeader.get()).isNull();
		assertThat(xhr.getAllResponseHeaders()).isEmpty();
		assertThat(xhr.getStatus()).isZero();
		assertThat(log.count("abort")).isOne();
	}

	@Test
	void headersAreGoneAfterANetworkErrorDuringTheBody() {
		// Content-Length promises 10 bytes, the server sends 3 and closes: a network error after headers arrived.
		raw.route("/visible/truncated", RawHttpServer.response("HTTP/1.1 200 OK", "abc", "X-Truncated: yes",
				"Content-Length: 10", "Connection: close"));
		XMLHttpRequest xhr = this.rawFactory.create();
		AtomicReference<String> inHeadersReceived = new AtomicReference<>();
		xhr.addEventListener("readystatechange", (event) -> {
			if (xhr.getReadyState() == XMLHttpRequest.HEADERS_RECEIVED) {
				inHeadersReceived.set(xhr.getResponseHeader("X-Truncated"));
			}
		});
		EventLog log = EventLog.attach(xhr);
		xhr.open("GET", "/visible/truncated");
		xhr.send();
		log.awaitLoadend();
		assertThat(inHeadersReceived.get()).isEqualTo("yes");
		assertThat(log.count("error")).isOne();
		assertThat(log.count("load")).isZero();
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.DONE);
		assertThat(xhr.getAllResponseHeaders()).isEmpty();
		assertThat(xhr.getResponseHeader("X-Truncated")).isNull();
		assertThat(xhr.getStatus()).isZero();
		assertThat(xhr.getStatusText()).isEmpty();
		assertThat(xhr.getResponseText()).isEmpty();
	}

	@Test
	void responseUrlAndStatusOfAPlainGet() {
		server.stubFor(get(urlEqualTo("/plain?x=1")).willReturn(aResponse().withStatus(200).withBody("plain")));
		XMLHttpRequest xhr = this.factory.create();
		EventLog log = EventLog.attach(xhr);
		xhr.open("GET", "/plain?x=1");
		xhr.send();
		log.awaitLoadend();
		assertThat(xhr.getStatus()).isEqualTo((short) 200);
		assertThat(xhr.getStatusText()).isEqualTo("OK");
		assertThat(xhr.getResponseURL()).isEqualTo(server.baseUrl() + "/plain?x=1");
		assertThat(xhr.getResponseText()).isEqualTo("plain");
	}

}
