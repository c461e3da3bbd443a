package dev.springxhr.xhr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.Resource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import dev.springxhr.xhr.internal.http.HttpTokens;

/**
 * A request body that is streamed to the server and never held whole in memory — beyond the standard, which only
 * knows bodies it can hold (a browser's XHR does not accept a {@code ReadableStream}). Pass it to
 * {@link XMLHttpRequest#send(Object)}; upload progress events report the bytes written as they leave.
 *
 * <p>With a known length the request carries a {@code Content-Length} and upload events are length-computable;
 * with an unknown one ({@code -1}) it is sent with {@code Transfer-Encoding: chunked} and upload events have a
 * {@code total} of 0. The content must have exactly the length given.
 *
 * <p>A body from a {@link Publisher} can be sent once; one from an {@link InputStream} supplier or a
 * {@link Resource} opens a new stream for every send. {@link XMLHttpRequest#send(Object)} also takes a
 * {@code Publisher<DataBuffer>} or a {@code Resource} directly.
 */
public final class StreamingBody {

	/** The size of the buffers an {@link InputStream} is read into. */
	static final int READ_BUFFER_SIZE = 32 * 1024;

	private final Supplier<Publisher<DataBuffer>> content;

	private final long contentLength;

	private final @Nullable String contentType;

	private final boolean replayable;

	private StreamingBody(Supplier<Publisher<DataBuffer>> content, long contentLength, @Nullable String contentType,
			boolean replayable) {
		if (contentLength < -1) {
			throw new IllegalArgumentException("'contentLength' must be -1 (unknown) or more, was " + contentLength);
		}
		if (contentType != null && !HttpTokens.isHeaderValue(HttpTokens.normalizeHeaderValue(contentType))) {
			throw new IllegalArgumentException("'contentType' must be a valid header value, was '" + contentType + "'");
		}
		this.content = content;
		this.contentLength = contentLength;
		this.contentType = contentType;
		this.replayable = replayable;
	}

	/**
	 * Create a body from a publisher of data buffers; the buffers are released once written.
	 * @param content the content, subscribed to once, when the request is sent
	 * @param contentLength the length in bytes, or {@code -1} if unknown
	 * @param contentType the {@code Content-Type} to send unless the request sets one, or {@code null} for none
	 * @return the body
	 */
	public static StreamingBody of(Publisher<? extends DataBuffer> content, long contentLength,
			@Nullable String contentType) {
		Objects.requireNonNull(content, "'content' must not be null");
		return new StreamingBody(() -> Flux.from(content), contentLength, contentType, false);
	}

	/**
	 * Create a body read from an input stream, opened when the request is sent and closed at its end. The stream is
	 * read on Reactor's bounded-elastic threads, never on an event loop.
	 * @param inputStreamSupplier supplies a new stream for every send
	 * @param contentLength the length in bytes, or {@code -1} if unknown
	 * @param contentType the {@code Content-Type} to send unless the request sets one, or {@code null} for none
	 * @return the body
	 */
	public static StreamingBody fromInputStream(Supplier<? extends InputStream> inputStreamSupplier,
			long contentLength, @Nullable String contentType) {
		Objects.requireNonNull(inputStreamSupplier, "'inputStreamSupplier' must not be null");
		return new StreamingBody(() -> DataBufferUtils
			.readInputStream(inputStreamSupplier::get, DefaultDataBufferFactory.sharedInstance, READ_BUFFER_SIZE)
			.subscribeOn(Schedulers.boundedElastic()), contentLength, contentType, true);
	}

	/**
	 * Create a body from a resource (a file, a class path resource, …), with the resource's length when it can tell.
	 * @param resource the resource
	 * @return the body, without a {@code Content-Type}
	 */
	public static StreamingBody fromResource(Resource resource) {
		return fromResource(resource, null);
	}

	/**
	 * Create a body from a resource, with the resource's length when it can tell.
	 * @param resource the resource
	 * @param contentType the {@code Content-Type} to send unless the request sets one, or {@code null} for none
	 * @return the body
	 */
	public static StreamingBody fromResource(Resource resource, @Nullable String contentType) {
		Objects.requireNonNull(resource, "'resource' must not be null");
		return new StreamingBody(() -> DataBufferUtils
			.read(resource, DefaultDataBufferFactory.sharedInstance, READ_BUFFER_SIZE)
			.subscribeOn(Schedulers.boundedElastic()), lengthOf(resource), contentType, true);
	}

	private static long lengthOf(Resource resource) {
		// Only a file's length is known without reading it; InputStreamResource and the like would be consumed.
		if (!resource.isFile()) {
			return -1;
		}
		try {
			return resource.contentLength();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the length of " + resource.getDescription(), ex);
		}
	}

	/**
	 * Return the length in bytes.
	 * @return the length, or {@code -1} if unknown
	 */
	public long getContentLength() {
		return this.contentLength;
	}

	/**
	 * Return the {@code Content-Type} sent unless the request sets one.
	 * @return the content type, or {@code null} for none
	 */
	public @Nullable String getContentType() {
		return this.contentType;
	}

	/**
	 * Whether the body can be sent again, as a 307 or 308 redirect or an authentication retry needs: an input
	 * stream supplier or a resource can, a publisher cannot (the standard's "body whose source is null").
	 * @return whether the body can be sent more than once
	 */
	public boolean isReplayable() {
		return this.replayable;
	}

	/** The content of one send. */
	Publisher<DataBuffer> content() {
		return this.content.get();
	}

	@Override
	public String toString() {
		return "StreamingBody[length=" + this.contentLength + ", type=" + this.contentType + "]";
	}

}
