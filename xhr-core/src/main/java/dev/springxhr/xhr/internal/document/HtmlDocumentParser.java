package dev.springxhr.xhr.internal.document;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.xml.XMLConstants;

import org.jsoup.helper.W3CDom;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import dev.springxhr.xhr.internal.encoding.Encodings;

/**
 * The HTML half of XHR "set a document response": jsoup's HTML5 parser (which does not run scripts) with the
 * encoding XHR determines, converted to a namespace-aware DOM whose elements are in the XHTML namespace, as in
 * a browser.
 *
 * @see <a href="https://xhr.spec.whatwg.org/#document-response">XHR §3.6.11 set a document response</a>
 */
public final class HtmlDocumentParser {

	private static final String XLINK_NAMESPACE = "http://www.w3.org/1999/xlink";

	/** The user data key that flags a document as an HTML document (DOM "type" is "html"). */
	static final String HTML_DOCUMENT_KEY = HtmlDocumentParser.class.getName() + ".html";

	/** The namespace W3CDom gives a prefixed name whose prefix no {@code xmlns:} attribute declares. */
	private static final String UNDEFINED_NAMESPACE = "undefined";

	private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

	private static final String MATHML_NAMESPACE = "http://www.w3.org/1998/Math/MathML";

	/** HTML §13.2.6.5 "adjust foreign attributes": the prefixed attributes of SVG and MathML elements. */
	private static final Map<String, String> FOREIGN_ATTRIBUTES = Map.of("xlink:actuate", XLINK_NAMESPACE,
			"xlink:arcrole", XLINK_NAMESPACE, "xlink:href", XLINK_NAMESPACE, "xlink:role", XLINK_NAMESPACE,
			"xlink:show", XLINK_NAMESPACE, "xlink:title", XLINK_NAMESPACE, "xlink:type", XLINK_NAMESPACE,
			"xml:lang", XMLConstants.XML_NS_URI, "xml:space", XMLConstants.XML_NS_URI, "xmlns:xlink",
			XMLConstants.XMLNS_ATTRIBUTE_NS_URI);

	private HtmlDocumentParser() {
	}

	/**
	 * XHR §3.6.11 set a document response step 5: parse the received bytes as HTML.
	 * @param bytes the received bytes
	 * @param length how many of them
	 * @param finalEncoding the charset of the final MIME type, if any
	 * @param documentUrl the response URL, if any
	 * @return the document, flagged as an HTML document; {@code getInputEncoding()} is its encoding's name
	 */
	public static Document parse(byte[] bytes, int length, @Nullable Charset finalEncoding, @Nullable URI documentUrl) {
		Charset charset = encoding(bytes, length, finalEncoding);
		// the HTML parser decodes with "decode", so a BOM wins over the encoding
		String text = Encodings.decode(bytes, length, charset);
		String baseUri = (documentUrl != null) ? documentUrl.toString() : "";
		org.jsoup.nodes.Document parsed = Parser.htmlParser().parseInput(text, baseUri);
		// XHR §3.6.11 step 8 "set document's encoding to charset"
		Document document = XmlDocumentParser.emptyDocument(Encodings.name(charset));
		new W3CDom().namespaceAware(true).convert(parsed, document);
		tidy(document);
		// XHR §3.6.11 step 5.5 "flag document as an HTML document"
		document.setUserData(HTML_DOCUMENT_KEY, Boolean.TRUE, null);
		document.setDocumentURI((documentUrl != null) ? documentUrl.toString() : null);
		return document;
	}

	/**
	 * Whether {@code document} is an HTML document: one {@link #parse} made, or a DOM HTML implementation's.
	 */
	public static boolean isHtmlDocument(Document document) {
		return Boolean.TRUE.equals(document.getUserData(HTML_DOCUMENT_KEY))
				|| document instanceof org.w3c.dom.html.HTMLDocument;
	}

	/**
	 * Undo what W3CDom does unlike the HTML parser: drop its references back to the jsoup tree (they would keep
	 * it alive), and give attributes the namespace of HTML §13.2.6.5 "adjust foreign attributes" (none, for HTML
	 * elements) rather than one derived from their prefix ("undefined" when undeclared).
	 */
	private static void tidy(Node node) {
		node.setUserData(W3CDom.SourceProperty, null, null);
		if (node instanceof Element element) {
			NamedNodeMap attributes = element.getAttributes();
			for (int i = attributes.getLength() - 1; i >= 0; i--) {
				Attr attribute = (Attr) attributes.item(i);
				attribute.setUserData(W3CDom.SourceProperty, null, null);
				String namespace = attribute.getNamespaceURI();
				if (namespace == null) {
					continue;
				}
				element.removeAttributeNode(attribute);
				if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(namespace)
						&& UNDEFINED_NAMESPACE.equals(attribute.getValue())) {
					continue; // a declaration W3CDom made up for an undeclared prefix
				}
				// the HTML parser gives only these attributes of SVG and MathML elements a namespace
				String name = attribute.getName();
				String adjusted = isForeign(element) ? FOREIGN_ATTRIBUTES.get(name) : null;
				if (adjusted != null) {
					element.setAttributeNS(adjusted, name, attribute.getValue());
				}
				else {
					element.setAttribute(name, attribute.getValue());
				}
			}
		}
		for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
			tidy(child);
		}
	}

	private static boolean isForeign(Element element) {
		return SVG_NAMESPACE.equals(element.getNamespaceURI()) || MATHML_NAMESPACE.equals(element.getNamespaceURI());
	}

	/** XHR §3.6.11 steps 5.1–5.3: BOM, else the final encoding, else the prescan, else UTF-8. */
	private static Charset encoding(byte[] bytes, int length, @Nullable Charset finalEncoding) {
		Charset bom = Encodings.bomEncoding(bytes, length);
		if (bom != null) {
			return bom;
		}
		if (finalEncoding != null) {
			return finalEncoding;
		}
		Charset prescanned = HtmlEncodingSniffer.prescan(bytes, length);
		return (prescanned != null) ? prescanned : StandardCharsets.UTF_8;
	}

}
