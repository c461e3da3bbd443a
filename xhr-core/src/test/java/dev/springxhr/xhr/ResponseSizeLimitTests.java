package dev.springxhr.xhr;

import static dev.springxhr.xhr.support.DomExceptionAssert.assertThrowsDomException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.util.unit.DataSize;

import dev.springxhr.xhr.support.EventRecorder;
import dev.springxhr.xhr.support.RawHttpServer;
import dev.springxhr.xhr.support.XhrTestServer;

/**
 * Content codings and {@code maxResponseSize}: the engine advertises and decodes gzip and deflate as a browser
 * does, shows the headers as received, and applies the limit to the decoded bytes, so a decompression bomb fails
 * fast as a network error without reading it all; plain bodies over the limit fail for every response type.
 */
class ResponseSizeLimitTests {

	private static final List<String> NETWORK_ERROR_AFTER_HEADERS = List.of("rsc(1)", "loadstart(0,0,f)", "rsc(2)",
			"rsc(4)", "error(0,0,f)", "loadend(0,0,f)");

	private static final long MIB = 1024 * 1024;

	@RegisterExtension
	final XhrTestServer<RawHttpServer> raw = XhrTestServer.raw();

	@Test
	void theEngineAdvertisesGzipAndDeflate() {
		RawHttpServer.RawRequest request = this.raw.server().exchange(factory(null), "GET", "/ae", null);
		assertThat(request.headerValues("Accept-Encoding")).containsExactly("gzip, deflate");
	}

	@ParameterizedTest
	@ValueSource(strings = { "gzip", "deflate" })
	void aCodedBodyIsDecodedAndItsHeadersAreShownAsReceived(String coding) throws IOException {
		String text = "hello ".repeat(1000);
		byte[] coded = encode(coding, text.getBytes(StandardCharsets.UTF_8));
		this.raw.server().route("/coded", RawHttpServer.response("HTTP/1.1 200 OK", coded, "Content-Type: text/plain",
				"Content-Encoding: " + coding, "Content-Length: " + coded.length));
		XMLHttpRequest xhr = factory(null).create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", this.raw.baseUrl() + "/coded");
		rec.send();
		rec.awaitLoadend();
		assertThat(xhr.getResponseText()).isEqualTo(text);
		assertThat(xhr.getResponseHeader("Content-Encoding")).isEqualTo(coding);
		assertThat(xhr.getResponseHeader("Content-Length")).isEqualTo(String.valueOf(coded.length));
		assertThat(xhr.getResponseHeader("Transfer-Encoding")).isNull();
		// XHR spec checklist §15.2 (b): a coded body's progress counts decoded bytes, with no total.
		assertThat(rec.events()).endsWith("load(6000,0,f)", "loadend(6000,0,f)");
	}

	@Test
	void aDecodedBodyWithinTheLimitLoadsEvenWhenItsCodedLengthIsSmaller() throws IOException {
		byte[] coded = encode("gzip", new byte[(int) (MIB - 1)]);
		this.raw.server().route("/fits", RawHttpServer.response("HTTP/1.1 200 OK", coded, "Content-Encoding: gzip",
				"Content-Length: " + coded.length));
		XMLHttpRequest xhr = factory(DataSize.ofMegabytes(1)).create();
		xhr.setResponseType(XMLHttpRequestResponseType.ARRAYBUFFER);
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", this.raw.baseUrl() + "/fits");
		rec.send();
		rec.awaitLoadend();
		assertThat(xhr.getStatus()).isEqualTo((short) 200);
		assertThat(((java.nio.ByteBuffer) xhr.getResponse()).remaining()).isEqualTo((int) (MIB - 1));
	}

	@Test
	void aGzipBombFailsFastAsANetworkErrorAndTheClientStopsReading() throws IOException {
		// 10 MiB of gzip that would decode to about 10 GiB of zeros: a header, then one flushed deflate block of
		// 1 MiB of zeros over and over (each back-reference reaches only zeros, so the blocks can be repeated).
		byte[] block = flushedZeroBlock();
		long bombSize = 10 * MIB;
		AtomicLong written = new AtomicLong();
		this.raw.server().routeStreaming("/bomb", (request, out) -> {
			out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Encoding: gzip\r\n"
					+ "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			out.write(new byte[] { 0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff });
			while (written.get() < bombSize) {
				out.write(block);
				written.addAndGet(block.length);
			}
		});
		XhrFactory factory = factory(DataSize.ofMegabytes(1));
		for (XMLHttpRequestResponseType type : List.of(XMLHttpRequestResponseType.EMPTY,
				XMLHttpRequestResponseType.ARRAYBUFFER, XMLHttpRequestResponseType.BLOB)) {
			written.set(0);
			int exchangesBefore = this.raw.server().finishedExchanges();
			long start = System.nanoTime();
			XMLHttpRequest xhr = factory.create();
			xhr.setResponseType(type);
			EventRecorder rec = EventRecorder.attach(xhr);
			rec.open("GET", this.raw.baseUrl() + "/bomb");
			rec.send();
			rec.awaitLoadend();
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			// Bytes within the limit may be reported first (when a read ends exactly at it); then the error.
			assertThat(rec.events().stream().filter((event) -> !event.equals("rsc(3)") && !event.startsWith("progress("))
				.toList()).as("%s", type).containsExactlyElementsOf(NETWORK_ERROR_AFTER_HEADERS);
			assertThat(rec.entries()).filteredOn((entry) -> entry.type().equals("progress"))
				.allSatisfy((entry) -> assertThat(entry.loaded()).isLessThanOrEqualTo(MIB));
			assertThat(took).as("%s", type).isLessThan(Duration.ofSeconds(3));
			assertThat(xhr.getResponse()).as("%s", type).isIn(null, "");
			// The server's writing ends (the client closed the connection) long before the bomb is out.
			await().until(() -> this.raw.server().finishedExchanges() > exchangesBefore);
			assertThat(written.get()).as("bytes of the bomb the server could write").isLessThan(bombSize);
		}

		XMLHttpRequest sync = factory.create();
		sync.open("GET", this.raw.baseUrl() + "/bomb", false);
		assertThat(assertThrowsDomException("NetworkError", sync::send).getMessage())
			.contains("larger than the limit of 1048576 bytes");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "text", "arraybuffer", "blob" })
	void aPlainBodyOverTheLimitIsANetworkErrorForEveryResponseType(String responseType) {
		byte[] body = new byte[64 * 1024 + 1];
		this.raw.server()
			.route("/big", RawHttpServer.response("HTTP/1.1 200 OK", body, "Content-Length: " + body.length));
		this.raw.server().route("/chunked", (request) -> {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.writeBytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			for (int i = 0; i < 65; i++) {
				out.writeBytes("400\r\n".getBytes(StandardCharsets.US_ASCII));
				out.writeBytes(new byte[1024]);
				out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			return out.toByteArray();
		});
		XhrFactory factory = factory(DataSize.ofKilobytes(64));
		for (String path : List.of("/big", "/chunked")) {
			XMLHttpRequest xhr = factory.create();
			xhr.setResponseType(responseType);
			EventRecorder rec = EventRecorder.attach(xhr);
			rec.open("GET", this.raw.baseUrl() + path);
			rec.send();
			rec.awaitLoadend();
			assertThat(rec.count("loadend")).isEqualTo(1);
			assertThat(rec.count("error")).as(path).isEqualTo(1);
			assertThat(xhr.getStatus()).isZero();
		}
		XMLHttpRequest sync = factory.create();
		sync.open("GET", this.raw.baseUrl() + "/big", false);
		assertThat(assertThrowsDomException("NetworkError", sync::send).getMessage())
			.contains("larger than the limit of 65536 bytes");
	}

	@Test
	void aBodyOfExactlyTheLimitLoads() {
		byte[] body = new byte[64 * 1024];
		this.raw.server()
			.route("/exact", RawHttpServer.response("HTTP/1.1 200 OK", body, "Content-Length: " + body.length));
		XMLHttpRequest sync = factory(DataSize.ofKilobytes(64)).create();
		sync.open("GET", this.raw.baseUrl() + "/exact", false);
		sync.send();
		assertThat(sync.getStatus()).isEqualTo((short) 200);
		assertThat(sync.getResponseText()).hasSize(64 * 1024);
	}

	private XhrFactory factory(@Nullable DataSize limit) {
		return this.raw.newFactory((settings) -> settings.withMaxResponseSize(limit));
	}

	private static byte[] encode(String coding, byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (java.io.OutputStream encoder = coding.equals("gzip") ? new GZIPOutputStream(out)
				: new DeflaterOutputStream(out)) {
			encoder.write(bytes);
		}
		return out.toByteArray();
	}

	private static byte[] flushedZeroBlock() {
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
		deflater.setInput(new byte[(int) MIB]);
		byte[] buffer = new byte[64 * 1024];
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int count;
		while ((count = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
			out.write(buffer, 0, count);
		}
		deflater.end();
		return out.toByteArray();
	}

}
