package dev.springxhr.xhr.internal.document;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import dev.springxhr.xhr.internal.encoding.Encodings;
import dev.springxhr.xhr.internal.encoding.WhatwgCharset;

/**
 * The XML half of XHR "set a document response": a namespace-aware JAXP parse that never loads anything (no
 * external DTD, entity or XInclude) and caps entity expansion.
 *
 * @see <a href="https://xhr.spec.whatwg.org/#document-response">XHR §3.6.11 set a document response</a>
 */
public final class XmlDocumentParser {

	private static final Pattern XML_DECLARATION_ENCODING = Pattern
		.compile("^<\\?xml[ \\t\\r\\n][^>]*?encoding[ \\t\\r\\n]*=[ \\t\\r\\n]*([\"'])([^\"'>]*)\\1");

	private static final int XML_DECLARATION_SCAN = 1024;

	private static final DocumentBuilderFactory FACTORY = createFactory();

	private static final ErrorHandler ERRORS = new ErrorHandler() {

		@Override
		public void warning(SAXParseException ex) {
			// silent: Xerces would otherwise print to stderr
		}

		@Override
		public void error(SAXParseException ex) {
			// validity errors; the parser does not validate
		}

		@Override
		public void fatalError(SAXParseException ex) throws SAXException {
			throw ex;
		}

	};

	private XmlDocumentParser() {
	}

	/**
	 * XHR §3.6.11 set a document response step 6: run the XML parser on the received bytes.
	 * @param bytes the received bytes
	 * @param length how many of them
	 * @param finalEncoding the charset of the final MIME type, if any
	 * @param documentUrl the response URL, if any
	 * @return the document, or {@code null} if parsing failed (not well-formed, namespace error, unsupported or
	 * malformed encoding, entity limits)
	 */
	public static @Nullable Document parse(byte[] bytes, int length, @Nullable Charset finalEncoding,
			@Nullable URI documentUrl) {
		Charset bom = Encodings.bomEncoding(bytes, length);
		Charset charset = (bom != null) ? bom : (finalEncoding != null) ? finalEncoding : sniff(bytes, length);
		if (charset == null) {
			return null; // "unsupported character encoding"
		}
		String text = decode(bytes, length, bom, charset);
		if (text == null) {
			return null;
		}
		Document document = parse(text, Encodings.name(charset));
		if (document != null && documentUrl != null) {
			document.setDocumentURI(documentUrl.toString());
		}
		return document;
	}

	/**
	 * A document with no children whose {@code getInputEncoding()} is {@code inputEncoding}: DOM has no setter,
	 * so parse a one-element document and remove the element.
	 */
	static Document emptyDocument(String inputEncoding) {
		Document document = parse("<html/>", inputEncoding);
		if (document == null) {
			throw new IllegalStateException("The XML parser rejected a well-formed document");
		}
		document.removeChild(document.getDocumentElement());
		return document;
	}

	/**
	 * Parse already decoded characters: Xerces then reports the encoding name given exactly, whereas for bytes
	 * it upper-cases it and reports the encoding it guessed before reading the XML declaration.
	 */
	private static @Nullable Document parse(String text, String inputEncoding) {
		InputSource source = new InputSource(new StringReader(text));
		source.setEncoding(inputEncoding);
		try {
			return newDocumentBuilder().parse(source);
		}
		catch (SAXException | IOException ex) {
			return null; // XHR §3.6.11 step 6: "If that failed ... then return"
		}
	}

	/**
	 * The encoding of bytes without a BOM or final encoding: UTF-16 by XML §F.1 autodetection, else the XML
	 * declaration's label read as the Encoding Standard does, else UTF-8.
	 * @return the encoding, or {@code null} for a label no encoding has
	 */
	private static @Nullable Charset sniff(byte[] bytes, int length) {
		if (length >= 4) {
			int b0 = bytes[0] & 0xFF;
			int b1 = bytes[1] & 0xFF;
			int b2 = bytes[2] & 0xFF;
			int b3 = bytes[3] & 0xFF;
			if (b0 == 0x3C && b1 == 0x00 && b2 == 0x3F && b3 == 0x00) {
				return Encodings.UTF_16LE;
			}
			if (b0 == 0x00 && b1 == 0x3C && b2 == 0x00 && b3 == 0x3F) {
				return Encodings.UTF_16BE;
			}
		}
		String label = declaredEncodingLabel(bytes, length);
		if (label == null) {
			return StandardCharsets.UTF_8;
		}
		Charset declared = Encodings.forLabel(label);
		if (Encodings.UTF_16BE.equals(declared) || Encodings.UTF_16LE.equals(declared)) {
			// the declaration was readable one byte per character, so the bytes are not UTF-16
			return StandardCharsets.UTF_8;
		}
		return declared;
	}

	/**
	 * The label of the {@code encoding} of an XML declaration at the start of the bytes, read one byte per
	 * character (an ASCII-compatible encoding), or {@code null} without one.
	 */
	public static @Nullable String declaredEncodingLabel(byte[] bytes, int length) {
		String head = new String(bytes, 0, Math.min(length, XML_DECLARATION_SCAN), StandardCharsets.ISO_8859_1);
		Matcher matcher = XML_DECLARATION_ENCODING.matcher(head);
		return matcher.find() ? matcher.group(2) : null;
	}

	/**
	 * Decode strictly: malformed input is a fatal error for an XML parser (XML 1.0 §4.3.3), unlike for text; every
	 * encoding but UTF-8 is the Encoding Standard's, with its error mode fatal.
	 */
	private static @Nullable String decode(byte[] bytes, int length, @Nullable Charset bom, Charset charset) {
		int offset = (bom == null) ? 0 : StandardCharsets.UTF_8.equals(bom) ? 3 : 2;
		if (charset instanceof WhatwgCharset whatwg) {
			return whatwg.decodeStrictly(bytes, offset, length - offset);
		}
		try {
			return charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, offset, length - offset))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private static DocumentBuilder newDocumentBuilder() {
		DocumentBuilder builder;
		// DocumentBuilderFactory is not guaranteed to be thread-safe; builders are used by one thread only
		synchronized (FACTORY) {
			try {
				builder = FACTORY.newDocumentBuilder();
			}
			catch (ParserConfigurationException ex) {
				throw new IllegalStateException(ex);
			}
		}
		// belt and braces: whatever still asks for an external resource gets nothing
		builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
		builder.setErrorHandler(ERRORS);
		return builder;
	}

	private static DocumentBuilderFactory createFactory() {
		// the JDK's own parser: the Oracle limit properties below are its
		DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
		factory.setNamespaceAware(true);
		factory.setValidating(false);
		factory.setXIncludeAware(false);
		try {
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
		// XHR §3.6.11 step 6 note: resources referred to are not loaded
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		// internal entities still expand, but "billion laughs" fails fast
		factory.setAttribute("http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit", "10000");
		factory.setAttribute("http://www.oracle.com/xml/jaxp/properties/totalEntitySizeLimit", "1000000");
		return factory;
	}

}
