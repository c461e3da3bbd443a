package dev.springxhr.xhr.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * A small Reactor Netty HTTP/1.1 server on 127.0.0.1 and a random port, on event loops of its own (so that a client
 * blocking a shared Reactor thread cannot starve it). Every request is recorded ({@link #requests()}), every
 * accepted connection counted ({@link #connectionCount()}).
 *
 * <p>Routes (query parameters in brackets):
 * <ul>
 * <li>{@code /text [body=Test Message, status=200, reason, type=text/plain]}: the body with Content-Length.</li>
 * <li>{@code /bytes [size=100]}: {@code size} bytes with Content-Length; a HEAD gets only the headers (same
 * Content-Length).</li>
 * <li>{@code /chunked [parts=2, size=50]}: {@code parts} chunks of {@code size} bytes, Transfer-Encoding chunked,
 * no Content-Length.</li>
 * <li>{@code /trickle [parts=4, size=1000, delay=120, cl=true]}: the headers at once, then one part right away and
 * one more every {@code delay} ms; Content-Length {@code parts*size} unless {@code cl=false} (then chunked).</li>
 * <li>{@code /delay [ms=1000, body=delayed]}: nothing at all for {@code ms}, then the body with Content-Length.</li>
 * <li>{@code /status [code=204]}: the status, no body.</li>
 * <li>{@code /echo}: the request body back, with Content-Length.</li>
 * <li>{@code /stall [size=4000, first=1000]}: Content-Length {@code size}, {@code first} bytes, then nothing ever.</li>
 * <li>{@code /reset}: the connection is reset (SO_LINGER 0) before anything is written.</li>
 * <li>{@code /close-mid [size=4000, first=1000, delay=100]}: Content-Length {@code size}, {@code first} bytes, and
 * {@code delay} ms later the connection is closed: a body cut short.</li>
 * </ul>
 *
 * <p>Kept beside WireMock (it already is the small Reactor Netty server) because WireMock cannot stall a body
 * forever, cut one short, send parts of exact sizes at exact times or count accepted connections. Register it
 * through {@link XhrTestServer#netty()}.
 */
public final class TestServer implements AutoCloseable {

	/**
	 * A request as the server saw it.
	 * @param method the method
	 * @param uri the request target
	 * @param headers the header lines, in order (names as sent)
	 */
	public record Received(String method, String uri, List<Map.Entry<String, String>> headers) {

		/** @return the first value of the header, case-insensitive, or {@code null} */
		public String header(String name) {
			return this.headers.stream().filter((h) -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
				.findFirst().orElse(null);
		}

	}

	private static final AtomicInteger INSTANCES = new AtomicInteger();

	private final LoopResources loops;

	private final DisposableServer server;

	private final Queue<Received> requests = new ConcurrentLinkedQueue<>();

	private final AtomicInteger connections = new AtomicInteger();

	private TestServer() {
		this.loops = LoopResources.create("xhr-test-server-" + INSTANCES.incrementAndGet(), 1, 2, true);
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.runOn(this.loops)
			.doOnConnection((connection) -> this.connections.incrementAndGet())
			.handle(this::handle)
			.bindNow(Duration.ofSeconds(10));
	}

	/** @return a started server */
	public static TestServer start() {
		return new TestServer();
	}

	/**
	 * Return a URL of a port nothing listens on (a socket was bound there and closed): connection refused.
	 * @param path the path
	 * @return the URL
	 */
	public static String closedPortUrl(String path) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			return "http://127.0.0.1:" + socket.getLocalPort() + path;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** @return the port */
	public int port() {
		return this.server.port();
	}

	/**
	 * @param pathAndQuery e.g. {@code /text?body=hi}
	 * @return the absolute URL on this server
	 */
	public String url(String pathAndQuery) {
		return "http://127.0.0.1:" + port() + pathAndQuery;
	}

	/** @return a snapshot of the requests received so far */
	public List<Received> requests() {
		return new ArrayList<>(this.requests);
	}

	/** @return the number of connections accepted so far */
	public int connectionCount() {
		return this.connections.get();
	}

	@Override
	public void close() {
		this.server.disposeNow(Duration.ofSeconds(5));
		this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
	}

	// ---- routes --------------------------------------------------------------------------------------------------

	private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		List<Map.Entry<String, String>> headers = new ArrayList<>();
		request.requestHeaders().forEach((h) -> headers.add(Map.entry(h.getKey(), h.getValue())));
		this.requests.add(new Received(request.method().name(), request.uri(), List.copyOf(headers)));
		QueryStringDecoder query = new QueryStringDecoder(request.uri());
		Params params = new Params(query.parameters());
		return switch (query.path()) {
			case "/text" -> text(response, params);
			case "/bytes" -> bytes(request, response, params);
			case "/chunked" -> chunked(response, params);
			case "/trickle" -> trickle(response, params);
			case "/delay" -> delay(response, params);
			case "/status" -> response.status(params.integer("code", 204)).send();
			case "/echo" -> echo(request, response);
			case "/stall" -> stall(response, params);
			case "/reset" -> reset(response);
			case "/close-mid" -> closeMid(response, params);
			default -> response.status(HttpResponseStatus.NOT_FOUND).sendString(Mono.just("no route")).then();
		};
	}

	private static Publisher<Void> text(HttpServerResponse response, Params params) {
		byte[] body = params.string("body", "Test Message").getBytes(StandardCharsets.UTF_8);
		int code = params.integer("status", 200);
		String reason = params.string("reason", null);
		HttpResponseStatus status = (reason != null) ? new HttpResponseStatus(code, reason)
				: HttpResponseStatus.valueOf(code);
		return response.status(status)
			.header(HttpHeaderNames.CONTENT_TYPE, params.string("type", "text/plain"))
			.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(body.length))
			.sendByteArray(Mono.just(body))
			.then();
	}

	private static Publisher<Void> bytes(HttpServerRequest request, HttpServerResponse response, Params params) {
		int size = params.integer("size", 100);
		response.header(HttpHeaderNames.CONTENT_TYPE, "application/octet-stream")
			.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(size));
		if (request.method().equals(HttpMethod.HEAD)) {
			return response.send();
		}
		return response.sendByteArray(Mono.just(pattern(0, size))).then();
	}

	private static Publisher<Void> chunked(HttpServerResponse response, Params params) {
		int parts = params.integer("parts", 2);
		int size = params.integer("size", 50);
		return response.chunkedTransfer(true)
			.header(HttpHeaderNames.CONTENT_TYPE, "text/plain")
			.sendByteArray(Flux.range(0, parts).map((i) -> pattern(i * size, size)))
			.then();
	}

	private static Publisher<Void> trickle(HttpServerResponse response, Params params) {
		int parts = params.integer("parts", 4);
		int size = params.integer("size", 1000);
		Duration delay = Duration.ofMillis(params.integer("delay", 120));
		if (params.bool("cl", true)) {
			response.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf((long) parts * size));
		}
		else {
			response.chunkedTransfer(true);
		}
		Flux<byte[]> body = Flux.range(0, parts)
			.concatMap((i) -> (i == 0) ? Mono.just(pattern(0, size))
					: Mono.delay(delay).map((tick) -> pattern(i * size, size)));
		return response.header(HttpHeaderNames.CONTENT_TYPE, "text/plain")
			.sendHeaders()
			.then()
			.then(Mono.defer(() -> response.sendByteArray(body).then()));
	}

	private static Publisher<Void> delay(HttpServerResponse response, Params params) {
		byte[] body = params.string("body", "delayed").getBytes(StandardCharsets.UTF_8);
		return Mono.delay(Duration.ofMillis(params.integer("ms", 1000)))
			.then(Mono.defer(() -> response.header(HttpHeaderNames.CONTENT_TYPE, "text/plain")
				.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(body.length))
				.sendByteArray(Mono.just(body))
				.then()));
	}

	private static Publisher<Void> echo(HttpServerRequest request, HttpServerResponse response) {
		return request.receive()
			.aggregate()
			.asByteArray()
			.defaultIfEmpty(new byte[0])
			.flatMap((body) -> response.header(HttpHeaderNames.CONTENT_TYPE, "application/octet-stream")
				.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(body.length))
				.sendByteArray(Mono.just(body))
				.then());
	}

	private static Publisher<Void> stall(HttpServerResponse response, Params params) {
		int size = params.integer("size", 4000);
		int first = params.integer("first", 1000);
		return response.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(size))
			.header(HttpHeaderNames.CONTENT_TYPE, "text/plain")
			.sendByteArray(Flux.concat(Mono.just(pattern(0, first)), Flux.never()))
			.then();
	}

	private static Publisher<Void> reset(HttpServerResponse response) {
		response.withConnection((connection) -> {
			connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
			connection.channel().close();
		});
		return Mono.never();
	}

	private static Publisher<Void> closeMid(HttpServerResponse response, Params params) {
		int size = params.integer("size", 4000);
		int first = params.integer("first", 1000);
		Duration delay = Duration.ofMillis(params.integer("delay", 100));
		Flux<byte[]> body = Flux.concat(Mono.just(pattern(0, first)),
				Mono.delay(delay)
					.doOnNext((tick) -> response.withConnection((connection) -> connection.channel().close()))
					.thenMany(Flux.never()));
		return response.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(size))
			.header(HttpHeaderNames.CONTENT_TYPE, "text/plain")
			.sendByteArray(body)
			.then();
	}

	/**
	 * @param offset the position of the first byte in the whole body
	 * @param size the number of bytes
	 * @return ASCII letters {@code a..z} repeating, continuing from {@code offset}
	 */
	public static byte[] pattern(int offset, int size) {
		byte[] bytes = new byte[size];
		for (int i = 0; i < size; i++) {
			bytes[i] = (byte) ('a' + (offset + i) % 26);
		}
		return bytes;
	}

	private record Params(Map<String, List<String>> values) {

		String string(String name, String fallback) {
			List<String> found = this.values.get(name);
			return (found == null || found.isEmpty()) ? fallback : found.get(0);
		}

		int integer(String name, int fallback) {
			String value = string(name, null);
			return (value != null) ? Integer.parseInt(value) : fallback;
		}

		boolean bool(String name, boolean fallback) {
			String value = string(name, null);
			return (value != null) ? Boolean.parseBoolean(value) : fallback;
		}

	}

}
