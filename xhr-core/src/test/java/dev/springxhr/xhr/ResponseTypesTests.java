package dev.springxhr.xhr;

import static dev.springxhr.xhr.support.DomExceptionAssert.assertThrowsDomException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.codec.DecodingException;

import dev.springxhr.xhr.support.EventRecorder;
import dev.springxhr.xhr.support.RawHttpServer;
import dev.springxhr.xhr.support.XhrTestServer;

/**
 * Checklist §12–13: the response types {@code arraybuffer}, {@code blob}, {@code json} and {@code document}, the
 * response object made once, {@code responseXML} for {@code ""} and {@code "document"}, and (beyond the standard)
 * {@code getResponse(Class)}; every response comes from a real server with exact bytes and headers.
 */
class ResponseTypesTests {

	@RegisterExtension
	static final XhrTestServer<RawHttpServer> raw = XhrTestServer.raw();

	private static int routes;

	/** Serve {@code body} with the given header lines (Content-Length is added) on a path of its own. */
	private static synchronized String serve(byte[] body, String... headerLines) {
		String path = "/r" + (++routes);
		String[] lines = new String[headerLines.length + 1];
		System.arraycopy(headerLines, 0, lines, 0, headerLines.length);
		lines[headerLines.length] = "Content-Length: " + body.length;
		raw.server().route(path, RawHttpServer.response("HTTP/1.1 200 OK", body, lines));
		return raw.baseUrl() + path;
	}

	private static String serve(String body, String... headerLines) {
		return serve(body.getBytes(StandardCharsets.UTF_8), headerLines);
	}

	private XMLHttpRequest fetch(String url, @Nullable String responseType, @Nullable String overrideMimeType) {
		XMLHttpRequest xhr = raw.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		xhr.open("GET", url);
		if (responseType != null) {
			xhr.setResponseType(responseType);
		}
		if (overrideMimeType != null) {
			xhr.overrideMimeType(overrideMimeType);
		}
		xhr.send();
		rec.awaitLoadend();
		assertThat(rec.count("load")).isOne();
		return xhr;
	}

	// ---- json ----------------------------------------------------------------------------------------------------

	@Test
	void jsonResponseIsAJsLikeValueKeepingMemberOrder() {
		XMLHttpRequest xhr = fetch(serve("{\"z\":1,\"a\":[true,null,\"日本語\",2.5,3000000000],\"m\":{}}",
				"Content-Type: application/json"), "json", null);

		Object response = xhr.getResponse();
		assertThat(response).isInstanceOf(Map.class);
		@SuppressWarnings("unchecked")
		Map<String, Object> map = (Map<String, Object>) response;
		assertThat(map.keySet()).containsExactly("z", "a", "m");
		assertThat(map.get("z")).isEqualTo(1);
		assertThat(map.get("a")).isEqualTo(java.util.Arrays.asList(true, null, "日本語", 2.5, 3000000000L));
		assertThat(xhr.getResponse()).as("the same object on every read").isSameAs(response);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "{\"test\":\"foo\"", "{'a':1}", "[1,]", "nul", "1 2" })
	void malformedJsonIsNull(String body) {
		XMLHttpRequest xhr = fetch(serve(body, "Content-Type: application/json"), "json", null);

		assertThat(xhr.getResponse()).isNull();
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.DONE);
	}

	@Test
	void jsonIsAlwaysUtf8WithItsBomRemovedWhateverTheCharsetSays() {
		byte[] body = "\uFEFF{\"é\":\"ü\"}".getBytes(StandardCharsets.UTF_8);
		XMLHttpRequest xhr = fetch(serve(body, "Content-Type: application/json;charset=utf-16"), "json", null);

		assertThat(xhr.getResponse()).isEqualTo(Map.of("é", "ü"));
	}

	@Test
	void utf16JsonIsNotDecodedAsUtf16() {
		// WPT no-utf16-json.htm
		byte[] body = "\"x\"".getBytes(StandardCharsets.UTF_16LE);
		XMLHttpRequest xhr = fetch(serve(body, "Content-Type: application/json;charset=utf-16le"), "json", null);

		assertThat(xhr.getResponse()).isNull();
	}

	@Test
	void jsonScalarsAndNull() {
		assertThat(fetch(serve(" \"s\" "), "json", null).getResponse()).isEqualTo("s");
		assertThat(fetch(serve("-0"), "json", null).getResponse()).isEqualTo(-0.0);
		assertThat(fetch(serve("null"), "json", null).getResponse()).isNull();
	}

	@Test
	void nonTextResponsesAreNullBeforeDoneAndResponseTextThrows() {
		XMLHttpRequest xhr = raw.factory().create();
		xhr.open("GET", serve("{}"));
		xhr.setResponseType("json");
		assertThat(xhr.getResponse()).isNull();
		assertThrowsDomException("InvalidStateError", xhr::getResponseText);
		assertThrowsDomException("InvalidStateError", xhr::getResponseXML);
	}

	// ---- arraybuffer and blob ------------------------------------------------------------------------------------

	@Test
	void arraybufferIsAReadOnlyBufferOfTheReceivedBytes() {
		XMLHttpRequest xhr = fetch(serve(new byte[] { 0, (byte) 0xFF, 16 }, "Content-Type: application/x-bytes"),
				"arraybuffer", null);

		ByteBuffer buffer = (ByteBuffer) xhr.getResponse();
		assertThat(buffer.remaining()).isEqualTo(3);
		assertThat(buffer.get(0)).isZero();
		assertThat(buffer.get(1)).isEqualTo((byte) 0xFF);
		assertThat(buffer.get(2)).isEqualTo((byte) 16);
		assertThat(buffer.isReadOnly()).isTrue();
		assertThatExceptionOfType(ReadOnlyBufferException.class).isThrownBy(() -> buffer.put(0, (byte) 1));
		assertThat(xhr.getResponse()).isSameAs(buffer);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			Content-Type: text/plain; charset=utf-8 | -                              | text/plain;charset=utf-8
			Content-Type: TEXT/HTML                 | -                              | text/html
			Content-Type: bogus                     | -                              | text/xml
			X-No-Type: 1                            | -                              | text/xml
			Content-Type: text/plain                | text/plain;charset=Shift_JIS   | text/plain;charset=Shift_JIS
			Content-Type: text/plain                | bogus                          | application/octet-stream
			""")
	void blobTypeIsTheFinalMimeType(String header, @Nullable String override, String type) {
		XMLHttpRequest xhr = fetch(serve("blob body", header), "blob", override);

		Blob blob = (Blob) xhr.getResponse();
		assertThat(blob.getType()).isEqualTo(type);
		assertThat(blob.text()).isEqualTo("blob body");
		assertThat(blob.getSize()).isEqualTo(9);
		assertThat(xhr.getResponse()).isSameAs(blob);
	}

	// ---- documents -----------------------------------------------------------------------------------------------

	@Test
	void xmlResponseIsParsedForResponseTypeEmptyAndDocument() {
		String url = serve("<?xml version=\"1.0\"?><root xmlns=\"urn:r\"><x>1</x></root>",
				"Content-Type: application/xml");
		Document fromEmpty = fetch(url, null, null).getResponseXML();
		XMLHttpRequest asDocument = fetch(url, "document", null);

		assertThat(fromEmpty.getDocumentElement().getLocalName()).isEqualTo("root");
		assertThat(fromEmpty.getDocumentElement().getNamespaceURI()).isEqualTo("urn:r");
		assertThat(fromEmpty.getInputEncoding()).isEqualTo("UTF-8");
		Document document = (Document) asDocument.getResponse();
		assertThat(document.getDocumentElement().getTextContent()).isEqualTo("1");
		assertThat(asDocument.getResponseXML()).isSameAs(document);
		assertThat(document.getDocumentURI()).isEqualTo(url);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			''                        | true
			bogus                     | true
			bogus+xml                 | true
			video/x-awesome+xml       | true
			text/xml                  | true
			application/xhtml+xml     | true
			image/svg+xml             | true
			text/html                 | false
			text/plain;+xml           | false
			text/plainxml             | false
			video/x-awesome           | false
			text/plain                | false
			application/rdf           | false
			""")
	void responseXmlDependsOnTheMediaType(String type, boolean parsed) {
		// WPT responsexml-media-type.htm (body <x></x>)
		String url = type.isEmpty() ? serve("<x></x>") : serve("<x></x>", "Content-Type: " + type);

		assertThat(fetch(url, null, null).getResponseXML() != null).isEqualTo(parsed);
	}

	@Test
	void malformedXmlIsANullDocument() {
		XMLHttpRequest xhr = fetch(serve("<a><b></a>", "Content-Type: text/xml"), null, null);

		assertThat(xhr.getResponseXML()).isNull();
		assertThat(xhr.getResponseText()).isEqualTo("<a><b></a>");
	}

	@Test
	void htmlIsParsedOnlyForResponseTypeDocument() {
		String url = serve("<title>T</title><p>hi", "Content-Type: text/html");

		assertThat(fetch(url, null, null).getResponseXML()).isNull();
		Document document = fetch(url, "document", null).getResponseXML();
		assertThat(document.getDocumentElement().getLocalName()).isEqualTo("html");
		assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/1999/xhtml");
		assertThat(document.getElementsByTagName("p").item(0).getTextContent()).isEqualTo("hi");
		assertThat(document.getInputEncoding()).isEqualTo("UTF-8");
	}

	@Test
	void htmlDocumentEncodingComesFromTheMetaPrescanWhenTheHeaderHasNone() {
		byte[] body = "<meta charset=windows-1252><p>caf\u00E9".getBytes(StandardCharsets.ISO_8859_1);
		Document document = (Document) fetch(serve(body, "Content-Type: text/html"), "document", null).getResponse();

		assertThat(document.getElementsByTagName("p").item(0).getTextContent()).isEqualTo("café");
		assertThat(document.getInputEncoding()).isEqualTo("windows-1252");
	}

	@Test
	void htmlDocumentHeaderCharsetWinsOverTheMetaAndTheOverrideWinsOverBoth() {
		byte[] body = "<meta charset=utf-8><p>\u00E9".getBytes(StandardCharsets.ISO_8859_1);
		String url = serve(body, "Content-Type: text/html;charset=iso-8859-2");

		Document byHeader = (Document) fetch(url, "document", null).getResponse();
		Document byOverride = (Document) fetch(url, "document", "text/html;charset=windows-1252").getResponse();
		assertThat(byHeader.getElementsByTagName("p").item(0).getTextContent()).isEqualTo("\u00E9");
		assertThat(byHeader.getInputEncoding()).isEqualTo("ISO-8859-2");
		assertThat(byOverride.getInputEncoding()).isEqualTo("windows-1252");
	}

	@Test
	void xmlDeclarationEncodingDecodesTheDocument() {
		byte[] body = "<?xml version=\"1.0\" encoding=\"windows-1252\"?><x>\u00E9</x>"
			.getBytes(StandardCharsets.ISO_8859_1);
		Document document = fetch(serve(body, "Content-Type: application/xml"), null, null).getResponseXML();

		assertThat(document.getDocumentElement().getTextContent()).isEqualTo("é");
		assertThat(document.getInputEncoding()).isEqualToIgnoringCase("windows-1252");
	}

	@Test
	void overrideMimeTypeMakesTextAnXmlDocumentAndBogusMakesXmlNone() {
		// checklist §11.2: an unparsable override is application/octet-stream, which is not XML
		assertThat(fetch(serve("<x>1</x>", "Content-Type: text/plain"), null, "text/xml").getResponseXML())
			.isNotNull();
		assertThat(fetch(serve("<x/>", "Content-Type: text/xml"), null, "bogus").getResponseXML()).isNull();
	}

	@Test
	void documentOfAHeadOrNoContentResponseIsNull() {
		raw.server()
			.route("/no-content", RawHttpServer.response("HTTP/1.1 204 No Content", "", "Content-Type: text/xml"));
		XMLHttpRequest xhr = fetch(raw.baseUrl() + "/no-content", "document", null);

		assertThat(xhr.getResponse()).isNull();
	}

	@Test
	void responseXmlIsAbsentInADedicatedWorker() {
		XhrFactory worker = raw.newFactory((settings) -> settings.withGlobalScope(GlobalScope.DEDICATED_WORKER));
		XMLHttpRequest xhr = worker.create();
		EventRecorder rec = EventRecorder.attach(xhr);
		xhr.open("GET", serve("<x/>", "Content-Type: text/xml"));
		xhr.send();
		rec.awaitLoadend();

		assertThat(xhr.getResponseXML()).isNull();
		assertThat(xhr.getResponseText()).isEqualTo("<x/>");
	}

	@Test
	void externalEntitiesAndDtdsOfAResponseAreNeverFetched() {
		String secret = serve("TOP SECRET", "Content-Type: text/plain");
		String secretPath = secret.substring(raw.baseUrl().length());
		String dtd = serve("<!ENTITY leak SYSTEM \"" + secret + "\">", "Content-Type: application/xml-dtd");
		String dtdPath = dtd.substring(raw.baseUrl().length());
		String xxe = serve("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"" + secret + "\">]><x>&e;</x>",
				"Content-Type: application/xml");
		String externalDtd = serve("<?xml version=\"1.0\"?><!DOCTYPE x SYSTEM \"" + dtd + "\"><x>&leak;</x>",
				"Content-Type: application/xml");
		String parameterEntity = serve("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY % p SYSTEM \"" + dtd
				+ "\"> %p;]><x>&leak;</x>", "Content-Type: application/xml");

		for (String url : List.of(xxe, externalDtd, parameterEntity)) {
			Document document = fetch(url, "document", null).getResponseXML();
			if (document != null) {
				assertThat(document.getDocumentElement().getTextContent()).doesNotContain("SECRET");
			}
		}
		assertThat(raw.server().requestsTo(secretPath)).isEmpty();
		assertThat(raw.server().requestsTo(dtdPath)).isEmpty();
	}

	@Test
	void billionLaughsIsANullDocumentNotAnExpansion() {
		StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
		for (int i = 1; i <= 9; i++) {
			dtd.append("<!ENTITY lol").append(i).append(" \"");
			dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
		}
		dtd.append("]>");
		XMLHttpRequest xhr = fetch(serve("<?xml version=\"1.0\"?>" + dtd + "<lolz>&lol9;</lolz>",
				"Content-Type: application/xml"), null, null);

		assertThat(xhr.getResponseXML()).isNull();
	}

	@Test
	void xhtmlWithADoctypeParsesWithoutFetchingTheDtd() {
		XMLHttpRequest xhr = fetch(serve("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
				+ "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\"><html xmlns=\"http://www.w3.org/1999/xhtml\">"
				+ "<body><p>x</p></body></html>", "Content-Type: application/xhtml+xml"), null, null);

		assertThat(xhr.getResponseXML().getElementsByTagName("p").getLength()).isEqualTo(1);
	}

	// ---- typed JSON (beyond the standard) --------------------------------------------------------------------------

	record Item(String name, int count) {
	}

	@Test
	void jsonIsMappedToARecordWithTheWebClientsJsonCodec() {
		XMLHttpRequest xhr = fetch(serve("{\"name\":\"pen\",\"count\":3}", "Content-Type: application/json"), null,
				null);

		assertThat(xhr.getResponse(Item.class)).isEqualTo(new Item("pen", 3));
		assertThat(xhr.getResponseText()).isEqualTo("{\"name\":\"pen\",\"count\":3}");
	}

	@Test
	void jsonIsMappedToAGenericTypeWhateverTheResponseType() {
		XMLHttpRequest xhr = fetch(serve("[{\"name\":\"a\",\"count\":1},{\"name\":\"b\",\"count\":2}]",
				"Content-Type: text/plain"), "arraybuffer", null);

		List<Item> items = xhr.getResponse(new ParameterizedTypeReference<List<Item>>() {
		});
		assertThat(items).containsExactly(new Item("a", 1), new Item("b", 2));
	}

	@Test
	void typedJsonThatDoesNotMapThrowsDecodingException() {
		XMLHttpRequest xhr = fetch(serve("{\"name\":"), null, null);

		assertThatExceptionOfType(DecodingException.class).isThrownBy(() -> xhr.getResponse(Item.class));
	}

	@Test
	void typedJsonIsNullBeforeDoneAndForAnEmptyBody() {
		XMLHttpRequest xhr = raw.factory().create();
		assertThat(xhr.getResponse(Item.class)).isNull();
		assertThat(fetch(serve(""), null, null).getResponse(Item.class)).isNull();
	}

}
