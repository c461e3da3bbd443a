package dev.springxhr.xhr.internal.document;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;

import dev.springxhr.xhr.internal.encoding.Encodings;
import dev.springxhr.xhr.internal.document.XmlDocumentParser;

/**
 * XHR §3.6.11 "set a document response", the XML parser: well-formedness, encodings, and that nothing external
 * is ever loaded.
 */
class XmlDocumentParserTests {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@BeforeEach
	void serveSecrets() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/xml-dtd")
			.withBody("<!ENTITY leak \"SECRET\">SECRET")));
	}

	@AfterEach
	void nothingWasFetched() {
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	private static @Nullable Document parse(String xml) {
		return parse(xml.getBytes(StandardCharsets.UTF_8), null);
	}

	private static @Nullable Document parse(byte[] bytes, @Nullable Charset finalEncoding) {
		return XmlDocumentParser.parse(bytes, bytes.length, finalEncoding, null);
	}

	private static byte[] bytes(int... values) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int value : values) {
			out.write(value);
		}
		return out.toByteArray();
	}

	private static byte[] concat(byte[] first, String rest, Charset charset) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(first);
		out.writeBytes(rest.getBytes(charset));
		return out.toByteArray();
	}

	@Test
	void wellFormedXmlParsesNamespaceAware() {
		Document document = parse("<a:root xmlns:a='urn:a'><a:child>text</a:child></a:root>");
		assertThat(document).isNotNull();
		assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo("urn:a");
		assertThat(document.getDocumentElement().getLocalName()).isEqualTo("root");
		assertThat(document.getDocumentElement().getTextContent()).isEqualTo("text");
		assertThat(document.getInputEncoding()).isEqualTo("UTF-8");
	}

	@Test
	void documentUriIsTheResponseUrl() {
		byte[] bytes = "<x/>".getBytes(StandardCharsets.UTF_8);
		Document document = XmlDocumentParser.parse(bytes, bytes.length, null, URI.create("http://example.com/a.xml"));
		assertThat(document.getDocumentURI()).isEqualTo("http://example.com/a.xml");
	}

	@Test
	void anUndeclaredPrefixIsANamespaceErrorAndGivesNull() {
		assertThat(parse("<a:root/>")).isNull();
	}

	@Test
	void mismatchedTagsGiveNull() {
		assertThat(parse("<a><b></a></b>")).isNull();
	}

	@Test
	void emptyOrTextOnlyInputGivesNull() {
		assertThat(parse("")).isNull();
		assertThat(parse("just text")).isNull();
	}

	@Test
	void malformedUtf8GivesNull() {
		assertThat(parse(bytes('<', 'x', '>', 0xE9, '<', '/', 'x', '>'), null)).isNull();
	}

	@Test
	void theXmlDeclarationsEncodingDecodes() {
		byte[] bytes = concat("<?xml version=\"1.0\" encoding=\"windows-1252\"?><x>".getBytes(WINDOWS_1252),
				"\u00e9</x>", WINDOWS_1252);
		Document document = parse(bytes, null);
		assertThat(document.getDocumentElement().getTextContent()).isEqualTo("é");
		assertThat(document.getInputEncoding()).isEqualTo("windows-1252");
		assertThat(document.getXmlEncoding()).isEqualTo("windows-1252");
	}

	@Test
	void theDeclarationsLabelIsReadAsTheEncodingStandardDoes() {
		// iso-8859-1 is a label of windows-1252, where 0x80 is the euro sign (a C1 control in ISO-8859-1)
		byte[] bytes = concat("<?xml version='1.0' encoding='ISO-8859-1'?><x>".getBytes(WINDOWS_1252), "\u20ac</x>",
				WINDOWS_1252);
		assertThat(bytes).contains((byte) 0x80);
		Document document = parse(bytes, null);
		assertThat(document.getDocumentElement().getTextContent()).isEqualTo("€");
		assertThat(document.getInputEncoding()).isEqualTo("windows-1252");
	}

	@Test
	void anUnknownDeclaredEncodingGivesNull() {
		assertThat(parse("<?xml version='1.0' encoding='x-no-such-thing'?><x/>")).isNull();
	}

	@Test
	void theFinalEncodingOverridesTheDeclaration() {
		byte[] bytes = concat("<?xml version='1.0' encoding='UTF-8'?><x>".getBytes(WINDOWS_1252), "\u00e9</x>",
				WINDOWS_1252);
		Document document = parse(bytes, WINDOWS_1252);
		assertThat(document.getDocumentElement().getTextContent()).isEqualTo("é");
		assertThat(document.getInputEncoding()).isEqualTo("windows-1252");
	}

	@Test
	void theFinalEncodingIsReportedByItsEncodingStandardName() {
		byte[] bytes = "<x/>".getBytes(StandardCharsets.US_ASCII);
		assertThat(parse(bytes, Encodings.forLabel("sjis")).getInputEncoding()).isEqualTo("Shift_JIS");
	}

	@Test
	void aBomWinsOverTheFinalEncodingAndTheDeclaration() {
		byte[] utf8 = concat(bytes(0xEF, 0xBB, 0xBF), "<?xml version='1.0' encoding='windows-1252'?><x>\u00e9</x>",
				StandardCharsets.UTF_8);
		Document document = parse(utf8, WINDOWS_1252);
		assertThat(document.getDocumentElement().getTextContent()).isEqualTo("é");
		assertThat(document.getInputEncoding()).isEqualTo("UTF-8");

		byte[] utf16 = concat(bytes(0xFF, 0xFE), "<x>\u00e9</x>", StandardCharsets.UTF_16LE);
		document = parse(utf16, WINDOWS_1252);
		assertThat(document.getDocumentElement().getTextContent()).isEqualTo("é");
		assertThat(document.getInputEncoding()).isEqualTo("UTF-16LE");
	}

	@Test
	void utf16WithoutBomIsDetectedFromTheDeclaration() {
		Document document = parse("<?xml version='1.0' encoding='UTF-16'?><x>\u00e9</x>"
			.getBytes(StandardCharsets.UTF_16BE), null);
		assertThat(document.getDocumentElement().getTextContent()).isEqualTo("é");
		assertThat(document.getInputEncoding()).isEqualTo("UTF-16BE");
	}

	@Test
	void xhtmlWithAPublicDoctypeParsesWithoutFetchingTheDtd() {
		String url = server.baseUrl() + "/xhtml1-strict.dtd";
		Document document = parse("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"" + url + "\">"
				+ "<html xmlns='http://www.w3.org/1999/xhtml'><head><title>t</title></head><body/></html>");
		assertThat(document).isNotNull();
		assertThat(document.getDoctype().getPublicId()).isEqualTo("-//W3C//DTD XHTML 1.0 Strict//EN");
		assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/1999/xhtml");
	}

	@Test
	void anExternalDtdIsNeverFetched() {
		Document document = parse("<!DOCTYPE x SYSTEM \"" + server.baseUrl() + "/dtd\"><x>&leak;</x>");
		assertThat((document != null) ? document.getDocumentElement().getTextContent() : "").doesNotContain("SECRET");
	}

	@Test
	void anExternalGeneralEntityIsNeverResolved() {
		Document document = parse("<!DOCTYPE x [<!ENTITY e SYSTEM \"" + server.baseUrl() + "/secret\">]><x>&e;</x>");
		assertThat((document != null) ? document.getDocumentElement().getTextContent() : "").doesNotContain("SECRET");
	}

	@Test
	void anExternalParameterEntityIsNeverResolved() {
		Document document = parse("<!DOCTYPE x [<!ENTITY % p SYSTEM \"" + server.baseUrl() + "/param\"> %p;]>"
				+ "<x>&leak;</x>");
		assertThat((document != null) ? document.getDocumentElement().getTextContent() : "").doesNotContain("SECRET");
	}

	@Test
	void aFileEntityIsNeverRead() {
		Document document = parse("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>[&e;]</x>");
		assertThat((document != null) ? document.getDocumentElement().getTextContent() : "").doesNotContain("root:");
	}

	@Test
	void internalEntitiesExpand() {
		Document document = parse("<!DOCTYPE x [<!ENTITY e \"expanded\">]><x>&e;</x>");
		assertThat(document.getDocumentElement().getTextContent()).isEqualTo("expanded");
	}

	@Test
	void billionLaughsFailsFast() {
		StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
		for (int i = 1; i <= 9; i++) {
			dtd.append("<!ENTITY lol").append(i).append(" \"");
			dtd.append(("&lol" + (i - 1) + ";").repeat(10));
			dtd.append("\">");
		}
		String xml = dtd.append("]><lolz>&lol9;</lolz>").toString();
		long start = System.nanoTime();
		assertThat(parse(xml)).isNull();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void anEmptyDocumentReportsTheGivenInputEncoding() {
		Document document = XmlDocumentParser.emptyDocument("x-mac-cyrillic");
		assertThat(document.getInputEncoding()).isEqualTo("x-mac-cyrillic");
		assertThat(document.getFirstChild()).isNull();
	}

}
