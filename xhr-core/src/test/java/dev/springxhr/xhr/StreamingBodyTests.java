package dev.springxhr.xhr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import dev.springxhr.xhr.support.CountingUploadServer;
import dev.springxhr.xhr.support.EventRecorder;
import dev.springxhr.xhr.support.EventRecorder.Entry;
import dev.springxhr.xhr.support.EventRecorder.Target;
import dev.springxhr.xhr.support.RawHttpServer;
import dev.springxhr.xhr.support.RawHttpServer.RawRequest;
import dev.springxhr.xhr.support.XhrTestServer;

/**
 * Beyond the standard: streaming request bodies ({@link StreamingBody}, a {@code Publisher<DataBuffer>}, an
 * {@link InputStream} supplier, a Spring {@code Resource}) reach the server byte for byte, with or without a known
 * length, report upload progress, and are never held whole in memory.
 */
class StreamingBodyTests {

	@RegisterExtension
	static final XhrTestServer<RawHttpServer> raw = XhrTestServer.raw();

	@RegisterExtension
	static final XhrTestServer<CountingUploadServer> counting = XhrTestServer.countingUploads(0, 0);

	private static byte[] pattern(int size) {
		byte[] bytes = new byte[size];
		for (int i = 0; i < size; i++) {
			bytes[i] = (byte) ('a' + (i % 26));
		}
		return bytes;
	}

	private static Flux<DataBuffer> buffers(byte[] bytes, int chunk) {
		return Flux.range(0, (bytes.length + chunk - 1) / chunk)
			.map((i) -> DefaultDataBufferFactory.sharedInstance
				.wrap(java.nio.ByteBuffer.wrap(bytes, i * chunk, Math.min(chunk, bytes.length - i * chunk))));
	}

	private RawRequest sendToRaw(String path, Object body, String... headers) {
		return raw.server().exchange(raw.factory(), "POST", path, body, headers);
	}

	@Test
	void publisherWithKnownLengthIsSentWithContentLengthAndItsType() {
		byte[] bytes = pattern(200_000);
		RawRequest request = sendToRaw("/stream-known",
				StreamingBody.of(buffers(bytes, 10_000), bytes.length, "application/x-thing"));

		assertThat(request.headerValues("Content-Length")).containsExactly("200000");
		assertThat(request.headerValues("Transfer-Encoding")).isEmpty();
		assertThat(request.headerValues("Content-Type")).containsExactly("application/x-thing");
		assertThat(request.body()).isEqualTo(bytes);
	}

	@Test
	void publisherOfUnknownLengthIsSentChunkedWithoutContentType() {
		byte[] bytes = pattern(150_000);
		RawRequest request = sendToRaw("/stream-unknown", buffers(bytes, 7_000));

		assertThat(request.headerValues("Content-Length")).isEmpty();
		assertThat(request.headerValues("Transfer-Encoding")).containsExactly("chunked");
		assertThat(request.headerValues("Content-Type")).isEmpty();
		assertThat(request.body()).isEqualTo(bytes);
	}

	@Test
	void authorContentTypeWinsOverTheStreamsAndIsNotRewritten() {
		RawRequest request = sendToRaw("/stream-author-type",
				StreamingBody.of(buffers("x".getBytes(StandardCharsets.UTF_8), 1), 1, "text/plain"), "Content-Type",
				"text/plain;charset=windows-1252");

		assertThat(request.headerValues("Content-Type")).containsExactly("text/plain;charset=windows-1252");
	}

	@Test
	void inputStreamSupplierIsReadOffTheEventLoopAndSentWhole() {
		byte[] bytes = pattern(300_000);
		List<String> readingThreads = new CopyOnWriteArrayList<>();
		StreamingBody body = StreamingBody.fromInputStream(() -> new java.io.ByteArrayInputStream(bytes) {
			@Override
			public synchronized int read(byte[] b, int off, int len) {
				readingThreads.add(Thread.currentThread().getName());
				return super.read(b, off, len);
			}
		}, bytes.length, null);
		RawRequest request = sendToRaw("/stream-input", body);

		assertThat(request.body()).isEqualTo(bytes);
		assertThat(readingThreads).isNotEmpty().allSatisfy((name) -> assertThat(name).doesNotContain("nio"));
	}

	@Test
	void fileResourceIsSentWithItsLength(@TempDir Path dir) throws IOException {
		byte[] bytes = pattern(123_457);
		Path file = Files.write(dir.resolve("upload.bin"), bytes);
		RawRequest request = sendToRaw("/stream-file", new FileSystemResource(file));

		assertThat(request.headerValues("Content-Length")).containsExactly("123457");
		assertThat(request.body()).isEqualTo(bytes);
	}

	@Test
	void uploadOfUnknownLengthReportsProgressWithoutTotalAndEndsWithTheBytesSent() {
		byte[] bytes = pattern(120_000);
		// Twelve chunks 30 ms apart: the upload spans several 50 ms throttle windows.
		Flux<DataBuffer> slow = buffers(bytes, 10_000).delayElements(Duration.ofMillis(30));
		XMLHttpRequest xhr = raw.factory().create();
		EventRecorder rec = EventRecorder.attachWithUpload(xhr);
		rec.open("POST", counting.url("/slow-stream"));
		rec.send(slow);
		rec.awaitLoadend();

		List<String> events = rec.events();
		assertThat(events.subList(0, 3)).containsExactly("rsc(1)", "loadstart(0,0,f)", "u.loadstart(0,0,f)");
		List<Entry> progress = rec.entriesOf(Target.UPLOAD, "progress");
		assertThat(progress).hasSizeGreaterThanOrEqualTo(3)
			.allSatisfy((e) -> assertThat(e.lengthComputable()).isFalse());
		for (int i = 1; i < progress.size(); i++) {
			assertThat(progress.get(i).loaded()).isGreaterThan(progress.get(i - 1).loaded());
		}
		int rsc2 = events.indexOf("rsc(2)");
		assertThat(events.subList(rsc2 - 3, rsc2)).containsExactly("u.progress(120000,0,f)", "u.load(120000,0,f)",
				"u.loadend(120000,0,f)");
		assertThat(xhr.getResponseText()).isEqualTo("120000");
	}

	@Test
	void largeStreamIsNeverHeldWholeInMemory() {
		long size = 64L * 1024 * 1024;
		long maxLead = 16L * 1024 * 1024;
		AtomicLong maxSeenLead = new AtomicLong();
		counting.server().reset();
		// A stream that refuses to run more than 16 MiB ahead of what the server has received: a client that read
		// the whole body before sending it would stall here until the stream gives up.
		InputStream bounded = new InputStream() {
			private long produced;

			@Override
			public int read() throws IOException {
				byte[] one = new byte[1];
				return (read(one, 0, 1) < 0) ? -1 : one[0];
			}

			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				if (this.produced >= size) {
					return -1;
				}
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
				while (this.produced - counting.server().received() > maxLead) {
					if (System.nanoTime() > deadline) {
						throw new IOException("the client held more than 16 MiB of the body unsent");
					}
					Thread.onSpinWait();
					Thread.yield();
				}
				int count = (int) Math.min(len, size - this.produced);
				java.util.Arrays.fill(b, off, off + count, (byte) 'x');
				this.produced += count;
				maxSeenLead.accumulateAndGet(this.produced - counting.server().received(), Math::max);
				return count;
			}
		};
		XMLHttpRequest xhr = raw.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("POST", counting.url("/big"));
		rec.send(StreamingBody.fromInputStream(() -> bounded, size, "application/octet-stream"));
		rec.awaitLoadend();

		assertThat(rec.events()).contains("load(8,8,t)");
		assertThat(xhr.getResponseText()).isEqualTo(Long.toString(size));
		assertThat(maxSeenLead.get()).isLessThanOrEqualTo(maxLead);
	}

	@Test
	void publisherThatFailsMidwayIsANetworkErrorWithExactlyOneLoadend() {
		Flux<DataBuffer> failing = buffers(pattern(50_000), 10_000)
			.concatWith(Flux.error(new IOException("disk gone")));
		XMLHttpRequest xhr = raw.factory().create();
		EventRecorder rec = EventRecorder.attachWithUpload(xhr);
		rec.open("POST", counting.url("/failing"));
		rec.send(failing);
		rec.awaitLoadend();
		rec.assertNoMoreEventsFor(Duration.ofMillis(200));

		assertThat(rec.events()).endsWith("rsc(4)", "u.error(0,0,f)", "u.loadend(0,0,f)", "error(0,0,f)",
				"loadend(0,0,f)");
		assertThat(rec.count("loadend")).isEqualTo(1);
		assertThat(xhr.getStatus()).isZero();
	}

	@Test
	void syncSendStreamsTheBodyToo() {
		byte[] bytes = pattern(70_000);
		XMLHttpRequest xhr = raw.factory().create();
		xhr.open("POST", counting.url("/sync-stream"), false);
		xhr.send(StreamingBody.of(buffers(bytes, 4_096), -1, null));

		assertThat(xhr.getStatus()).isEqualTo((short) 200);
		assertThat(xhr.getResponseText()).isEqualTo("70000");
	}

	@Test
	void getIgnoresAStreamingBody() {
		RawRequest request;
		raw.server().route("/stream-get", RawHttpServer.response("HTTP/1.1 200 OK", "ok", "Content-Length: 2"));
		XMLHttpRequest xhr = raw.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", raw.baseUrl() + "/stream-get");
		rec.send(StreamingBody.of(buffers(pattern(10), 5), 10, "text/plain"));
		rec.awaitLoadend();
		request = raw.server().requestsTo("/stream-get").get(0);

		assertThat(request.headerValues("Content-Length")).isEmpty();
		assertThat(request.headerValues("Content-Type")).isEmpty();
		assertThat(request.body()).isEmpty();
	}

	@Test
	void badArgumentsAreRefusedWhenTheBodyIsMade() {
		assertThatIllegalArgumentException().isThrownBy(() -> StreamingBody.of(Flux.empty(), -2, null))
			.withMessageContaining("contentLength");
		assertThatIllegalArgumentException().isThrownBy(() -> StreamingBody.of(Flux.empty(), 0, "a\r\nb: c"))
			.withMessageContaining("contentType");
	}

}
