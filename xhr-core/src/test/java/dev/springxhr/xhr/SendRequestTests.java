package dev.springxhr.xhr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.springxhr.xhr.support.DomExceptionAssert.assertThrowsDomException;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.springxhr.xhr.support.EventRecorder;
import dev.springxhr.xhr.support.RawHttpServer;
import dev.springxhr.xhr.support.RawHttpServer.RawRequest;
import dev.springxhr.xhr.support.XhrTestServer;

/**
 * Checklist §7: the state checks of {@code send()} and what reaches the server — Content-Length, Content-Type,
 * body bytes, and the headers the fetch layer adds (Accept, User-Agent).
 */
class SendRequestTests {

	@RegisterExtension
	static final XhrTestServer<WireMockServer> wireMock = XhrTestServer.wireMock();

	@RegisterExtension
	static final XhrTestServer<RawHttpServer> raw = XhrTestServer.raw();

	/** Send to WireMock (any method) and return the one request it received on that path. */
	private LoggedRequest sendToWireMock(String method, String path, @Nullable Object body, String... headers) {
		wireMock.server().stubFor(any(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200).withBody("ok")));
		XMLHttpRequest xhr = wireMock.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		xhr.open(method, path);
		for (int i = 0; i < headers.length; i += 2) {
			xhr.setRequestHeader(headers[i], headers[i + 1]);
		}
		xhr.send(body);
		rec.awaitLoadend();
		assertThat(xhr.getStatus()).isEqualTo((short) 200);
		List<LoggedRequest> received = wireMock.server().findAll(anyRequestedFor(urlPathEqualTo(path)));
		assertThat(received).hasSize(1);
		return received.get(0);
	}

	/** Send to the raw server and return the request exactly as it arrived. */
	private RawRequest sendToRawServer(XhrFactory factory, String method, String path, @Nullable Object body,
			String... headers) {
		raw.server().route(path, RawHttpServer.response("HTTP/1.1 200 OK", "ok", "Content-Length: 2"));
		XMLHttpRequest xhr = factory.create();
		EventRecorder rec = EventRecorder.attach(xhr);
		xhr.open(method, path);
		for (int i = 0; i < headers.length; i += 2) {
			xhr.setRequestHeader(headers[i], headers[i + 1]);
		}
		xhr.send(body);
		rec.awaitLoadend();
		assertThat(xhr.getStatus()).isEqualTo((short) 200);
		List<RawRequest> received = raw.server().requestsTo(path);
		assertThat(received).hasSize(1);
		return received.get(0);
	}

	// ---- state --------------------------------------------------------------------------------------------------

	@Test
	void sendTwiceThrowsInvalidStateErrorAndSendsOneRequest() {
		wireMock.server().stubFor(get(urlEqualTo("/send/twice")).willReturn(aResponse().withStatus(200)));
		XMLHttpRequest xhr = wireMock.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		xhr.open("GET", "/send/twice");
		xhr.send();
		assertThrowsDomException("InvalidStateError", xhr::send);
		assertThrowsDomException("InvalidStateError", () -> xhr.send("again"));
		rec.awaitLoadend();
		assertThat(rec.count("loadstart")).isOne();
		assertThat(rec.count("loadend")).isOne();
		wireMock.server().verify(1, getRequestedFor(urlEqualTo("/send/twice")));
	}

	@Test
	void sendAfterDoneWithoutOpenThrowsInvalidStateError() {
		wireMock.server().stubFor(get(urlEqualTo("/send/after-done")).willReturn(aResponse().withStatus(200)));
		XMLHttpRequest xhr = wireMock.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		xhr.open("GET", "/send/after-done");
		xhr.send();
		rec.awaitLoadend();
		assertThrowsDomException("InvalidStateError", xhr::send);
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.DONE);
		wireMock.server().verify(1, getRequestedFor(urlEqualTo("/send/after-done")));
	}

	// ---- Content-Length and bodies --------------------------------------------------------------------------

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "POST", "PUT", "post" })
	void sendWithoutBodyForPostAndPutSendsContentLengthZero(String method) {
		LoggedRequest request = sendToWireMock(method, "/send/null-body/" + method, null);
		assertThat(request.getHeader("Content-Length")).isEqualTo("0");
		assertThat(request.containsHeader("Content-Type")).isFalse();
		assertThat(request.getBody()).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "DELETE", "OPTIONS", "pAtCh" })
	void sendWithoutBodyForOtherMethodsSendsNoContentLength(String method) {
		RawRequest request = sendToRawServer(raw.factory(), method, "/send/no-content-length/" + method, null);
		assertThat(request.method()).isEqualTo(method);
		assertThat(request.headerLinesNamed("Content-Length")).isEmpty();
		assertThat(request.headerLinesNamed("Transfer-Encoding")).isEmpty();
		assertThat(request.headerLinesNamed("Content-Type")).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "GET", "HEAD", "get", "head" })
	void sendWithBodyForGetAndHeadSendsNoBodyAndNoUploadEvents(String method) {
		raw.server().route("/send/get-head-body/" + method,
				RawHttpServer.response("HTTP/1.1 200 OK", "", "Content-Length: 0"));
		XMLHttpRequest xhr = raw.factory().create();
		EventRecorder rec = EventRecorder.attachWithUpload(xhr);
		xhr.open(method, "/send/get-head-body/" + method);
		xhr.send("TEST");
		rec.awaitLoadend();
		assertThat(raw.server().requestsTo("/send/get-head-body/" + method)).singleElement().satisfies((request) -> {
			assertThat(request.method()).isEqualTo(method.toUpperCase());
			assertThat(request.headerLinesNamed("Content-Length")).isEmpty();
			assertThat(request.headerLinesNamed("Transfer-Encoding")).isEmpty();
			assertThat(request.headerLinesNamed("Content-Type")).isEmpty();
			assertThat(request.body()).isEmpty();
		});
		assertThat(rec.events()).noneMatch((event) -> event.startsWith("u."));
	}

	@Test
	void sendWithStringBodySendsUtf8BytesAsTextPlainUtf8() {
		String text = "h\u00e9llo w\u00f6rld \u20ac \u2713";
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
		LoggedRequest request = sendToWireMock("POST", "/send/string", text);
		assertThat(request.getHeader("Content-Type")).isEqualTo("text/plain;charset=UTF-8");
		assertThat(request.getHeader("Content-Length")).isEqualTo(Integer.toString(utf8.length));
		assertThat(request.getBody()).isEqualTo(utf8);
	}

	@Test
	void sendWithStringBodyReplacesLoneSurrogatesWithReplacementCharacter() {
		LoggedRequest request = sendToWireMock("POST", "/send/lone-surrogate", "a\uD800b\uDC00");
		assertThat(request.getBody()).containsExactly(0x61, 0xEF, 0xBF, 0xBD, 0x62, 0xEF, 0xBF, 0xBD);
	}

	@Test
	void sendWithOtherObjectSendsItsToStringAsText() {
		LoggedRequest request = sendToWireMock("POST", "/send/to-string", new StringBuilder("from toString"));
		assertThat(request.getHeader("Content-Type")).isEqualTo("text/plain;charset=UTF-8");
		assertThat(request.getBodyAsString()).isEqualTo("from toString");
	}

	@Test
	void sendWithByteArrayBodySendsTheBytesWithoutContentType() {
		byte[] bytes = { 0x00, (byte) 0xFF, 0x10, 0x7F };
		LoggedRequest request = sendToWireMock("POST", "/send/bytes", bytes);
		assertThat(request.containsHeader("Content-Type")).isFalse();
		assertThat(request.getHeader("Content-Length")).isEqualTo("4");
		assertThat(request.getBody()).isEqualTo(new byte[] { 0x00, (byte) 0xFF, 0x10, 0x7F });
	}

	@Test
	void sendWithByteArrayBodySendsTheBytesAsTheyWereWhenSendWasCalled() {
		wireMock.server().stubFor(any(urlEqualTo("/send/bytes-copied")).willReturn(aResponse().withStatus(200)));
		byte[] bytes = { 1, 2, 3 };
		XMLHttpRequest xhr = wireMock.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		xhr.open("POST", "/send/bytes-copied");
		xhr.send(bytes);
		bytes[0] = 9;
		rec.awaitLoadend();
		wireMock.server().verify(1, postRequestedFor(urlEqualTo("/send/bytes-copied"))
			.withRequestBody(binaryEqualTo(new byte[] { 1, 2, 3 })));
	}

	@Test
	void sendWithByteBufferSendsTheRemainingBytesWithoutConsumingTheBuffer() {
		ByteBuffer buffer = ByteBuffer.wrap(new byte[] { 0, 1, 2, 3, 4, 5, 6, 7 });
		buffer.position(2).limit(6);
		LoggedRequest request = sendToWireMock("PUT", "/send/byte-buffer", buffer);
		assertThat(request.containsHeader("Content-Type")).isFalse();
		assertThat(request.getHeader("Content-Length")).isEqualTo("4");
		assertThat(request.getBody()).containsExactly(2, 3, 4, 5);
		assertThat(buffer.position()).isEqualTo(2);
		assertThat(buffer.limit()).isEqualTo(6);
	}

	@Test
	void sendWithDirectByteBufferSendsTheRemainingBytes() {
		ByteBuffer buffer = ByteBuffer.allocateDirect(5).put(new byte[] { 10, 11, 12, 13, 14 });
		buffer.flip().position(1);
		LoggedRequest request = sendToWireMock("POST", "/send/direct-byte-buffer", buffer);
		assertThat(request.getBody()).containsExactly(11, 12, 13, 14);
		assertThat(buffer.remaining()).isEqualTo(4);
	}

	@Test
	void sendWithEmptyStringBodySendsContentLengthZeroAndTextPlain() {
		LoggedRequest request = sendToWireMock("POST", "/send/empty-string", "");
		assertThat(request.getHeader("Content-Length")).isEqualTo("0");
		assertThat(request.getHeader("Content-Type")).isEqualTo("text/plain;charset=UTF-8");
	}

	// ---- Content-Type ---------------------------------------------------------------------------------------

	@Test
	void sendWithStringBodyKeepsTheAuthorContentType() {
		LoggedRequest request = sendToWireMock("POST", "/send/author-content-type", "{}", "Content-Type",
				"application/x-pony");
		assertThat(request.header("Content-Type").values()).containsExactly("application/x-pony");
	}

	@Test
	void sendWithByteArrayBodyKeepsTheAuthorContentTypeUnchanged() {
		LoggedRequest request = sendToWireMock("POST", "/send/author-content-type-bytes", new byte[] { 1 },
				"Content-Type", "application/xml;charset=ASCII");
		assertThat(request.header("Content-Type").values()).containsExactly("application/xml;charset=ASCII");
	}

	@Test
	void sendWithEmptyAuthorContentTypeSendsItEmpty() {
		RawRequest request = sendToRawServer(raw.factory(), "POST", "/send/empty-content-type", "TEST",
				"Content-Type", "");
		assertThat(request.headerValues("Content-Type")).containsExactly("");
		assertThat(request.body()).isEqualTo("TEST".getBytes(StandardCharsets.UTF_8));
	}

	@ParameterizedTest(name = "[{index}] \"{0}\" is sent as \"{1}\"")
	@CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
			"text; charset=ascii|text; charset=ascii",
			"charset=ascii|charset=ascii",
			"charset=bogus|charset=bogus",
			"text/plain;charset=utf-8|text/plain;charset=utf-8",
			"text/x-pink-unicorn|text/x-pink-unicorn",
			"text/plain|text/plain",
			"text/plain;  hi=bye|text/plain;  hi=bye",
			"text/x-thepiano;charset= waddup|text/x-thepiano;charset=UTF-8",
			"text/plain;charset=utf-8;charset=waddup|text/plain;charset=utf-8;charset=waddup",
			"text/plain;charset=shift-jis|text/plain;charset=UTF-8",
			"text/x-pink-unicorn; charset=windows-1252; charset=bogus; notrelated; charset=ascii"
					+ "|text/x-pink-unicorn;charset=UTF-8",
			"text/plain;charset= utf-8|text/plain;charset=UTF-8",
			"text/plain;charset=\"utf-8\"|text/plain;charset=\"utf-8\"",
			"YO/yo;charset=x;yo=YO; X=y|yo/yo;charset=UTF-8;yo=YO;x=y" })
	void sendWithStringBodyRewritesANonUtf8CharsetOfTheAuthorContentType(String authorValue, String expected) {
		RawRequest request = sendToRawServer(raw.factory(), "POST",
				"/send/content-type-charset/" + Integer.toHexString(authorValue.hashCode()), "TEST", "Content-Type",
				authorValue);
		assertThat(request.headerValues("Content-Type")).containsExactly(expected);
	}

	// ---- headers added by the fetch layer -------------------------------------------------------------------

	@Test
	void sendAddsAcceptAnyWhenTheAuthorSetsNoAccept() {
		RawRequest request = sendToRawServer(raw.factory(), "GET", "/send/accept-default", null);
		assertThat(request.headerValues("Accept")).containsExactly("*/*");
	}

	@Test
	void sendKeepsTheAuthorAcceptAlone() {
		RawRequest request = sendToRawServer(raw.factory(), "GET", "/send/accept-author", null, "Accept",
				"application/json");
		assertThat(request.headerValues("Accept")).containsExactly("application/json");
	}

	@Test
	void sendUsesTheSettingsUserAgentWhenTheAuthorSetsNone() {
		XhrFactory withAgent = raw.newFactory((settings) -> settings.withUserAgent("spring-xhr-test/1"));
		RawRequest request = sendToRawServer(withAgent, "GET", "/send/user-agent-settings", null);
		assertThat(request.headerValues("User-Agent")).containsExactly("spring-xhr-test/1");
	}

	@Test
	void sendUsesTheAuthorUserAgentOverTheSettingsOne() {
		XhrFactory withAgent = raw.newFactory((settings) -> settings.withUserAgent("spring-xhr-test/1"));
		RawRequest request = sendToRawServer(withAgent, "GET", "/send/user-agent-author", null, "User-Agent",
				"author-agent/2");
		assertThat(request.headerValues("User-Agent")).containsExactly("author-agent/2");
	}

	@Test
	void sendWithoutOriginSettingSendsNoOriginForGet() {
		LoggedRequest request = sendToWireMock("GET", "/send/no-origin", null);
		assertThat(request.containsHeader("Origin")).isFalse();
		wireMock.server().verify(1, getRequestedFor(urlEqualTo("/send/no-origin")).withHeader("Accept", equalTo("*/*"))
			.withHeader("Cookie", absent()));
	}

}
