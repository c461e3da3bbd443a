package dev.springxhr.xhr.internal.document;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;

import org.w3c.dom.Attr;
import org.w3c.dom.CharacterData;
import org.w3c.dom.Document;
import org.w3c.dom.DocumentType;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.ProcessingInstruction;

/**
 * A document "serialized" for a request body (Fetch "extract a body"): the fragment serializing algorithm, which
 * is the HTML fragment serialization for HTML documents and the XML serialization otherwise. The XML
 * serialization declares the namespaces its elements and attributes need and is not checked for
 * well-formedness (XHR serializes with "require well-formed" false).
 *
 * @see <a href="https://html.spec.whatwg.org/multipage/parsing.html#serialising-html-fragments">HTML §13.3
 * serializing HTML fragments</a>
 * @see <a href="https://w3c.github.io/DOM-Parsing/#dfn-xml-serialization">DOM Parsing §3.2 XML serialization</a>
 */
public final class DocumentSerializer {

	static final String HTML_NAMESPACE = "http://www.w3.org/1999/xhtml";

	private static final String MATHML_NAMESPACE = "http://www.w3.org/1998/Math/MathML";

	private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

	private static final String XLINK_NAMESPACE = "http://www.w3.org/1999/xlink";

	/** Elements that "serialize as void": HTML's void elements and the obsolete ones the algorithm adds. */
	private static final Set<String> VOID_ELEMENTS = Set.of("area", "base", "basefont", "bgsound", "br", "col",
			"embed", "frame", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr");

	/** Elements whose text children are serialized literally (noscript too only when scripting is enabled). */
	private static final Set<String> RAW_TEXT_PARENTS = Set.of("style", "script", "xmp", "iframe", "noembed",
			"noframes", "plaintext");

	private DocumentSerializer() {
	}

	/**
	 * The fragment serializing algorithm for {@code document}.
	 * @param document the document
	 * @return its markup, without an XML declaration
	 */
	public static String serialize(Document document) {
		StringBuilder out = new StringBuilder();
		if (HtmlDocumentParser.isHtmlDocument(document)) {
			new HtmlSerialization(out).children(document);
		}
		else {
			new XmlSerialization(out).children(document, new HashMap<>());
		}
		return out.toString();
	}

	private static boolean isHtmlElement(Node node) {
		return node.getNodeType() == Node.ELEMENT_NODE
				&& (node.getNamespaceURI() == null || HTML_NAMESPACE.equals(node.getNamespaceURI()));
	}

	private static String localName(Node node) {
		return (node.getLocalName() != null) ? node.getLocalName() : node.getNodeName();
	}

	/** HTML §13.3 "serializing HTML fragments", for the children of a node. */
	private record HtmlSerialization(StringBuilder out) {

		void children(Node parent) {
			for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
				node(child, parent);
			}
		}

		private void node(Node node, Node parent) {
			switch (node.getNodeType()) {
				case Node.ELEMENT_NODE -> element((Element) node);
				case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
					String data = ((CharacterData) node).getData();
					if (isHtmlElement(parent) && RAW_TEXT_PARENTS.contains(localName(parent))) {
						this.out.append(data);
					}
					else {
						escape(data, false);
					}
				}
				case Node.COMMENT_NODE -> this.out.append("<!--")
					.append(((CharacterData) node).getData())
					.append("-->");
				case Node.PROCESSING_INSTRUCTION_NODE -> {
					ProcessingInstruction pi = (ProcessingInstruction) node;
					this.out.append("<?").append(pi.getTarget()).append(' ').append(pi.getData()).append('>');
				}
				case Node.DOCUMENT_TYPE_NODE -> this.out.append("<!DOCTYPE ")
					.append(((DocumentType) node).getName())
					.append('>');
				case Node.ENTITY_REFERENCE_NODE -> children(node);
				default -> {
				}
			}
		}

		private void element(Element element) {
			String namespace = element.getNamespaceURI();
			boolean known = namespace == null || HTML_NAMESPACE.equals(namespace) || MATHML_NAMESPACE.equals(namespace)
					|| SVG_NAMESPACE.equals(namespace);
			String tagName = known ? localName(element) : element.getTagName();
			this.out.append('<').append(tagName);
			NamedNodeMap attributes = element.getAttributes();
			for (int i = 0; i < attributes.getLength(); i++) {
				Attr attribute = (Attr) attributes.item(i);
				this.out.append(' ').append(attributeName(attribute)).append("=\"");
				escape(attribute.getValue(), true);
				this.out.append('"');
			}
			this.out.append('>');
			if (isHtmlElement(element) && VOID_ELEMENTS.contains(localName(element))) {
				return;
			}
			children(element);
			this.out.append("</").append(tagName).append('>');
		}

		/** The attribute's "serialized name". */
		private static String attributeName(Attr attribute) {
			String namespace = attribute.getNamespaceURI();
			String localName = localName(attribute);
			if (namespace == null) {
				return localName;
			}
			return switch (namespace) {
				case XMLConstants.XML_NS_URI -> "xml:" + localName;
				case XMLConstants.XMLNS_ATTRIBUTE_NS_URI -> localName.equals("xmlns") ? "xmlns" : "xmlns:" + localName;
				case XLINK_NAMESPACE -> "xlink:" + localName;
				default -> attribute.getName();
			};
		}

		/** HTML §13.3 "escaping a string". */
		private void escape(String value, boolean attributeMode) {
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				switch (c) {
					case '&' -> this.out.append("&amp;");
					case '\u00A0' -> this.out.append("&nbsp;");
					case '"' -> this.out.append(attributeMode ? "&quot;" : "\"");
					case '<' -> this.out.append("&lt;");
					case '>' -> this.out.append("&gt;");
					default -> this.out.append(c);
				}
			}
		}

	}

	/**
	 * DOM Parsing §3.2 "XML serialization", simplified: the in-scope namespaces are a prefix map ("" for the
	 * default namespace); an element or attribute whose namespace is not in scope under its prefix gets a
	 * declaration, under a generated prefix if its own is taken on that element.
	 */
	private static final class XmlSerialization {

		private final StringBuilder out;

		private int generatedPrefixes;

		XmlSerialization(StringBuilder out) {
			this.out = out;
		}

		void children(Node parent, Map<String, String> inScope) {
			for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
				node(child, inScope);
			}
		}

		private void node(Node node, Map<String, String> inScope) {
			switch (node.getNodeType()) {
				case Node.ELEMENT_NODE -> element((Element) node, inScope);
				case Node.TEXT_NODE -> escape(((CharacterData) node).getData(), false);
				case Node.CDATA_SECTION_NODE -> this.out.append("<![CDATA[")
					.append(((CharacterData) node).getData())
					.append("]]>");
				case Node.COMMENT_NODE -> this.out.append("<!--")
					.append(((CharacterData) node).getData())
					.append("-->");
				case Node.PROCESSING_INSTRUCTION_NODE -> {
					ProcessingInstruction pi = (ProcessingInstruction) node;
					this.out.append("<?").append(pi.getTarget()).append(' ').append(pi.getData()).append("?>");
				}
				case Node.DOCUMENT_TYPE_NODE -> doctype((DocumentType) node);
				case Node.ENTITY_REFERENCE_NODE -> children(node, inScope);
				default -> {
				}
			}
		}

		private void doctype(DocumentType doctype) {
			this.out.append("<!DOCTYPE ").append(doctype.getName());
			String publicId = doctype.getPublicId();
			String systemId = doctype.getSystemId();
			if (publicId != null && !publicId.isEmpty()) {
				this.out.append(" PUBLIC \"").append(publicId).append('"');
			}
			if (systemId != null && !systemId.isEmpty()) {
				if (publicId == null || publicId.isEmpty()) {
					this.out.append(" SYSTEM");
				}
				this.out.append(" \"").append(systemId).append('"');
			}
			this.out.append('>');
		}

		private void element(Element element, Map<String, String> inherited) {
			Map<String, String> inScope = new HashMap<>(inherited);
			Map<String, String> declaredHere = new HashMap<>();
			NamedNodeMap attributes = element.getAttributes();
			for (int i = 0; i < attributes.getLength(); i++) {
				Attr attribute = (Attr) attributes.item(i);
				if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
					String prefix = localName(attribute).equals("xmlns") ? "" : localName(attribute);
					declaredHere.put(prefix, attribute.getValue());
				}
			}
			inScope.putAll(declaredHere);
			StringBuilder declarations = new StringBuilder();
			String namespace = element.getNamespaceURI();
			String qualifiedName;
			if (namespace == null || namespace.isEmpty()) {
				if (!inScope.getOrDefault("", "").isEmpty()) {
					declare("", "", inScope, declaredHere, declarations);
				}
				qualifiedName = localName(element);
			}
			else {
				String prefix = (element.getPrefix() != null) ? element.getPrefix() : "";
				if (!namespace.equals(inScope.get(prefix))) {
					if (declaredHere.containsKey(prefix)) {
						prefix = generatePrefix(inScope);
					}
					declare(prefix, namespace, inScope, declaredHere, declarations);
				}
				qualifiedName = prefix.isEmpty() ? localName(element) : prefix + ":" + localName(element);
			}
			StringBuilder serializedAttributes = new StringBuilder();
			for (int i = 0; i < attributes.getLength(); i++) {
				Attr attribute = (Attr) attributes.item(i);
				serializedAttributes.append(' ')
					.append(attributeName(attribute, inScope, declaredHere, declarations))
					.append("=\"");
				escapeInto(serializedAttributes, attribute.getValue(), true);
				serializedAttributes.append('"');
			}
			this.out.append('<').append(qualifiedName).append(declarations).append(serializedAttributes);
			if (element.getFirstChild() == null) {
				if (HTML_NAMESPACE.equals(namespace)) {
					// DOM Parsing: HTML elements in an XML document keep an end tag unless void
					this.out.append(VOID_ELEMENTS.contains(localName(element)) ? " />"
							: "></" + qualifiedName + ">");
				}
				else {
					this.out.append("/>");
				}
				return;
			}
			this.out.append('>');
			children(element, inScope);
			this.out.append("</").append(qualifiedName).append('>');
		}

		private String attributeName(Attr attribute, Map<String, String> inScope, Map<String, String> declaredHere,
				StringBuilder declarations) {
			String namespace = attribute.getNamespaceURI();
			String localName = localName(attribute);
			if (namespace == null || namespace.isEmpty()) {
				return localName;
			}
			if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(namespace)) {
				return localName.equals("xmlns") ? "xmlns" : "xmlns:" + localName;
			}
			if (XMLConstants.XML_NS_URI.equals(namespace)) {
				return "xml:" + localName;
			}
			// attributes never take the default namespace: they need a prefix bound to theirs
			String prefix = attribute.getPrefix();
			if (prefix != null && namespace.equals(inScope.get(prefix))) {
				return prefix + ":" + localName;
			}
			for (Map.Entry<String, String> binding : inScope.entrySet()) {
				if (!binding.getKey().isEmpty() && namespace.equals(binding.getValue())) {
					return binding.getKey() + ":" + localName;
				}
			}
			if (prefix == null || prefix.equals("xmlns") || declaredHere.containsKey(prefix)) {
				prefix = generatePrefix(inScope);
			}
			declare(prefix, namespace, inScope, declaredHere, declarations);
			return prefix + ":" + localName;
		}

		private void declare(String prefix, String namespace, Map<String, String> inScope,
				Map<String, String> declaredHere, StringBuilder declarations) {
			inScope.put(prefix, namespace);
			declaredHere.put(prefix, namespace);
			declarations.append(prefix.isEmpty() ? " xmlns" : " xmlns:" + prefix).append("=\"");
			escapeInto(declarations, namespace, true);
			declarations.append('"');
		}

		private String generatePrefix(Map<String, String> inScope) {
			String prefix;
			do {
				prefix = "ns" + (++this.generatedPrefixes);
			}
			while (inScope.containsKey(prefix));
			return prefix;
		}

		private void escape(String value, boolean attributeMode) {
			escapeInto(this.out, value, attributeMode);
		}

		/** DOM Parsing: {@code &}, {@code <} and {@code >} always, {@code "} in attribute values. */
		private static void escapeInto(StringBuilder out, String value, boolean attributeMode) {
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				switch (c) {
					case '&' -> out.append("&amp;");
					case '<' -> out.append("&lt;");
					case '>' -> out.append("&gt;");
					case '"' -> out.append(attributeMode ? "&quot;" : "\"");
					default -> out.append(c);
				}
			}
		}

	}

}
