package dev.springxhr.xhr.internal.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpVersion;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SignalType;
import reactor.core.scheduler.Schedulers;
import io.netty.channel.EventLoop;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClientRequest;
import reactor.netty.http.client.HttpClientResponse;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.internal.net.NetworkAccessDeniedException;
import dev.springxhr.xhr.internal.net.NetworkAccessRules;
import dev.springxhr.xhr.internal.http.ResponseHeaders;

/**
 * Runs one exchange on a {@link WebClient} and reports it to a {@link TransportHandler}. The body is streamed: the
 * handler gets each chunk as it arrives, nothing is aggregated here.
 */
public final class WebClientTransport {

	private static final Log logger = LogFactory.getLog(WebClientTransport.class);

	// A misconfigured connector is worth one warning, not one per request.
	private static final AtomicBoolean warnedOfRedirectingConnector = new AtomicBoolean();

	// Request bodies are handed over in slices, so that upload progress reflects what the connection took.
	private static final int REQUEST_CHUNK_SIZE = 64 * 1024;

	private final WebClient webClient;

	private final long maxResponseSize;

	private final Duration connectTimeout;

	private final Duration responseTimeout;

	private final NetworkAccessRules accessPolicy;

	public WebClientTransport(WebClient webClient, long maxResponseSize, Duration connectTimeout, Duration responseTimeout,
			NetworkAccessRules accessPolicy) {
		this.webClient = webClient;
		this.maxResponseSize = maxResponseSize;
		this.connectTimeout = connectTimeout;
		this.responseTimeout = responseTimeout;
		this.accessPolicy = accessPolicy;
	}

	/** The largest response body in bytes the transport lets through. */
	public long maxResponseSize() {
		return this.maxResponseSize;
	}

	/**
	 * Start an exchange.
	 * @return the handle that cancels it (closing the connection if it is in use)
	 */
	public Disposable exchange(OutgoingRequest request, TransportHandler handler) {
		Exchange exchange = new Exchange(handler, this.maxResponseSize, request.method().equals("HEAD"));
		WebClient.RequestBodySpec spec = this.webClient.method(HttpMethod.valueOf(request.method()))
			.uri(request.target())
			.headers((headers) -> writeHeaders(request.headers(), headers))
			.httpRequest((httpRequest) -> {
				// Called once the connection is there: the connect timeout no longer applies.
				exchange.cancelConnectTimer();
				Object nativeRequest = httpRequest.getNativeRequest();
				checkConnectedAddress(nativeRequest, exchange);
				exchange.nativeRequest = nativeRequest;
				if (!this.responseTimeout.isZero() && nativeRequest instanceof HttpClientRequest nettyRequest) {
					nettyRequest.responseTimeout(this.responseTimeout);
				}
				if (nativeRequest instanceof HttpClientRequest nettyRequest && nativeRequest instanceof Connection connection
						&& ContentCodingHeaders.installIfDecoding(connection)) {
					// Fetch §4.6 HTTP-network fetch: the user agent's Accept-Encoding, for what the connector decodes.
					nettyRequest.header(HttpHeaderNames.ACCEPT_ENCODING, ContentCodingHeaders.ACCEPT_ENCODING);
				}
				ContentLengthZeroRemover.installIfNeeded(nativeRequest, request);
				if (request.body() != null && handler.observesUpload()) {
					exchange.uploadCountedBySocket = UploadProgressRecorder.install(nativeRequest, handler);
				}
			});
		RequestBody body = request.body();
		WebClient.RequestHeadersSpec<?> ready = (body != null)
				? spec.body(BodyInserters.fromDataBuffers(bodyPublisher(body, handler, exchange))) : spec;
		if (!this.connectTimeout.isZero()) {
			exchange.connectTimer = Schedulers.parallel()
				.schedule(() -> exchange.connectTimedOut(this.connectTimeout), this.connectTimeout.toMillis(),
						TimeUnit.MILLISECONDS);
		}
		ready.exchangeToFlux(exchange::onResponse).subscribe(exchange);
		return exchange;
	}

	/**
	 * The SSRF guard on the address actually connected to (after DNS, whichever resolver the connector uses, and
	 * for a pooled connection too), before a byte of the request is written: a denied connection is closed, not
	 * reused, and the exchange fails with the reason.
	 */
	private void checkConnectedAddress(Object nativeRequest, Exchange exchange) {
		if (!this.accessPolicy.checksAddresses()) {
			return;
		}
		if (!(nativeRequest instanceof Connection connection)) {
			// Fail safe: a connector that does not tell where it connected cannot be held to the denied networks.
			throw new NetworkAccessDeniedException("The connector (" + nativeRequest.getClass().getName()
					+ ") does not expose the connected address, so the denied networks cannot be checked; use "
					+ "Reactor Netty, or deny no networks (xhr.security.denied-networks empty and "
					+ "xhr.security.deny-link-local=false)");
		}
		SocketAddress remote = connection.channel().remoteAddress();
		String denial = (remote instanceof InetSocketAddress inet && inet.getAddress() != null)
				? this.accessPolicy.denial(inet.getAddress()) : null;
		if (denial != null) {
			// Reactor Netty logs the failure at WARN (HttpClientConnect: "The connection observed an error") and
			// puts the connection back; the exchange closes it once the failure has arrived.
			exchange.deniedConnection = connection;
			throw new NetworkAccessDeniedException(denial);
		}
	}

	private static void writeHeaders(String[] pairs, HttpHeaders headers) {
		for (int i = 0; i < pairs.length; i += 2) {
			headers.set(pairs[i], pairs[i + 1]);
		}
	}

	private static Flux<DataBuffer> bodyPublisher(RequestBody body, TransportHandler handler, Exchange exchange) {
		Flux<DataBuffer> content;
		BodyStream stream = body.stream();
		if (stream != null) {
			content = Flux.from(stream.content().get()).doOnNext((buffer) -> {
				if (countsHandedOverBytes(handler, exchange)) {
					handler.onRequestBodyChunk(buffer.readableByteCount());
				}
			});
		}
		else {
			content = slices(body, handler, exchange);
		}
		return content.doOnComplete(() -> {
			if (countsHandedOverBytes(handler, exchange)) {
				handler.onRequestBodyEnd();
			}
		});
	}

	private static Flux<DataBuffer> slices(RequestBody body, TransportHandler handler, Exchange exchange) {
		byte[] bytes = Objects.requireNonNull(body.bytes(), "a body that is not streamed has bytes");
		int total = (int) body.length();
		int chunks = Math.max(1, (total + REQUEST_CHUNK_SIZE - 1) / REQUEST_CHUNK_SIZE);
		return Flux.range(0, chunks).map((index) -> {
			int offset = index * REQUEST_CHUNK_SIZE;
			int length = Math.min(REQUEST_CHUNK_SIZE, total - offset);
			// Wrapping, not copying: Netty sends straight from the body's array.
			DataBuffer slice = DefaultDataBufferFactory.sharedInstance
				.wrap(ByteBuffer.wrap(bytes, body.offset() + offset, length));
			if (countsHandedOverBytes(handler, exchange)) {
				handler.onRequestBodyChunk(length);
			}
			return slice;
		});
	}

	/** Without a Reactor Netty connection to observe, upload progress counts bytes handed to the connector. */
	private static boolean countsHandedOverBytes(TransportHandler handler, Exchange exchange) {
		return handler.observesUpload() && !exchange.uploadCountedBySocket;
	}

	/** The connection could not be made within {@link XhrSettings#connectTimeout()}. */
	static final class ConnectTimeoutException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		ConnectTimeoutException(String message) {
			super(message);
		}

	}

	/** The subscriber of one exchange, and the handle that cancels it. */
	private static final class Exchange extends BaseSubscriber<DataBuffer> {

		private final TransportHandler handler;

		private final long maxResponseSize;

		volatile @Nullable Object nativeRequest;

		volatile boolean uploadCountedBySocket;

		volatile @Nullable Disposable connectTimer;

		/** A connection to a denied address: closed when the exchange fails, so that it is not reused. */
		volatile @Nullable Connection deniedConnection;

		private final AtomicBoolean connected = new AtomicBoolean();

		private long received;

		/** Only touched on the connection's event loop. */
		private boolean readEndScheduled;

		private final boolean head;

		Exchange(TransportHandler handler, long maxResponseSize, boolean head) {
			this.handler = handler;
			this.maxResponseSize = maxResponseSize;
			this.head = head;
		}

		void cancelConnectTimer() {
			this.connected.set(true);
			Disposable timer = this.connectTimer;
			if (timer != null) {
				timer.dispose();
			}
		}

		/** No connection within the connect timeout: give up, as a network error. */
		void connectTimedOut(Duration timeout) {
			if (this.connected.compareAndSet(false, true) && !isDisposed()) {
				cancel();
				this.handler.onError(new ConnectTimeoutException(
						"No connection within the connect timeout of " + timeout.toMillis() + " ms"));
			}
		}

		@Override
		protected void hookFinally(SignalType type) {
			Disposable timer = this.connectTimer;
			if (timer != null) {
				timer.dispose();
			}
		}

		Flux<DataBuffer> onResponse(ClientResponse response) {
			if (this.nativeRequest instanceof HttpClientRequest nettyRequest && nettyRequest.redirectedFrom().length > 0) {
				// A connector that follows redirects itself would skip the per-hop decisions of Fetch §4.4
				// HTTP-redirect fetch (cookies, Authorization, CORS, network access): refuse what it brings.
				RedirectFollowedByConnectorException failure = new RedirectFollowedByConnectorException();
				if (warnedOfRedirectingConnector.compareAndSet(false, true)) {
					logger.warn(failure.getMessage());
				}
				return Flux.error(failure);
			}
			if (this.head) {
				closeAfterHeadWithAnnouncedBody(response);
			}
			this.handler.onResponse(head(response, this.nativeRequest));
			// An exchange cancelled (abort, timeout, open) while the body is being subscribed makes Reactor Netty
			// signal "released due to cancellation": nobody is listening any more, so end quietly instead of
			// logging it as a dropped error.
			return response.bodyToFlux(DataBuffer.class)
				.onErrorResume((ex) -> isDisposed() ? Flux.empty() : Flux.error(ex));
		}

		/**
		 * A response to HEAD has no body (RFC 9110 §9.3.2), but a broken server may send one anyway; on a kept-alive
		 * HTTP/1.1 connection those bytes would become the start of the next response. When the response announces
		 * a body (a non-zero Content-Length or a Transfer-Encoding) the connection is not given back to the pool but
		 * closed, as browsers do with a connection that has unexpected bytes: it costs one new connection after such
		 * a HEAD, and it cannot corrupt the next request. HTTP/2 frames its messages, so it is not affected.
		 */
		private void closeAfterHeadWithAnnouncedBody(ClientResponse response) {
			if (!(this.nativeRequest instanceof HttpClientResponse nettyResponse)
					|| !(this.nativeRequest instanceof Connection connection)) {
				return;
			}
			HttpVersion version = nettyResponse.version();
			if (version == null || version.majorVersion() >= 2) {
				return;
			}
			HttpHeaders headers = response.headers().asHttpHeaders();
			String length = headers.getFirst(HttpHeaders.CONTENT_LENGTH);
			boolean announcesBody = headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)
					|| (length != null && !length.strip().equals("0"));
			if (announcesBody) {
				connection.markPersistent(false);
			}
		}

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		protected void hookOnNext(DataBuffer chunk) {
			this.received += chunk.readableByteCount();
			if (this.received > this.maxResponseSize) {
				DataBufferUtils.release(chunk);
				cancel();
				this.handler.onError(new ReceivedBytes.ResponseTooLargeException(this.maxResponseSize));
				return;
			}
			this.handler.onBodyChunk(chunk);
			if (!this.readEndScheduled) {
				this.readEndScheduled = afterCurrentRead(() -> {
					this.readEndScheduled = false;
					this.handler.onBodyChunksRead();
				});
			}
		}

		@Override
		protected void hookOnComplete() {
			// After the read-end notice of the chunks before it, so that they are reported first.
			afterCurrentRead(this.handler::onComplete);
		}

		/**
		 * Run a task once the event loop has finished the current read (Netty runs queued tasks after I/O), or
		 * now when not on an event loop.
		 * @return whether the task was deferred
		 */
		private boolean afterCurrentRead(Runnable task) {
			if (this.nativeRequest instanceof Connection connection) {
				EventLoop eventLoop = connection.channel().eventLoop();
				if (eventLoop.inEventLoop()) {
					eventLoop.execute(task);
					return true;
				}
			}
			task.run();
			return false;
		}

		@Override
		protected void hookOnError(Throwable error) {
			Connection denied = this.deniedConnection;
			if (denied != null) {
				denied.channel().close();
			}
			this.handler.onError(error);
		}

		private static ResponseHead head(ClientResponse response, @Nullable Object nativeRequest) {
			int status = response.statusCode().value();
			// Reactor Netty's request and response are one object: it has the raw status line and header list.
			if (nativeRequest instanceof HttpClientResponse nettyResponse) {
				HttpVersion version = nettyResponse.version();
				String statusText = (version != null && version.majorVersion() >= 2) ? ""
						: nettyResponse.status().reasonPhrase();
				SocketAddress remote = (nettyResponse instanceof Connection connection)
						? connection.channel().remoteAddress() : null;
				// A decoded response shows its headers as received (Content-Encoding, Content-Length), as in a browser.
				io.netty.handler.codec.http.HttpHeaders received = (nettyResponse instanceof Connection connection)
						? ContentCodingHeaders.received(connection) : null;
				io.netty.handler.codec.http.HttpHeaders headers = (received != null) ? received
						: nettyResponse.responseHeaders();
				return new ResponseHead(status, statusText, ResponseHeaders.of(headers), headers.getAll("Set-Cookie"),
						(version != null) ? version.text() : "",
						(remote instanceof InetSocketAddress inet) ? inet : null, null);
			}
			// Another connector: the reason phrase is not exposed, so the standard one stands in for it.
			HttpStatus known = HttpStatus.resolve(status);
			HttpHeaders headers = response.headers().asHttpHeaders();
			List<String> setCookies = headers.getOrEmpty("Set-Cookie");
			return new ResponseHead(status, (known != null) ? known.getReasonPhrase() : "",
					ResponseHeaders.of(springHeaders(headers)), setCookies, "", null, null);
		}

		private static Iterable<Map.Entry<String, String>> springHeaders(HttpHeaders headers) {
			List<Map.Entry<String, String>> entries = new ArrayList<>();
			headers.forEach((name, values) -> values.forEach((value) -> entries.add(Map.entry(name, value))));
			return entries;
		}

	}

	/**
	 * The WebClient's connector followed a redirect itself, which XHR must do hop by hop.
	 */
	static final class RedirectFollowedByConnectorException extends IOException {

		private static final long serialVersionUID = 1L;

		RedirectFollowedByConnectorException() {
			super("The WebClient's connector followed a redirect itself; configure it not"
					+ " to follow redirects (Reactor Netty: HttpClient.followRedirect(false)): XMLHttpRequest follows"
					+ " them one hop at a time");
		}

	}

}
