package dev.springxhr.xhr;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import dev.springxhr.xhr.internal.document.HtmlDocumentParser;
import dev.springxhr.xhr.internal.encoding.UsvStrings;
import dev.springxhr.xhr.internal.document.XmlDocumentParser;

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

	/**
	 * The {@link Document#getUserData(String) user data} key under which the engine records a document's content
	 * type, DOM's {@code document.contentType}, which the W3C DOM has no property for: a {@code String}, the essence
	 * of the final MIME type for a {@code responseXML} / {@code "document"} response (e.g. {@code "text/html"},
	 * {@code "application/xml"}, {@code "text/xml"}), the {@code type} argument for a document made here.
	 */
	public static final String CONTENT_TYPE_USER_DATA = "dev.springxhr.contentType";

	private static final Set<String> XML_TYPES = Set.of("text/xml", "application/xml", "application/xhtml+xml",
			"image/svg+xml");

	/**
	 * Parse a string.
	 * @param string the markup
	 * @param type {@code "text/html"}, or one of {@code "text/xml"}, {@code "application/xml"},
	 * {@code "application/xhtml+xml"}, {@code "image/svg+xml"}
	 * @return the document; for XML that is not well-formed, a document whose root is a {@code parsererror} element
	 * in {@link #PARSER_ERROR_NAMESPACE}, as browsers return
	 * @throws TypeError for another type
	 */
	public Document parseFromString(String string, String type) {
		Objects.requireNonNull(string, "'string' must not be null");
		Objects.requireNonNull(type, "'type' must not be null");
		byte[] bytes = UsvStrings.toUsvString(string).getBytes(StandardCharsets.UTF_8);
		if (type.equals("text/html")) {
			Document document = HtmlDocumentParser.parse(bytes, bytes.length, StandardCharsets.UTF_8, null);
			// DOM Parsing parseFromString(): "content type is type"
			document.setUserData(CONTENT_TYPE_USER_DATA, type, null);
			return document;
		}
		if (!XML_TYPES.contains(type)) {
			throw new TypeError("'" + type + "' is not a DOMParser type; use text/html, "
					+ "text/xml, application/xml, application/xhtml+xml or image/svg+xml");
		}
		Document parsed = XmlDocumentParser.parse(bytes, bytes.length, StandardCharsets.UTF_8, null);
		Document document = (parsed != null) ? parsed : parserError();
		document.setUserData(CONTENT_TYPE_USER_DATA, type, null);
		return document;
	}

	/**
	 * Whether {@code document} is an HTML document (DOM: its type is "html"), as opposed to an XML document: one
	 * parsed as HTML by {@link #parseFromString} with {@code "text/html"} or for a {@code "document"} response with
	 * an HTML MIME type, or one of a DOM HTML implementation. An HTML document is serialized as HTML when sent.
	 * @param document the document
	 * @return {@code true} for an HTML document
	 */
	public static boolean isHtmlDocument(Document document) {
		Objects.requireNonNull(document, "'document' must not be null");
		return HtmlDocumentParser.isHtmlDocument(document);
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
