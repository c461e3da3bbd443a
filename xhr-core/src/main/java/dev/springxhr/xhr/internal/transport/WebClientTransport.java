package dev.springxhr.xhr.internal.transport;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.netty.handler.codec.http.HttpHeaderNames;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClientRequest;
import reactor.util.context.Context;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.internal.net.NetworkAccessDeniedException;
import dev.springxhr.xhr.internal.net.NetworkAccessRules;

/**
 * Runs one exchange on a {@link WebClient} and reports it to a {@link TransportHandler}. The body is streamed: the
 * handler gets each chunk as it arrives, nothing is aggregated here.
 */
public final class WebClientTransport {


	// A misconfigured connector is worth one warning, not one per request.

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
	 * @param request the request of this hop
	 * @param handler what receives the exchange's signals
	 * @param parent the Observation of the send, made the parent of WebClient's observation of this exchange
	 * @return the handle that cancels it (closing the connection if it is in use)
	 */
	public Disposable exchange(OutgoingRequest request, TransportHandler handler, @Nullable Observation parent) {
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
				RequestTargetWriter.installIfNeeded(nativeRequest, request);
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
		Flux<DataBuffer> response = ready.exchangeToFlux(exchange::onResponse);
		if (parent != null) {
			// WebClient takes the parent of its observation from the Reactor Context, not from thread-locals.
			response = response.contextWrite(Context.of(ObservationThreadLocalAccessor.KEY, parent));
		}
		response.subscribe(exchange);
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

}
