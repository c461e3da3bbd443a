package dev.springxhr.docs.bodies;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import reactor.core.publisher.Flux;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.Blob;
import dev.springxhr.xhr.DOMParser;
import dev.springxhr.xhr.FormData;
import dev.springxhr.xhr.StreamingBody;
import dev.springxhr.xhr.URLSearchParams;
import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.XhrSettings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The snippets of docs/bodies-and-response-types.md, run against a WireMock server that records what it received.
 * A docs block made of several examples is one region in several parts, one test each.
 */
class BodiesSnippets {

	private static final Logger log = LoggerFactory.getLogger(BodiesSnippets.class);

	@RegisterExtension
	static final WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final XhrFactory factory = XhrFactory.of(WebClient.builder(),
			XhrSettings.defaults().withBaseUrl(java.net.URI.create(server.baseUrl() + "/")));

	private final XMLHttpRequest xhr = this.factory.create();

	private final byte[] pdfBytes = "%PDF-1.7 quarterly".getBytes(StandardCharsets.US_ASCII);

	@Test
	void formData() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
		// tag::request-bodies[]
		// A form with a file, as a browser's FormData
		FormData form = new FormData();
		form.append("title", "Quarterly report");
		form.append("report", new Blob(List.of(pdfBytes), "application/pdf"), "q3.pdf");
		xhr.open("POST", "/upload");
		xhr.send(form);

		// end::request-bodies[]
		awaitDone();
		server.verify(postRequestedFor(urlEqualTo("/upload"))
			.withHeader("Content-Type", containing("multipart/form-data; boundary=----SpringXhrFormBoundary"))
			.withRequestBody(containing("filename=\"q3.pdf\""))
			.withRequestBody(containing("%PDF-1.7 quarterly"))
			.withRequestBody(containing("Quarterly report")));
	}

	@Test
	void jsonText() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201)));
		// tag::request-bodies[]
		// JSON text: a String (send JSON with its own Content-Type)
		xhr.open("POST", "/api/items");
		xhr.setRequestHeader("Content-Type", "application/json");
		xhr.send("{\"name\":\"pen\"}");

		// end::request-bodies[]
		awaitDone();
		server.verify(postRequestedFor(urlEqualTo("/api/items")).withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalTo("{\"name\":\"pen\"}")));
	}

	@Test
	void formPost() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
		// tag::request-bodies[]
		// A form post
		xhr.open("POST", "/search");
		xhr.send(new URLSearchParams("q=spring xhr&page=2"));   // q=spring+xhr&page=2

		// end::request-bodies[]
		awaitDone();
		server.verify(postRequestedFor(urlEqualTo("/search"))
			.withHeader("Content-Type", equalTo("application/x-www-form-urlencoded;charset=UTF-8"))
			.withRequestBody(equalTo("q=spring+xhr&page=2")));
	}

	@Test
	void rawBytes() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
		// tag::request-bodies[]
		// Raw bytes, no Content-Type
		xhr.open("PUT", "/blobs/7");
		xhr.send(new byte[] { 1, 2, 3 });
		// end::request-bodies[]
		awaitDone();
		server.verify(putRequestedFor(urlEqualTo("/blobs/7")).withoutHeader("Content-Type")
			.withRequestBody(binaryEqualTo(new byte[] { 1, 2, 3 })));
	}

	@Test
	void documentBody() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
		xhr.open("POST", "/orders");
		// tag::document-body[]
		Document doc = new DOMParser().parseFromString("<order><item>pen</item></order>", "application/xml");
		xhr.send(doc);    // Content-Type: application/xml;charset=UTF-8
		// end::document-body[]
		awaitDone();
		server.verify(postRequestedFor(urlEqualTo("/orders"))
			.withHeader("Content-Type", equalTo("application/xml;charset=UTF-8"))
			.withRequestBody(equalTo("<order><item>pen</item></order>")));
	}

	@Test
	void streamingFromAFile(@TempDir Path directory) throws Exception {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
		Path path = Files.write(directory.resolve("report.bin"), new byte[100_000]);
		xhr.open("PUT", "/files/report.bin");
		// tag::streaming-bodies[]
		xhr.send(StreamingBody.fromResource(new FileSystemResource(path)));              // Content-Length from the file
		// end::streaming-bodies[]
		awaitDone();
		server.verify(putRequestedFor(urlEqualTo("/files/report.bin")).withHeader("Content-Length", equalTo("100000")));
	}

	@Test
	void streamingFromAnInputStream() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
		xhr.open("PUT", "/archives/1.zip");
		// tag::streaming-bodies[]
		xhr.send(StreamingBody.fromInputStream(() -> openArchive(), -1, "application/zip")); // chunked, read off-loop
		// end::streaming-bodies[]
		awaitDone();
		server.verify(putRequestedFor(urlEqualTo("/archives/1.zip")).withHeader("Transfer-Encoding", equalTo("chunked"))
			.withHeader("Content-Type", equalTo("application/zip"))
			.withRequestBody(equalTo("PK archive")));
	}

	@Test
	void streamingFromAPublisher() {
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
		Flux<DataBuffer> dataBufferFlux = Flux.just("abc", "def")
			.map((part) -> DefaultDataBufferFactory.sharedInstance.wrap(part.getBytes(StandardCharsets.US_ASCII)));
		long knownLength = 6;
		xhr.open("PUT", "/blobs/8");
		// tag::streaming-bodies[]
		xhr.send(StreamingBody.of(dataBufferFlux, knownLength, "application/octet-stream"));
		// end::streaming-bodies[]
		awaitDone();
		server.verify(putRequestedFor(urlEqualTo("/blobs/8")).withHeader("Content-Length", equalTo("6"))
			.withRequestBody(equalTo("abcdef")));
	}

	@Test
	@SuppressWarnings("unchecked")
	void jsonResponse() {
		server.stubFor(get("/orders/42").willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withBody("{\"id\":42,\"items\":[\"pen\",\"ink\"]}")));
		List<List<Object>> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
		// tag::response-types[]
		xhr.setResponseType("json");
		xhr.setOnload((e) -> {
			Map<String, Object> order = (Map<String, Object>) xhr.getResponse();
			List<Object> items = (List<Object>) order.get("items");
			// end::response-types[]
			seen.add(items);
			// tag::response-types[]
		});

		// end::response-types[]
		xhr.open("GET", "/orders/42");
		xhr.send();
		await().until(() -> !seen.isEmpty());
		assertThat(seen.get(0)).containsExactly("pen", "ink");
	}

	@Test
	void arraybufferBlobAndDocumentResponses() {
		server.stubFor(get("/logo.png").willReturn(aResponse().withHeader("Content-Type", "image/png")
			.withBody(new byte[] { (byte) 0x89, 'P', 'N', 'G' })));
		server.stubFor(get("/page.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
			.withBody("<!doctype html><title>Orders</title><p>2 open")));
		// each response type is set after open() (which keeps it) and before send(); in DONE it cannot change
		xhr.open("GET", "/logo.png");
		// tag::response-types[]
		xhr.setResponseType("arraybuffer");        // in load: a read-only view of the bytes
		// end::response-types[]
		sendAndAwait();
		// tag::response-types[]
		ByteBuffer bytes = (ByteBuffer) xhr.getResponse();

		// end::response-types[]
		xhr.open("GET", "/logo.png");
		// tag::response-types[]
		xhr.setResponseType("blob");               // in load: bytes plus the final MIME type
		// end::response-types[]
		sendAndAwait();
		// tag::response-types[]
		Blob blob = (Blob) xhr.getResponse();      // blob.getType() is e.g. "image/png"

		// end::response-types[]
		xhr.open("GET", "/page.html");
		// tag::response-types[]
		xhr.setResponseType("document");           // in load: HTML or XML as org.w3c.dom
		// end::response-types[]
		sendAndAwait();
		// tag::response-types[]
		Document page = (Document) xhr.getResponse();
		String title = page.getElementsByTagName("title").item(0).getTextContent();
		// end::response-types[]
		assertThat(bytes.isReadOnly()).isTrue();
		assertThat(bytes.remaining()).isEqualTo(4);
		assertThat(blob.getType()).isEqualTo("image/png");
		assertThat(blob.getSize()).isEqualTo(4);
		assertThat(title).isEqualTo("Orders");
	}

	@Test
	void typedJson() {
		server.stubFor(get("/items/1").willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withBody("{\"name\":\"pen\",\"count\":3}")));
		server.stubFor(get("/items").willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withBody("[{\"name\":\"pen\",\"count\":3},{\"name\":\"ink\",\"count\":1}]")));
		// tag::typed-json[]
		record Item(String name, int count) { }

		// end::typed-json[]
		getAndAwait("/items/1");
		// tag::typed-json[]
		Item item = xhr.getResponse(Item.class);
		// end::typed-json[]
		getAndAwait("/items");
		// tag::typed-json[]
		List<Item> items = xhr.getResponse(new ParameterizedTypeReference<List<Item>>() { });
		// end::typed-json[]
		assertThat(item).isEqualTo(new Item("pen", 3));
		assertThat(items).containsExactly(new Item("pen", 3), new Item("ink", 1));
		log.info("{} and {}", item, items);
	}

	private InputStream openArchive() {
		return new ByteArrayInputStream("PK archive".getBytes(StandardCharsets.US_ASCII));
	}

	private void getAndAwait(String url) {
		xhr.open("GET", url);
		sendAndAwait();
	}

	private void sendAndAwait() {
		xhr.send();
		awaitDone();
	}

	private void awaitDone() {
		await().until(() -> xhr.getReadyState() == XMLHttpRequest.DONE);
		assertThat(xhr.getStatus()).as("status of %s", xhr).isBetween((short) 200, (short) 299);
	}

}
