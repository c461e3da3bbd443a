package dev.springxhr.xhr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.springxhr.xhr.support.DomExceptionAssert.assertThrowsDomException;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.springxhr.xhr.support.EventRecorder;
import dev.springxhr.xhr.support.RawHttpServer;
import dev.springxhr.xhr.support.XhrTestServer;

/**
 * Checklist §13.7–13.11: how {@code responseText} decodes the body — the charset of the (overridden) MIME type
 * by its WHATWG label, BOM sniffing, the XML declaration for XML read as {@code responseType ""}, and UTF-8 by
 * default. Responses come from the raw server so that the Content-Type is exactly what the test wrote.
 */
class ResponseTextDecodingTests {

	private static final String XML_1252 = "<?xml version='1.0' encoding='windows-1252'?><x>";

	@RegisterExtension
	static final XhrTestServer<WireMockServer> wireMock = XhrTestServer.wireMock();

	@RegisterExtension
	static final XhrTestServer<RawHttpServer> raw = XhrTestServer.raw();

	private final AtomicInteger paths = new AtomicInteger();

	private static byte[] hex(String hex) {
		return HexFormat.of().parseHex(hex.replace(" ", ""));
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * GET a body with this Content-Type (none if {@code null}) and return the finished request.
	 * @param override the argument of overrideMimeType(), or {@code null}
	 * @param responseType the responseType to set, or {@code null}
	 */
	private XMLHttpRequest fetch(@Nullable String contentType, byte[] body, @Nullable String override,
			@Nullable String responseType) {
		String path = "/decode/" + Integer.toHexString(System.identityHashCode(this)) + "/"
				+ this.paths.incrementAndGet();
		List<String> headers = new ArrayList<>();
		if (contentType != null) {
			headers.add("Content-Type: " + contentType);
		}
		headers.add("Content-Length: " + body.length);
		raw.server().route(path, RawHttpServer.response("HTTP/1.1 200 OK", body, headers.toArray(new String[0])));
		XMLHttpRequest xhr = raw.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		xhr.open("GET", path);
		if (override != null) {
			xhr.overrideMimeType(override);
		}
		if (responseType != null) {
			xhr.setResponseType(responseType);
		}
		xhr.send();
		rec.awaitLoadend();
		assertThat(xhr.getStatus()).isEqualTo((short) 200);
		return xhr;
	}

	private String responseText(@Nullable String contentType, byte[] body) {
		return fetch(contentType, body, null, null).getResponseText();
	}

	// ---- WPT responsetext-decoding -------------------------------------------------------------------------

	@ParameterizedTest(name = "[{index}] {0} body {1}")
	@CsvSource(delimiter = '|', value = { "text/plain|FF|\uFFFD", "text/plain;charset=windows-1252|FF|\u00FF",
			"text/plain|FEFF|''", "text/plain|FEFFFEFF|\uFEFF", "text/plain|EFBBBF|''",
			"text/plain|EFBBBFEFBBBF|\uFEFF", "text/plain|C2|\uFFFD", "text/plain|E381B2|\u3072",
			"text/plain;charset=bogus|C2|\uFFFD", "text/plain|FFFE|''", "text/plain|FFFE4100|A" },
			quoteCharacter = '\'')
	void responseTextDecodesAsTheWptResponsetextDecodingTestExpects(String contentType, String bodyHex,
			String expected) {
		assertThat(responseText(contentType, hex(bodyHex))).isEqualTo(expected);
	}

	@Test
	void responseTextIsUtf8WithoutContentType() {
		assertThat(responseText(null, hex("C3A9 E282AC"))).isEqualTo("\u00e9\u20ac");
	}

	// ---- labels ----------------------------------------------------------------------------------------------

	@ParameterizedTest(name = "charset={0}")
	@ValueSource(strings = { "latin1", "us-ascii", "iso-8859-1", "ISO-8859-1", "ascii", "\"latin1\"", "l1", "cp1252",
			" windows-1252", "Windows-1252" })
	void latin1AndAsciiLabelsDecodeAsWindows1252(String label) {
		// 0x80 is the euro sign in windows-1252 but U+0080 in ISO-8859-1; 0x9F is Ÿ.
		assertThat(responseText("text/plain;charset=" + label, hex("80 E9 9F"))).isEqualTo("\u20ac\u00e9\u0178");
	}

	@Test
	void windows1252DecodesItsFiveUnassignedBytesAsC1Controls() {
		// The Encoding Standard's index-windows-1252 maps 0x81, 0x8D, 0x8F, 0x90 and 0x9D to U+0081 … U+009D.
		assertThat(responseText("text/plain;charset=windows-1252", hex("81 8D 8F 90 9D")))
			.isEqualTo("\u0081\u008D\u008F\u0090\u009D");
	}

	@Test
	void utf16LabelWithoutBomDecodesAsUtf16LittleEndian() {
		assertThat(responseText("text/plain;charset=utf-16", hex("4100 E900"))).isEqualTo("A\u00e9");
	}

	@Test
	void utf16BeLabelWithoutBomDecodesAsUtf16BigEndian() {
		assertThat(responseText("text/plain;charset=utf-16be", hex("0041 00E9"))).isEqualTo("A\u00e9");
	}

	@ParameterizedTest
	@CsvSource({ "eda080, \uFFFD\uFFFD\uFFFD", "f0908d, \uFFFD", "c0af, \uFFFD\uFFFD", "e282ac41, \u20ACA",
			"f4908080, \uFFFD\uFFFD\uFFFD\uFFFD" })
	void malformedUtf8BecomesOneReplacementPerMaximalSubpartAsTheEncodingStandardSays(String bodyHex,
			String expected) {
		// Encoding §9.1.1: after ED only 80-9F continue (no surrogates), so ED A0 80 is three errors, not one.
		assertThat(responseText("text/plain;charset=utf-8", hex(bodyHex))).isEqualTo(expected);
		assertThat(responseText("text/plain", concat(hex("efbbbf"), hex(bodyHex)))).isEqualTo(expected);
	}

	@Test
	void unknownLabelFallsBackToUtf8() {
		assertThat(responseText("text/plain;charset=x-no-such-encoding", hex("C3A9"))).isEqualTo("\u00e9");
	}

	// ---- BOM wins -------------------------------------------------------------------------------------------

	@Test
	void utf16LeBomWinsOverAUtf8Label() {
		byte[] body = concat(hex("FFFE"), "h\u00e9llo \u20ac".getBytes(StandardCharsets.UTF_16LE));
		assertThat(responseText("text/plain;charset=utf-8", body)).isEqualTo("h\u00e9llo \u20ac");
	}

	@Test
	void utf16BeBomWinsOverAWindows1252Label() {
		byte[] body = concat(hex("FEFF"), "h\u00e9llo \u20ac".getBytes(StandardCharsets.UTF_16BE));
		assertThat(responseText("text/plain;charset=windows-1252", body)).isEqualTo("h\u00e9llo \u20ac");
	}

	@Test
	void utf8BomWinsOverAWindows1252Label() {
		assertThat(responseText("text/plain;charset=windows-1252", hex("EFBBBF C3A9"))).isEqualTo("\u00e9");
	}

	// ---- XML declaration ------------------------------------------------------------------------------------

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "application/xml", "text/xml", "image/svg+xml" })
	void xmlDeclarationEncodingIsUsedForXmlWithEmptyResponseType(String contentType) {
		byte[] body = concat(ascii(XML_1252), hex("E9"), ascii("</x>"));
		assertThat(responseText(contentType, body)).isEqualTo(XML_1252 + "\u00e9</x>");
	}

	@Test
	void xmlDeclarationEncodingIsUsedWithoutContentTypeBecauseTheDefaultIsTextXml() {
		byte[] body = concat(ascii(XML_1252), hex("E9"), ascii("</x>"));
		assertThat(responseText(null, body)).isEqualTo(XML_1252 + "\u00e9</x>");
	}

	@Test
	void xmlDeclarationEncodingIsNotUsedWithResponseTypeText() {
		byte[] body = concat(ascii(XML_1252), hex("E9"), ascii("</x>"));
		XMLHttpRequest xhr = fetch("application/xml", body, null, "text");
		assertThat(xhr.getResponseText()).isEqualTo(XML_1252 + "\uFFFD</x>");
		assertThat(xhr.getResponse()).isEqualTo(XML_1252 + "\uFFFD</x>");
	}

	@Test
	void xmlDeclarationEncodingIsNotUsedForTextPlain() {
		byte[] body = concat(ascii(XML_1252), hex("E9"), ascii("</x>"));
		assertThat(responseText("text/plain", body)).isEqualTo(XML_1252 + "\uFFFD</x>");
	}

	@Test
	void contentTypeCharsetWinsOverTheXmlDeclaration() {
		byte[] body = concat(ascii(XML_1252), hex("E9"), ascii("</x>"));
		assertThat(responseText("application/xml;charset=utf-8", body)).isEqualTo(XML_1252 + "\uFFFD</x>");
	}

	// ---- overrideMimeType() ---------------------------------------------------------------------------------

	@Test
	void overrideMimeTypeCharsetWinsOverTheResponseCharset() {
		XMLHttpRequest xhr = fetch("text/plain;charset=utf-8", hex("E9"), "text/plain;charset=windows-1252", null);
		assertThat(xhr.getResponseText()).isEqualTo("\u00e9");
		assertThat(xhr.getResponseHeader("Content-Type")).isEqualTo("text/plain;charset=utf-8");
	}

	@Test
	void overrideMimeTypeUtf8CharsetWinsOverAWindows1252Response() {
		XMLHttpRequest xhr = fetch("text/plain;charset=windows-1252", hex("FF"), "text/plain;charset=utf-8", null);
		assertThat(xhr.getResponseText()).isEqualTo("\uFFFD");
	}

	@Test
	void overrideMimeTypeWithoutCharsetKeepsTheResponseCharset() {
		XMLHttpRequest xhr = fetch("text/plain;charset=windows-1252", hex("C2F0"), "text/xml", null);
		assertThat(xhr.getResponseText()).isEqualTo("\u00c2\u00f0");
	}

	@ParameterizedTest(name = "overrideMimeType(\"{0}\")")
	@ValueSource(strings = { "bogus", "bogus;charset=Shift_JIS" })
	void overrideMimeTypeThatDoesNotParseKeepsTheResponseCharset(String override) {
		XMLHttpRequest xhr = fetch("text/html;charset=windows-1252", hex("FF"), override, null);
		assertThat(xhr.getResponseText()).isEqualTo("\u00FF");
	}

	@Test
	void overrideMimeTypeToXmlMakesTheXmlDeclarationCount() {
		byte[] body = concat(ascii(XML_1252), hex("E9"), ascii("</x>"));
		XMLHttpRequest xhr = fetch("text/plain", body, "application/xml", null);
		assertThat(xhr.getResponseText()).isEqualTo(XML_1252 + "\u00e9</x>");
	}

	// ---- responseText and the response type -----------------------------------------------------------------

	@Test
	void responseTextThrowsInvalidStateErrorWhenResponseTypeIsArraybuffer() {
		XMLHttpRequest xhr = fetch("text/plain", ascii("bytes"), null, "arraybuffer");
		assertThrowsDomException("InvalidStateError", xhr::getResponseText);
		assertThat(xhr.getResponse()).isInstanceOfSatisfying(ByteBuffer.class, (buffer) -> {
			byte[] bytes = new byte[buffer.remaining()];
			buffer.duplicate().get(bytes);
			assertThat(bytes).isEqualTo(ascii("bytes"));
		});
	}

	@Test
	void responseTextThrowsInvalidStateErrorForArraybufferAlsoBeforeSend() {
		XMLHttpRequest xhr = raw.factory().create();
		xhr.setResponseType("arraybuffer");
		assertThrowsDomException("InvalidStateError", xhr::getResponseText);
		xhr.open("GET", "/not-sent");
		assertThrowsDomException("InvalidStateError", xhr::getResponseText);
	}

	@Test
	void responseTextWithResponseTypeTextEqualsTheResponse() {
		XMLHttpRequest xhr = fetch("text/plain;charset=windows-1252", hex("E9"), null, "text");
		assertThat(xhr.getResponseText()).isEqualTo("\u00e9");
		assertThat(xhr.getResponse()).isEqualTo("\u00e9");
	}

	@Test
	void responseTextFromWireMockUsesTheCharsetOfItsContentType() {
		wireMock.server().stubFor(get(urlEqualTo("/decode/wiremock")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/plain; charset=windows-1252")
			.withBody(hex("80 FF"))));
		XMLHttpRequest xhr = wireMock.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		xhr.open("GET", "/decode/wiremock");
		xhr.send();
		rec.awaitLoadend();
		assertThat(xhr.getResponseText()).isEqualTo("\u20ac\u00ff");
	}

}
