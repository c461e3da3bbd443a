package dev.springxhr.xhr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;

import dev.springxhr.xhr.support.EventRecorder;
import dev.springxhr.xhr.support.RawHttpServer;
import dev.springxhr.xhr.support.XhrTestServer;

/**
 * XXE end to end: an XML response read through {@code responseXML} or {@code responseType = "document"} (async and
 * sync) never fetches an external DTD or entity — the server that offers them counts zero requests for them — and
 * a billion-laughs document gives {@code null} quickly instead of expanding.
 */
class XmlResponseEntityTests {

	private static final List<String> EXTERNAL_PATHS = List.of("/dtd", "/secret", "/param");

	@RegisterExtension
	final XhrTestServer<RawHttpServer> raw = XhrTestServer.raw();

	@BeforeEach
	void offerSecrets() {
		for (String path : EXTERNAL_PATHS) {
			this.raw.server().route(path, RawHttpServer.response("HTTP/1.1 200 OK", "<!ENTITY leak \"SECRET\">SECRET",
					"Content-Type: application/xml-dtd", "Content-Length: 30"));
		}
	}

	@AfterEach
	void noExternalResourceWasFetched() {
		for (String path : EXTERNAL_PATHS) {
			assertThat(this.raw.server().requestsTo(path)).as(path).isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "dtd", "general", "parameter", "file" })
	void externalEntitiesAreNeverFetchedAsyncOrSync(String attack) {
		String base = this.raw.baseUrl();
		String xml = switch (attack) {
			case "dtd" -> "<!DOCTYPE x SYSTEM \"" + base + "/dtd\"><x>&leak;</x>";
			case "general" -> "<!DOCTYPE x [<!ENTITY e SYSTEM \"" + base + "/secret\">]><x>&e;</x>";
			case "parameter" -> "<!DOCTYPE x [<!ENTITY % p SYSTEM \"" + base + "/param\"> %p;]><x>&leak;</x>";
			default -> "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>[&e;]</x>";
		};
		serve(xml);
		for (boolean documentType : List.of(false, true)) {
			assertThat(text(fetchAsync(documentType))).doesNotContain("SECRET").doesNotContain("root:");
			assertThat(text(fetchSync())).doesNotContain("SECRET").doesNotContain("root:");
		}
	}

	@Test
	void billionLaughsGivesNullQuicklyAsyncAndSync() {
		StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
		for (int i = 1; i <= 9; i++) {
			dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
				.append("\">");
		}
		serve(dtd.append("]><lolz>&lol9;</lolz>").toString());
		long start = System.nanoTime();
		assertThat(fetchAsync(false)).isNull();
		assertThat(fetchAsync(true)).isNull();
		assertThat(fetchSync()).isNull();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
	}

	private void serve(String xml) {
		byte[] body = xml.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		this.raw.server().route("/doc.xml", RawHttpServer.response("HTTP/1.1 200 OK", body,
				"Content-Type: application/xml", "Content-Length: " + body.length));
	}

	private Document fetchAsync(boolean documentType) {
		XMLHttpRequest xhr = this.raw.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", this.raw.baseUrl() + "/doc.xml");
		if (documentType) {
			xhr.setResponseType(XMLHttpRequestResponseType.DOCUMENT);
		}
		rec.send();
		rec.awaitLoadend();
		assertThat(rec.count("load")).isEqualTo(1);
		assertThat(rec.count("loadend")).isEqualTo(1);
		return documentType ? (Document) xhr.getResponse() : xhr.getResponseXML();
	}

	private Document fetchSync() {
		XMLHttpRequest xhr = this.raw.factory().create();
		xhr.open("GET", this.raw.baseUrl() + "/doc.xml", false);
		xhr.send();
		assertThat(xhr.getStatus()).isEqualTo((short) 200);
		return xhr.getResponseXML();
	}

	private static String text(Document document) {
		return (document != null) ? document.getDocumentElement().getTextContent() : "";
	}

}
