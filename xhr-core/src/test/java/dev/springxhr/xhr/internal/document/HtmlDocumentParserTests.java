package dev.springxhr.xhr.internal.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import dev.springxhr.xhr.internal.encoding.Encodings;
import dev.springxhr.xhr.internal.document.HtmlDocumentParser;
import dev.springxhr.xhr.internal.document.XmlDocumentParser;

/**
 * XHR §3.6.11 "set a document response", the HTML parser: structure, namespaces, the encoding it picks and
 * reports, and the HTML document flag.
 */
class HtmlDocumentParserTests {

	private static final String XHTML = "http://www.w3.org/1999/xhtml";

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static Document parse(byte[] bytes, @Nullable Charset finalEncoding) {
		return HtmlDocumentParser.parse(bytes, bytes.length, finalEncoding, null);
	}

	private static Document parse(String markup) {
		return parse(markup.getBytes(StandardCharsets.UTF_8), null);
	}

	@Test
	void aFragmentGetsHtmlHeadAndBodyInTheXhtmlNamespace() {
		Document document = parse("<p>hi");
		Element html = document.getDocumentElement();
		assertThat(html.getLocalName()).isEqualTo("html");
		assertThat(html.getNamespaceURI()).isEqualTo(XHTML);
		Element head = (Element) html.getFirstChild();
		Element body = (Element) head.getNextSibling();
		assertThat(head.getLocalName()).isEqualTo("head");
		assertThat(body.getLocalName()).isEqualTo("body");
		Element p = (Element) body.getFirstChild();
		assertThat(p.getLocalName()).isEqualTo("p");
		assertThat(p.getNamespaceURI()).isEqualTo(XHTML);
		assertThat(p.getTextContent()).isEqualTo("hi");
		assertThat(document.getElementsByTagNameNS(XHTML, "p").getLength()).isEqualTo(1);
	}

	@Test
	void theDoctypeAndCommentsAreKept() {
		Document document = parse("<!DOCTYPE html><!--c--><title>t</title>");
		assertThat(document.getDoctype().getName()).isEqualTo("html");
		assertThat(document.getDoctype().getNextSibling().getNodeValue()).isEqualTo("c");
	}

	@Test
	void foreignElementsAndAttributesGetTheirNamespaces() {
		Document document = parse("<svg xml:lang=en xml:base=b><a xlink:href='#x'/></svg><p xml:lang=en xmlns=x>");
		Element svg = (Element) document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").item(0);
		assertThat(svg.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")).isEqualTo("en");
		assertThat(svg.getAttributeNode("xml:base").getNamespaceURI()).isNull();
		Element a = (Element) svg.getFirstChild();
		assertThat(a.getAttributeNS("http://www.w3.org/1999/xlink", "href")).isEqualTo("#x");
		assertThat(a.getAttributes().getLength()).isEqualTo(1);
		Element p = (Element) document.getElementsByTagNameNS(XHTML, "p").item(0);
		assertThat(p.getAttribute("xml:lang")).isEqualTo("en");
		assertThat(p.getAttributeNode("xml:lang").getNamespaceURI()).isNull();
		assertThat(p.getAttributeNode("xmlns").getNamespaceURI()).isNull();
	}

	@Test
	void withoutAnyHintTheEncodingIsUtf8() {
		Document document = parse("<p>\u00e9");
		assertThat(document.getInputEncoding()).isEqualTo("UTF-8");
		assertThat(document.getDocumentElement().getTextContent()).isEqualTo("é");
	}

	@Test
	void metaCharsetIsSniffed() {
		byte[] bytes = "<meta charset=windows-1252><p>\u00e9".getBytes(WINDOWS_1252);
		Document document = parse(bytes, null);
		assertThat(document.getInputEncoding()).isEqualTo("windows-1252");
		assertThat(document.getElementsByTagNameNS(XHTML, "p").item(0).getTextContent()).isEqualTo("é");
	}

	@Test
	void theFinalEncodingWinsOverMeta() {
		byte[] bytes = "<meta charset=utf-8><p>\u00e9".getBytes(WINDOWS_1252);
		Document document = parse(bytes, WINDOWS_1252);
		assertThat(document.getInputEncoding()).isEqualTo("windows-1252");
		assertThat(document.getElementsByTagNameNS(XHTML, "p").item(0).getTextContent()).isEqualTo("é");
	}

	@Test
	void aBomWinsOverTheFinalEncoding() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0xFE, (byte) 0xFF });
		out.writeBytes("<p>\u00e9".getBytes(StandardCharsets.UTF_16BE));
		Document document = parse(out.toByteArray(), WINDOWS_1252);
		assertThat(document.getInputEncoding()).isEqualTo("UTF-16BE");
		assertThat(document.getElementsByTagNameNS(XHTML, "p").item(0).getTextContent()).isEqualTo("é");
	}

	@Test
	void theEncodingIsReportedByItsEncodingStandardName() {
		byte[] bytes = "<meta http-equiv=content-type content='text/html; charset=sjis'>".getBytes(
				StandardCharsets.US_ASCII);
		assertThat(parse(bytes, null).getInputEncoding()).isEqualTo("Shift_JIS");
		assertThat(parse(bytes, Encodings.forLabel("x-mac-cyrillic")).getInputEncoding()).isEqualTo("x-mac-cyrillic");
	}

	@Test
	void documentUriIsTheResponseUrl() {
		byte[] bytes = "<p>".getBytes(StandardCharsets.UTF_8);
		Document document = HtmlDocumentParser.parse(bytes, bytes.length, null, URI.create("http://example.com/a"));
		assertThat(document.getDocumentURI()).isEqualTo("http://example.com/a");
	}

	@Test
	void htmlDocumentsAreRecognisedAndXmlDocumentsAreNot() {
		assertThat(HtmlDocumentParser.isHtmlDocument(parse("<p>"))).isTrue();
		byte[] xml = "<html xmlns='http://www.w3.org/1999/xhtml'/>".getBytes(StandardCharsets.UTF_8);
		assertThat(HtmlDocumentParser.isHtmlDocument(XmlDocumentParser.parse(xml, xml.length, null, null))).isFalse();
	}

	@Test
	void noReferenceToTheJsoupTreeIsKept() {
		Document document = parse("<p id=a>x");
		Element p = (Element) document.getElementsByTagNameNS(XHTML, "p").item(0);
		assertThat(p.getUserData(org.jsoup.helper.W3CDom.SourceProperty)).isNull();
		assertThat(p.getFirstChild().getUserData(org.jsoup.helper.W3CDom.SourceProperty)).isNull();
	}

}
