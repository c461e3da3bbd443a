package dev.springxhr.xhr.internal.transport;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.buffer.DataBuffer;

/**
 * Receives what happens to one exchange, on the transport's threads (Reactor Netty event loops). Implementations
 * must not block: they hand the work over to the request's own task queue.
 */
public interface TransportHandler {

	/**
	 * The Observation of the send this exchange belongs to: the parent of WebClient's per-hop
	 * {@code http.client.requests} observations, so that redirects and preflights show as its children.
	 * @return the observation, or {@code null} when the send is not observed
	 */
	default @Nullable Observation observation() {
		return null;
	}

	/**
	 * Whether the handler wants {@link #onRequestBodyChunk} and {@link #onRequestBodyEnd} (an upload listener
	 * exists); counting written bytes costs a little per write.
	 */
	default boolean observesUpload() {
		return false;
	}

	/** {@code bytes} more of the request body were written to the connection. */
	default void onRequestBodyChunk(int bytes) {
	}

	/** The whole request body was written to the connection. */
	default void onRequestBodyEnd() {
	}

	/**
	 * Whether {@link #onResponse} waits for I/O (a cookie store outside the JVM): it is then called on Reactor's
	 * bounded-elastic threads, not on the event loop that received the response.
	 */
	default boolean blocksOnResponse() {
		return false;
	}

	/** The status line and headers arrived (after all redirects). */
	void onResponse(ResponseHead head);

	/** A chunk of the (decoded) body arrived; the handler owns it and must release it. */
	void onBodyChunk(DataBuffer chunk);

	/**
	 * The chunks delivered since the last call are all that one read of the connection brought: what the server
	 * sent together can be reported together.
	 */
	default void onBodyChunksRead() {
	}

	/** The body ended. */
	void onComplete();

	/** The exchange failed: connection, protocol or size error. */
	void onError(Throwable error);

}
