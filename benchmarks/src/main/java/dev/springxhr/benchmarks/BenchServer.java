package dev.springxhr.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Objects;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * The Reactor Netty server every benchmark talks to on loopback. Its event loops are its own (threads named
 * {@code bench-server-*}), so that the client's {@code reactor-http-*} threads can be counted apart. Routes:
 * <ul>
 * <li>{@code GET /bytes/{n}}: {@code n} bytes from one array allocated per size (no per-request body allocation);
 * <li>{@code GET /stream/{n}}: {@code n} bytes written as 64 KiB slices of one off-heap buffer (large bodies);
 * <li>{@code POST /upload}: reads the body and answers with its length;
 * <li>{@code GET /slow/{group}}: holds every response of {@code group} until {@code GET /release/{group}} (or
 * 120 s passed), so they are all in flight at once; {@code GET /arrived/{group}} tells how many arrived.
 * </ul>
 * Run as a program it serves on a random port in its own JVM and prints {@code PORT <n>}.
 */
public final class BenchServer implements AutoCloseable {

	private static final int STREAM_CHUNK = 64 * 1024;

	private static final Duration MAX_HOLD = Duration.ofSeconds(120);

	private final LoopResources loops;

	private final DisposableServer server;

	private final Map<Integer, byte[]> bodies = new ConcurrentHashMap<>();

	private final Map<String, Gate> gates = new ConcurrentHashMap<>();

	private final ByteBuf streamChunk;

	private BenchServer(int threads) {
		this.loops = LoopResources.create("bench-server", 1, threads, true);
		byte[] chunk = new byte[STREAM_CHUNK];
		for (int i = 0; i < chunk.length; i++) {
			chunk[i] = (byte) ('a' + i % 26);
		}
		this.streamChunk = Unpooled.unreleasableBuffer(Unpooled.directBuffer(STREAM_CHUNK).writeBytes(chunk));
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.runOn(this.loops)
			.route((routes) -> routes.get("/bytes/{n}", this::bytes)
				.get("/stream/{n}", this::stream)
				.post("/upload", this::upload)
				.get("/slow/{group}", this::slow)
				.get("/arrived/{group}", this::arrived)
				.get("/release/{group}", this::release))
			.bindNow();
	}

	/**
	 * Start a server in this JVM.
	 * @param threads the number of event-loop threads of the server
	 * @return the running server
	 */
	public static BenchServer start(int threads) {
		return new BenchServer(threads);
	}

	public static void main(String[] args) throws InterruptedException {
		int threads = (args.length > 0) ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
		BenchServer server = start(threads);
		System.out.println("PORT " + server.port());
		System.out.flush();
		// Ends with its parent: the check that started it closes its standard input.
		try {
			while (System.in.read() != -1) {
				// keep serving
			}
		}
		catch (java.io.IOException ex) {
			// parent gone
		}
		server.close();
	}

	public int port() {
		return this.server.port();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	private Mono<Void> bytes(HttpServerRequest request, HttpServerResponse response) {
		int size = Integer.parseInt(request.param("n"));
		byte[] body = this.bodies.computeIfAbsent(size, BenchServer::body);
		return response.header(HttpHeaderNames.CONTENT_TYPE, "application/octet-stream")
			.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(size))
			.send(Mono.just(Unpooled.wrappedBuffer(body)))
			.then();
	}

	private Mono<Void> stream(HttpServerRequest request, HttpServerResponse response) {
		long size = Long.parseLong(request.param("n"));
		long chunks = (size + STREAM_CHUNK - 1) / STREAM_CHUNK;
		Flux<ByteBuf> content = Flux.range(0, (int) chunks).map((index) -> {
			long offset = (long) index * STREAM_CHUNK;
			int length = (int) Math.min(STREAM_CHUNK, size - offset);
			return this.streamChunk.retainedSlice(0, length);
		});
		return response.header(HttpHeaderNames.CONTENT_TYPE, "application/octet-stream")
			.header(HttpHeaderNames.CONTENT_LENGTH, Long.toString(size))
			.send(content)
			.then();
	}

	private Mono<Void> upload(HttpServerRequest request, HttpServerResponse response) {
		return request.receive()
			.map(ByteBuf::readableBytes)
			.reduce(0L, Long::sum)
			.flatMap((total) -> response.header(HttpHeaderNames.CONTENT_TYPE, "text/plain")
				.sendString(Mono.just(Long.toString(total)))
				.then());
	}

	private Mono<Void> slow(HttpServerRequest request, HttpServerResponse response) {
		Gate gate = gate(group(request));
		byte[] body = this.bodies.computeIfAbsent(1024, BenchServer::body);
		return gate.arrive()
			.then(Mono.defer(() -> response.header(HttpHeaderNames.CONTENT_TYPE, "application/octet-stream")
				.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length))
				.send(Mono.just(Unpooled.wrappedBuffer(body)))
				.then()));
	}

	/** The gate group a request names; every request of the slow endpoints names one. */
	private static String group(HttpServerRequest request) {
		return Objects.requireNonNull(request.param("group"), "the request names no ?group");
	}

	private Mono<Void> arrived(HttpServerRequest request, HttpServerResponse response) {
		return response.sendString(Mono.just(Integer.toString(gate(group(request)).arrived.get()))).then();
	}

	private Mono<Void> release(HttpServerRequest request, HttpServerResponse response) {
		gate(group(request)).open.complete(null);
		return response.sendString(Mono.just("released")).then();
	}

	private Gate gate(String group) {
		return this.gates.computeIfAbsent(group, (name) -> new Gate());
	}

	private static byte[] body(int size) {
		byte[] body = new byte[size];
		for (int i = 0; i < size; i++) {
			body[i] = (byte) ('a' + i % 26);
		}
		return body;
	}

	@Override
	public void close() {
		this.server.disposeNow();
		this.loops.disposeLater().block(Duration.ofSeconds(10));
	}

	/** Holds requests until it is opened. */
	private static final class Gate {

		private final AtomicInteger arrived = new AtomicInteger();

		private final CompletableFuture<Void> open = new CompletableFuture<>();

		Mono<Void> arrive() {
			this.arrived.incrementAndGet();
			return Mono.fromFuture(this.open, true).timeout(MAX_HOLD, Mono.empty());
		}

	}

}
