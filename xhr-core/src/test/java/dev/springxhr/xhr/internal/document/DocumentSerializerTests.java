package dev.springxhr.xhr.internal.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import dev.springxhr.xhr.internal.document.DocumentSerializer;
import dev.springxhr.xhr.internal.document.HtmlDocumentParser;
import dev.springxhr.xhr.internal.document.XmlDocumentParser;

/**
 * The fragment serializing algorithm for a document request body: HTML serialization for HTML documents, XML
 * serialization otherwise.
 */
class DocumentSerializerTests {

	private static Document html(String markup) {
		byte[] bytes = markup.getBytes(StandardCharsets.UTF_8);
		return HtmlDocumentParser.parse(bytes, bytes.length, null, null);
	}

	private static Document xml(String markup) {
		byte[] bytes = markup.getBytes(StandardCharsets.UTF_8);
		return XmlDocumentParser.parse(bytes, bytes.length, null, null);
	}

	private static Document newXmlDocument() throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().newDocument();
	}

	@Test
	void htmlDocumentIsSerializedAsHtml() {
		Document document = html("<!DOCTYPE html><title>t</title><p class=x>a<br>b<img src=i.png></p><!-- c -->");
		assertThat(DocumentSerializer.serialize(document)).isEqualTo("<!DOCTYPE html><html><head><title>t</title>"
				+ "</head><body><p class=\"x\">a<br>b<img src=\"i.png\"></p><!-- c --></body></html>");
	}

	@Test
	void htmlTextAndAttributesAreEscaped() {
		Document document = html("<p title='&amp; &nbsp; &quot; &lt; &gt;'>&amp; &nbsp; \" &lt; &gt;</p>");
		assertThat(DocumentSerializer.serialize(document)).contains(
				"<p title=\"&amp; &nbsp; &quot; &lt; &gt;\">&amp; &nbsp; \" &lt; &gt;</p>");
	}

	@Test
	void rawTextElementsAreNotEscaped() {
		Document document = html("<script>if (a < b && c) {}</script><style>a > b {}</style><xmp><&></xmp>");
		assertThat(DocumentSerializer.serialize(document)).contains("<script>if (a < b && c) {}</script>")
			.contains("<style>a > b {}</style>")
			.contains("<xmp><&></xmp>");
	}

	@Test
	void noscriptIsEscapedBecauseScriptingIsDisabled() {
		Document document = html("<body><noscript>&lt;b&gt;</noscript>");
		assertThat(DocumentSerializer.serialize(document)).contains("<noscript>&lt;b&gt;</noscript>");
	}

	@Test
	void voidElementsHaveNoEndTag() {
		Document document = html("<br><hr><input><wbr><link><meta><area><col><embed><source><track>");
		String serialized = DocumentSerializer.serialize(document);
		assertThat(serialized).doesNotContain("</br>", "</hr>", "</input>", "</wbr>", "</link>", "</meta>");
		assertThat(serialized).contains("<br><hr><input><wbr>");
	}

	@Test
	void foreignElementsKeepTheirAttributePrefixesAndCase() {
		Document document = html("<svg viewBox='0 0 1 1'><use xlink:href='#a'/></svg>");
		assertThat(DocumentSerializer.serialize(document))
			.contains("<svg viewBox=\"0 0 1 1\"><use xlink:href=\"#a\"></use></svg>");
	}

	@Test
	void serializedHtmlReparsesToTheSameSerialization() {
		String once = DocumentSerializer.serialize(html("<!DOCTYPE html><table><td>x<td>&amp;y</table><pre>\nz"));
		assertThat(DocumentSerializer.serialize(html(once))).isEqualTo(once);
	}

	@Test
	void xmlDocumentIsSerializedAsXmlWithoutDeclaration() {
		Document document = xml("<?xml version='1.0' encoding='UTF-8'?><!DOCTYPE root SYSTEM 'r.dtd'>"
				+ "<root a='1'><empty/><!--c--><?pi data?><![CDATA[<raw>]]>&amp;&lt;&gt;\"</root>");
		assertThat(DocumentSerializer.serialize(document)).isEqualTo("<!DOCTYPE root SYSTEM \"r.dtd\">"
				+ "<root a=\"1\"><empty/><!--c--><?pi data?><![CDATA[<raw>]]>&amp;&lt;&gt;\"</root>");
	}

	@Test
	void xmlAttributesEscapeQuotesAndAngleBrackets() {
		Document document = xml("<r a='&quot;&amp;&lt;&gt;'/>");
		assertThat(DocumentSerializer.serialize(document)).isEqualTo("<r a=\"&quot;&amp;&lt;&gt;\"/>");
	}

	@Test
	void xmlNamespaceDeclarationsAreKept() {
		String markup = "<a:root xmlns:a=\"urn:a\" xmlns=\"urn:d\"><child/><a:x a:attr=\"v\"/><n xmlns=\"\"/></a:root>";
		String serialized = DocumentSerializer.serialize(xml(markup));
		assertThat(serialized).isEqualTo("<a:root xmlns=\"urn:d\" xmlns:a=\"urn:a\"><child/><a:x a:attr=\"v\"/>"
				+ "<n xmlns=\"\"/></a:root>");
		assertThat(DocumentSerializer.serialize(xml(serialized))).isEqualTo(serialized);
	}

	@Test
	void missingNamespaceDeclarationsAreAdded() throws Exception {
		Document document = newXmlDocument();
		Element root = document.createElementNS("urn:r", "r:root");
		document.appendChild(root);
		Element child = document.createElementNS("urn:c", "child");
		child.setAttributeNS("urn:at", "at:name", "v");
		child.setAttributeNS("urn:q", "name", "w");
		root.appendChild(child);
		root.appendChild(document.createElementNS(null, "plain"));
		String serialized = DocumentSerializer.serialize(document);
		assertThat(serialized).isEqualTo("<r:root xmlns:r=\"urn:r\"><child xmlns=\"urn:c\" xmlns:at=\"urn:at\""
				+ " xmlns:ns1=\"urn:q\" at:name=\"v\" ns1:name=\"w\"/><plain/></r:root>");
		Document reparsed = xml(serialized);
		Element reparsedChild = (Element) reparsed.getDocumentElement().getFirstChild();
		assertThat(reparsedChild.getNamespaceURI()).isEqualTo("urn:c");
		assertThat(reparsedChild.getAttributeNS("urn:q", "name")).isEqualTo("w");
		assertThat(reparsed.getDocumentElement().getLastChild().getNamespaceURI()).isNull();
	}

	@Test
	void anUnprefixedElementUnderADefaultNamespaceUndeclaresIt() throws Exception {
		Document document = newXmlDocument();
		Element root = document.createElementNS("urn:d", "root");
		document.appendChild(root);
		root.appendChild(document.createElementNS(null, "plain"));
		assertThat(DocumentSerializer.serialize(document))
			.isEqualTo("<root xmlns=\"urn:d\"><plain xmlns=\"\"/></root>");
	}

	@Test
	void xhtmlElementsInAnXmlDocumentKeepEndTags() {
		Document document = xml("<html xmlns='http://www.w3.org/1999/xhtml'><p/><br/></html>");
		assertThat(DocumentSerializer.serialize(document))
			.isEqualTo("<html xmlns=\"http://www.w3.org/1999/xhtml\"><p></p><br /></html>");
	}

}
