package dev.springxhr.xhr;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The browser's {@code DOMParser}: makes a {@link Document} from a string, parsed exactly as a {@code "document"}
 * response is — HTML with an HTML5 parser, XML securely (no DTD or external entity is ever fetched). Use it to build
 * a document to {@link XMLHttpRequest#send(Object) send}; an HTML document made here is sent as
 * {@code text/html}.
 *
 * @see <a href="https://html.spec.whatwg.org/multipage/dynamic-markup-insertion.html#dom-parsing-and-serialization">
 * HTML: DOM parsing</a>
 */
public final class DOMParser {

	/** The namespace of the root of a document that failed to parse, as in Firefox. */
	public static final String PARSER_ERROR_NAMESPACE = "http://www.mozilla.org/newlayout/xml/parsererror.xml";

	private static final Set<String> XML_TYPES = Set.of("text/xml", "application/xml", "application/xhtml+xml",
			"image/svg+xml");

	/**
	 * Parse a string.
	 * @param string the markup
	 * @param type {@code "text/html"}, or one of {@code "text/xml"}, {@code "application/xml"},
	 * {@code "application/xhtml+xml"}, {@code "image/svg+xml"}
	 * @return the document; for XML that is not well-formed, a document whose root is a {@code parsererror} element
	 * in {@link #PARSER_ERROR_NAMESPACE}, as browsers return
	 * @throws IllegalArgumentException (WebIDL TypeError) for another type
	 */
	public Document parseFromString(String string, String type) {
		Objects.requireNonNull(string, "'string' must not be null");
		Objects.requireNonNull(type, "'type' must not be null");
		byte[] bytes = UsvStrings.toUsvString(string).getBytes(StandardCharsets.UTF_8);
		if (type.equals("text/html")) {
			return HtmlDocumentParser.parse(bytes, bytes.length, StandardCharsets.UTF_8, null);
		}
		if (!XML_TYPES.contains(type)) {
			throw new IllegalArgumentException("TypeError: '" + type + "' is not a DOMParser type; use text/html, "
					+ "text/xml, application/xml, application/xhtml+xml or image/svg+xml");
		}
		Document document = XmlDocumentParser.parse(bytes, bytes.length, StandardCharsets.UTF_8, null);
		return (document != null) ? document : parserError();
	}

	private static Document parserError() {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			Document document = factory.newDocumentBuilder().newDocument();
			Element root = document.createElementNS(PARSER_ERROR_NAMESPACE, "parsererror");
			root.setTextContent("XML Parsing Error: the document is not well-formed");
			document.appendChild(root);
			return document;
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException("The JDK's DOM is not available", ex);
		}
	}

}
