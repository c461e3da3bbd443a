package dev.springxhr.xhr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.springxhr.xhr.support.DomExceptionAssert.assertThrowsDomException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.springxhr.xhr.support.EventRecorder;
import dev.springxhr.xhr.support.RawHttpServer;
import dev.springxhr.xhr.support.RawHttpServer.RawRequest;
import dev.springxhr.xhr.support.XhrTestServer;

/**
 * Checklist §3: {@code setRequestHeader()} — state errors, name and value validation, normalization, combining,
 * and forbidden request-headers; what arrives is checked on the server (exact bytes on the raw server).
 */
class SetRequestHeaderTests {

	private static final String SENTINEL = "author-value-must-not-be-sent";

	@RegisterExtension
	static final XhrTestServer<WireMockServer> wireMock = XhrTestServer.wireMock();

	@RegisterExtension
	static final XhrTestServer<RawHttpServer> raw = XhrTestServer.raw();

	/** Send a GET with the given headers to the raw server and return the request it received. */
	private RawRequest sendToRawServer(String path, String... namesAndValues) {
		raw.server().route(path, RawHttpServer.response("HTTP/1.1 200 OK", "ok", "Content-Length: 2"));
		XMLHttpRequest xhr = raw.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		xhr.open("GET", path);
		for (int i = 0; i < namesAndValues.length; i += 2) {
			xhr.setRequestHeader(namesAndValues[i], namesAndValues[i + 1]);
		}
		xhr.send();
		rec.awaitLoadend();
		assertThat(xhr.getStatus()).isEqualTo((short) 200);
		List<RawRequest> received = raw.server().requestsTo(path);
		assertThat(received).hasSize(1);
		return received.get(0);
	}

	/** Send a GET with one header to WireMock and return the request it received. */
	private LoggedRequest sendToWireMock(String path, String name, String value) {
		wireMock.server().stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
		XMLHttpRequest xhr = wireMock.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		xhr.open("GET", path);
		xhr.setRequestHeader(name, value);
		xhr.send();
		rec.awaitLoadend();
		assertThat(xhr.getStatus()).isEqualTo((short) 200);
		List<LoggedRequest> received = wireMock.server().findAll(getRequestedFor(urlEqualTo(path)));
		assertThat(received).hasSize(1);
		return received.get(0);
	}

	// ---- state --------------------------------------------------------------------------------------------------

	@Test
	void setRequestHeaderInUnsentThrowsInvalidStateError() {
		XMLHttpRequest xhr = wireMock.factory().create();
		assertThrowsDomException("InvalidStateError", () -> xhr.setRequestHeader("X-Early", "1"));
	}

	@Test
	void setRequestHeaderAfterSendThrowsInvalidStateErrorAndTheHeaderIsNotSent() {
		wireMock.server().stubFor(get(urlEqualTo("/srh/after-send")).willReturn(aResponse().withStatus(200)));
		XMLHttpRequest xhr = wireMock.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		xhr.open("GET", "/srh/after-send");
		xhr.send();
		assertThrowsDomException("InvalidStateError", () -> xhr.setRequestHeader("X-Late", "1"));
		rec.awaitLoadend();
		assertThrowsDomException("InvalidStateError", () -> xhr.setRequestHeader("X-Late", "2"));
		wireMock.server().verify(1, getRequestedFor(urlEqualTo("/srh/after-send")).withHeader("X-Late", absent()));
	}

	@Test
	void setRequestHeaderAfterSendThrowsInvalidStateErrorEvenForAnInvalidName() {
		wireMock.server().stubFor(get(urlEqualTo("/srh/state-first")).willReturn(aResponse().withStatus(200)));
		XMLHttpRequest xhr = wireMock.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		xhr.open("GET", "/srh/state-first");
		xhr.send();
		// Step 1/2 (state) come before step 4 (syntax).
		assertThrowsDomException("InvalidStateError", () -> xhr.setRequestHeader("bad name", "x"));
		rec.awaitLoadend();
	}

	@Test
	void setRequestHeaderWithNonLatin1NameThrowsIllegalArgumentExceptionEvenInUnsent() {
		XMLHttpRequest xhr = wireMock.factory().create();
		// The ByteString conversion (a TypeError) happens before the method's own state check.
		assertThatIllegalArgumentException().isThrownBy(() -> xhr.setRequestHeader("\uFF83\uFF7D\uFF84", "x"));
	}

	// ---- validation ---------------------------------------------------------------------------------------------

	static Stream<String> bogusNames() {
		List<String> names = new ArrayList<>(List.of("(", ")", "<", ">", "@", ",", ";", ":", "\\", "\"", "/", "[",
				"]", "?", "=", "{", "}", " ", "\u007f", "", "t\rt", "t\nt", "t: t", "t:t", "t<t", "t t", " tt", ":tt",
				"\ttt", "\u000btt", "t\u0000t", "t\"t", "t,t", "t;t", "()[]{}", "a?B", "a=B", "\u00e9", "X-\u00ff"));
		for (char c = 0; c < 32; c++) {
			names.add(String.valueOf(c));
		}
		return names.stream();
	}

	@ParameterizedTest(name = "[{index}] name {0}")
	@MethodSource("bogusNames")
	void setRequestHeaderWithBogusNameThrowsSyntaxError(String name) {
		XMLHttpRequest xhr = wireMock.factory().create();
		xhr.open("GET", "/srh/bogus-name");
		assertThrowsDomException("SyntaxError", () -> xhr.setRequestHeader(name, "x"));
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.OPENED);
	}

	@ParameterizedTest(name = "[{index}] value {0}")
	@ValueSource(strings = { "t\u0000t", "t\rt", "t\nt", "a\r\nX-Injected: 1" })
	void setRequestHeaderWithNulCrOrLfInsideTheValueThrowsSyntaxError(String value) {
		XMLHttpRequest xhr = wireMock.factory().create();
		xhr.open("GET", "/srh/bogus-value");
		assertThrowsDomException("SyntaxError", () -> xhr.setRequestHeader("X-Test", value));
	}

	@ParameterizedTest(name = "name {0}")
	@ValueSource(strings = { "\uFF83\uFF7D\uFF84", "X-\uFF83\uFF7D\uFF84", "X-\u0100" })
	void setRequestHeaderWithNonLatin1NameThrowsIllegalArgumentException(String name) {
		XMLHttpRequest xhr = wireMock.factory().create();
		xhr.open("GET", "/srh/non-latin1");
		assertThatIllegalArgumentException().isThrownBy(() -> xhr.setRequestHeader(name, "x"));
	}

	@ParameterizedTest(name = "value {0}")
	@ValueSource(strings = { "\uFF83\uFF7D\uFF84", "caf\u00e9 \u20ac" })
	void setRequestHeaderWithNonLatin1ValueThrowsIllegalArgumentException(String value) {
		XMLHttpRequest xhr = wireMock.factory().create();
		xhr.open("GET", "/srh/non-latin1-value");
		assertThatIllegalArgumentException().isThrownBy(() -> xhr.setRequestHeader("X-Test", value));
	}

	@Test
	void setRequestHeaderWithLatin1ValueSendsItsBytes() {
		RawRequest request = sendToRawServer("/srh/latin1-value", "X-Latin1", "caf\u00e9");
		assertThat(request.headerLinesNamed("X-Latin1")).containsExactly("X-Latin1: caf\u00e9");
	}

	// ---- normalization and combining ----------------------------------------------------------------------------

	@Test
	void setRequestHeaderWithEmptyValueSendsAnEmptyHeader() {
		RawRequest request = sendToRawServer("/srh/empty", "X-Empty", "");
		assertThat(request.headerValues("X-Empty")).containsExactly("");
	}

	@Test
	void setRequestHeaderTrimsLeadingAndTrailingWhitespaceAndKeepsInnerWhitespace() {
		RawRequest request = sendToRawServer("/srh/trim", "X-Trim", " \t hello \t  world\t ", "X-Edges",
				"\r\n value \n");
		assertThat(request.headerLinesNamed("X-Trim")).containsExactly("X-Trim: hello \t  world");
		assertThat(request.headerLinesNamed("X-Edges")).containsExactly("X-Edges: value");
	}

	@Test
	void setRequestHeaderTwiceSendsOneCombinedHeaderWithTheFirstCasing() {
		RawRequest request = sendToRawServer("/srh/combine", "X-Test", "one", "x-test", "two");
		assertThat(request.headerLinesNamed("X-Test")).containsExactly("X-Test: one, two");
	}

	@Test
	void setRequestHeaderCombinesEmptyValuesAsTheWptTestExpects() {
		RawRequest request = sendToRawServer("/srh/combine-empty", "test-me", "", "test-me", "", "test-me", " ",
				"test-me", "x\tx", "test-me", "");
		assertThat(request.headerLinesNamed("test-me")).containsExactly("test-me: , , , x\tx, ");
	}

	@Test
	void setRequestHeaderCombinesContentTypeCaseInsensitively() {
		RawRequest request = sendToRawServer("/srh/combine-content-type", "content-type", "text/plain",
				"Content-Type", "text/x-second");
		assertThat(request.headerLinesNamed("Content-Type")).containsExactly("content-type: text/plain, text/x-second");
	}

	@Test
	void setRequestHeaderCombiningKeepsThePositionOfTheFirstCall() {
		RawRequest request = sendToRawServer("/srh/position", "X-First", "1", "X-Second", "2", "x-first", "3");
		List<String> names = request.headerNames();
		assertThat(request.headerLinesNamed("X-First")).containsExactly("X-First: 1, 3");
		assertThat(names.indexOf("X-First")).isLessThan(names.indexOf("X-Second"));
	}

	// ---- forbidden and allowed headers --------------------------------------------------------------------------

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "Accept-Charset", "Accept-Encoding", "Access-Control-Request-Headers",
			"Access-Control-Request-Method", "Connection", "Content-Length", "Cookie", "Cookie2", "Date", "DNT",
			"Expect", "Host", "Keep-Alive", "Origin", "Referer", "Set-Cookie", "TE", "Trailer", "Transfer-Encoding",
			"Upgrade", "Via", "cOOkie", "HOST", "content-length", "Proxy-", "Proxy-Authorization", "proxy-foo",
			"Sec-", "Sec-Fetch-Mode", "sec-foo" })
	void forbiddenRequestHeaderIsSilentlyNotSent(String name) {
		LoggedRequest request = sendToWireMock("/srh/forbidden", name, SENTINEL);
		assertThat(request.getHeaders().all()).flatExtracting(HttpHeader::values).doesNotContain(SENTINEL);
		assertThat(request.getHeaders().all()).extracting(HttpHeader::key)
			.filteredOn((key) -> key.equalsIgnoreCase(name))
			.as("the client may send its own %s, but never the author's", name)
			.allSatisfy((key) -> assertThat(request.getHeader(key)).isNotEqualTo(SENTINEL));
	}

	@Test
	void forbiddenRequestHeadersAreNotSentAlsoWhenSetTogether() {
		wireMock.server().stubFor(get(urlEqualTo("/srh/forbidden-all")).willReturn(aResponse().withStatus(200)));
		XMLHttpRequest xhr = wireMock.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		xhr.open("GET", "/srh/forbidden-all");
		for (String name : List.of("Cookie", "Cookie2", "DNT", "Referer", "Origin", "Via", "Date", "Keep-Alive",
				"Accept-Charset", "Sec-Foo", "Proxy-Foo", "Set-Cookie")) {
			xhr.setRequestHeader(name, "1");
		}
		xhr.send();
		rec.awaitLoadend();
		wireMock.server().verify(1, getRequestedFor(urlEqualTo("/srh/forbidden-all")).withHeader("Cookie", absent())
			.withHeader("Cookie2", absent())
			.withHeader("DNT", absent())
			.withHeader("Referer", absent())
			.withHeader("Origin", absent())
			.withHeader("Via", absent())
			.withHeader("Date", absent())
			.withHeader("Keep-Alive", absent())
			.withHeader("Accept-Charset", absent())
			.withHeader("Sec-Foo", absent())
			.withHeader("Proxy-Foo", absent())
			.withHeader("Set-Cookie", absent()));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', value = { "X-HTTP-Method-Override|TRACE", "X-HTTP-Method|track",
			"X-Method-Override|connect", "x-http-method-override|GET, TRACE", "X-HTTP-Method-Override|  TrAcK  ",
			"X-Method-Override|PUT,CONNECT" })
	void methodOverrideHeaderWithAForbiddenMethodIsSilentlyNotSent(String name, String value) {
		LoggedRequest request = sendToWireMock("/srh/method-override-forbidden", name, value);
		assertThat(request.containsHeader(name)).isFalse();
	}

	@Test
	void methodOverrideHeaderWithAnAllowedMethodIsSent() {
		LoggedRequest request = sendToWireMock("/srh/method-override-put", "X-HTTP-Method-Override", "PUT");
		assertThat(request.getHeader("X-HTTP-Method-Override")).isEqualTo("PUT");
	}

	@Test
	void userAgentAuthorizationAndContentTypeAreSent() {
		RawRequest request = sendToRawServer("/srh/allowed", "User-Agent", "my-agent/1", "Authorization",
				"Bearer t0k", "Content-Type", "application/x-test");
		assertThat(request.headerValues("User-Agent")).containsExactly("my-agent/1");
		assertThat(request.headerValues("Authorization")).containsExactly("Bearer t0k");
		assertThat(request.headerValues("Content-Type")).containsExactly("application/x-test");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "Authorization", "Pragma", "User-Agent", "Content-Transfer-Encoding", "Content-Type",
			"Overwrite", "If", "Status-URI", "X-Pink-Unicorn" })
	void allowedHeaderSetTwiceArrivesCombined(String name) {
		RawRequest request = sendToRawServer("/srh/allowed-twice/" + name, name, "t1", name, "t2");
		assertThat(request.headerValues(name)).containsExactly("t1, t2");
	}

}
