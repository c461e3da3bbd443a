package dev.springxhr.xhr.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http2.Http2ConnectionHandler;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2StreamChannel;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.Http2SslContextSpec;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * A Reactor Netty server on 127.0.0.1 and a random port that misbehaves on request, over HTTP/1.1 or HTTP/2, in
 * clear text or TLS (with the test-only self-signed certificate of {@code src/test/resources/tls}, see
 * {@link #certificate()}).
 *
 * <p>Routes:
 * <ul>
 * <li>{@code /ok}: {@code 200} with the body {@code ok} (Content-Length 2).</li>
 * <li>{@code /reset}: the request is dropped before any header: HTTP/2 resets the stream (RST_STREAM CANCEL),
 * HTTP/1.1 resets the connection.</li>
 * <li>{@code /reset-mid}: headers (Content-Length 4000) and 1000 bytes, then the same reset.</li>
 * <li>{@code /goaway}: HTTP/2 only: GOAWAY (last stream id 0, PROTOCOL_ERROR), then the connection closes.</li>
 * <li>{@code /stall-headers}: nothing, ever.</li>
 * <li>{@code /stall-body}: headers (Content-Length 4000) and 1000 bytes, then nothing, ever.</li>
 * </ul>
 *
 * <p>Kept because WireMock has no such faults: HTTP/2 stream resets and GOAWAY, and resets and stalls under TLS.
 * Register it through {@link XhrTestServer#of}.
 */
public final class FaultyNettyServer implements AutoCloseable {

	/** The password of the test keystore. */
	private static final char[] PASSWORD = "changeit".toCharArray();

	private static final AtomicInteger INSTANCES = new AtomicInteger();

	private final LoopResources loops;

	private final DisposableServer server;

	private final boolean secure;

	private final AtomicInteger requests = new AtomicInteger();

	private FaultyNettyServer(HttpProtocol protocol, boolean secure) {
		this.secure = secure;
		this.loops = LoopResources.create("faulty-server-" + INSTANCES.incrementAndGet(), 1, 2, true);
		HttpServer server = HttpServer.create().host("127.0.0.1").port(0).runOn(this.loops).protocol(protocol)
			.handle(this::handle);
		if (secure) {
			PrivateKey key = privateKey();
			X509Certificate certificate = certificate();
			server = (protocol == HttpProtocol.H2) ? server.secure((ssl) -> ssl
				.sslContext(Http2SslContextSpec.forServer(key, certificate)))
					: server.secure((ssl) -> ssl.sslContext(Http11SslContextSpec.forServer(key, certificate)));
		}
		this.server = server.bindNow(Duration.ofSeconds(10));
	}

	/** @return an HTTP/2 server with prior knowledge, in clear text (h2c) */
	public static FaultyNettyServer h2c() {
		return new FaultyNettyServer(HttpProtocol.H2C, false);
	}

	/** @return an HTTP/2 server over TLS (h2, negotiated by ALPN) */
	public static FaultyNettyServer h2() {
		return new FaultyNettyServer(HttpProtocol.H2, true);
	}

	/** @return an HTTP/1.1 server over TLS */
	public static FaultyNettyServer https() {
		return new FaultyNettyServer(HttpProtocol.HTTP11, true);
	}

	/**
	 * @param path the path
	 * @return the URL of the path on this server ({@code https} when it speaks TLS)
	 */
	public String url(String path) {
		return (this.secure ? "https" : "http") + "://127.0.0.1:" + this.server.port() + path;
	}

	/** @return how many requests arrived */
	public int requestCount() {
		return this.requests.get();
	}

	/** @return the test-only self-signed certificate the server presents (for a client that trusts it) */
	public static X509Certificate certificate() {
		try {
			return (X509Certificate) keyStore().getCertificate("localhost");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static PrivateKey privateKey() {
		try {
			return (PrivateKey) keyStore().getKey("localhost", PASSWORD);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyStore keyStore() {
		try (InputStream in = FaultyNettyServer.class.getResourceAsStream("/tls/localhost.p12")) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, PASSWORD);
			return store;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.server.disposeNow(Duration.ofSeconds(5));
		this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
	}

	private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		this.requests.incrementAndGet();
		return switch (request.fullPath()) {
			case "/ok" -> response.header(HttpHeaderNames.CONTENT_LENGTH, "2").sendString(Mono.just("ok")).then();
			case "/reset" -> reset(response);
			case "/reset-mid" -> response.header(HttpHeaderNames.CONTENT_LENGTH, "4000")
				.sendByteArray(Flux.concat(Mono.just(TestServer.pattern(0, 1000)),
						Mono.delay(Duration.ofMillis(50)).then(Mono.defer(() -> reset(response))).cast(byte[].class)))
				.then();
			case "/goaway" -> goAway(response);
			case "/stall-headers" -> Mono.never();
			case "/stall-body" -> response.header(HttpHeaderNames.CONTENT_LENGTH, "4000")
				.sendByteArray(Flux.concat(Mono.just(TestServer.pattern(0, 1000)), Flux.never()))
				.then();
			default -> response.status(404).send();
		};
	}

	/** HTTP/2: RST_STREAM (closing a stream channel that is not done resets it); HTTP/1.1: a TCP reset. */
	private static Mono<Void> reset(HttpServerResponse response) {
		response.withConnection((connection) -> {
			Channel channel = connection.channel();
			if (!(channel instanceof Http2StreamChannel)) {
				channel.config().setOption(ChannelOption.SO_LINGER, 0);
			}
			channel.close();
		});
		return Mono.never();
	}

	/**
	 * GOAWAY naming stream 0 as the last one processed, so the request's stream is refused, then the connection
	 * closes at once (below the HTTP/2 handler, which would otherwise wait for the stream to end).
	 */
	private static Mono<Void> goAway(HttpServerResponse response) {
		response.withConnection((connection) -> {
			Channel parent = connection.channel().parent();
			if (parent == null) {
				connection.channel().close();
				return;
			}
			ChannelHandlerContext http2 = parent.pipeline().context(Http2ConnectionHandler.class);
			Http2ConnectionHandler handler = (Http2ConnectionHandler) http2.handler();
			handler.goAway(http2, 0, Http2Error.PROTOCOL_ERROR.code(), Unpooled.EMPTY_BUFFER, http2.newPromise())
				.addListener((written) -> parent.pipeline().firstContext().close());
			http2.flush();
		});
		return Mono.never();
	}

}
