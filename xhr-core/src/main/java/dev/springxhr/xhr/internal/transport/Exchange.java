package dev.springxhr.xhr.internal.transport;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.handler.codec.http.HttpVersion;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.scheduler.Schedulers;
import io.netty.channel.EventLoop;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClientRequest;
import reactor.netty.http.client.HttpClientResponse;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientResponse;

import dev.springxhr.xhr.internal.http.ResponseHeaders;

/** The subscriber of one exchange, and the handle that cancels it. */
final class Exchange extends BaseSubscriber<DataBuffer> {

	private static final Log logger = LogFactory.getLog(WebClientTransport.class);

	/** The misconfigured-connector warning is logged once per JVM, not once per request. */
	private static final AtomicBoolean warnedOfRedirectingConnector = new AtomicBoolean();


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
		ResponseHead responseHead = head(response, this.nativeRequest);
		// An exchange cancelled (abort, timeout, open) while the body is being subscribed makes Reactor Netty
		// signal "released due to cancellation": nobody is listening any more, so end quietly instead of
		// logging it as a dropped error.
		Flux<DataBuffer> body = response.bodyToFlux(DataBuffer.class)
			.onErrorResume((ex) -> isDisposed() ? Flux.empty() : Flux.error(ex));
		if (this.handler.blocksOnResponse()) {
			// The handler waits for I/O (a shared cookie store): never on the event loop. The body is read after it.
			return Mono.fromRunnable(() -> this.handler.onResponse(responseHead))
				.subscribeOn(Schedulers.boundedElastic())
				.thenMany(body);
		}
		this.handler.onResponse(responseHead);
		return body;
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
		// A body read late (after a handler that waits for I/O) may find its connection already closed.
		if (this.nativeRequest instanceof Connection connection && connection.channel().isRegistered()) {
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
