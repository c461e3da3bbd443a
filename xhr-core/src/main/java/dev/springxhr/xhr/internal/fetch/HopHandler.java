package dev.springxhr.xhr.internal.fetch;

import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

import dev.springxhr.xhr.internal.transport.ResponseHead;
import dev.springxhr.xhr.internal.transport.TransportHandler;

/**
 * The transport handler of one request hop of a fetch: hands a final response and its body to the send's handler;
 * of any other response (a redirect, a challenge to answer, a network error such as a failed CORS check) it reads
 * and drops the body, so that the connection can be reused, then goes on with the next hop or the failure. Only the
 * first request hop reports its body's upload.
 */
final class HopHandler implements TransportHandler {

	/** A redirect's body is read and dropped so that the connection can be reused, up to this size. */
	private static final int MAX_DRAINED_BODY = 64 * 1024;

	private final TransportHandler sink;

	private final boolean reportsUpload;

	private final Function<ResponseHead, @Nullable ResponseHead> process;

	private final Runnable cancel;

	private final Consumer<@Nullable Throwable> next;

	private final boolean blocksOnResponse;

	/** The response is not the final one: its body is dropped, then the next hop starts. */
	private boolean draining;

	private long drained;

	/** This hop has handed over to the next one (or failed): nothing more of it counts. */
	private boolean finished;

	/** Why the fetch fails once the dropped body is read (a CORS failure, a bad redirect). */
	private @Nullable RuntimeException failure;

	/**
	 * The handler of a request hop.
	 * @param sink the handler of the send
	 * @param reportsUpload whether the hop reports its body's upload to the send (the first request hop)
	 * @param process the fetch's steps for the hop's response: the response as the send sees it, or {@code null}
	 * when another hop follows; a {@link RuntimeException} is a network error
	 * @param cancel closes the hop's exchange
	 * @param next after the hop: starts the next one ({@code null}) or fails the fetch
	 * @param blocksOnResponse whether processing the response waits for I/O (a shared cookie store)
	 */
	HopHandler(TransportHandler sink, boolean reportsUpload, Function<ResponseHead, @Nullable ResponseHead> process,
			Runnable cancel, Consumer<@Nullable Throwable> next, boolean blocksOnResponse) {
		this.sink = sink;
		this.reportsUpload = reportsUpload;
		this.process = process;
		this.cancel = cancel;
		this.next = next;
		this.blocksOnResponse = blocksOnResponse;
	}

	@Override
	public boolean blocksOnResponse() {
		return this.blocksOnResponse;
	}

	@Override
	public boolean observesUpload() {
		return this.reportsUpload;
	}

	@Override
	public void onRequestBodyChunk(int bytes) {
		if (this.reportsUpload) {
			this.sink.onRequestBodyChunk(bytes);
		}
	}

	@Override
	public void onRequestBodyEnd() {
		if (this.reportsUpload) {
			this.sink.onRequestBodyEnd();
		}
	}

	@Override
	public void onResponse(ResponseHead head) {
		try {
			ResponseHead response = this.process.apply(head);
			if (response != null) {
				this.sink.onResponse(response);
			}
			else {
				this.draining = true;
			}
		}
		catch (RuntimeException ex) {
			// Not cancelled from here, inside the exchange's response callback (Reactor Netty would then see a
			// second body subscriber): the body is dropped as a redirect's, then the fetch fails.
			this.failure = ex;
			this.draining = true;
		}
	}

	@Override
	public void onBodyChunk(DataBuffer chunk) {
		if (this.finished) {
			DataBufferUtils.release(chunk);
			return;
		}
		if (!this.draining) {
			this.sink.onBodyChunk(chunk);
			return;
		}
		this.drained += chunk.readableByteCount();
		DataBufferUtils.release(chunk);
		if (this.drained > MAX_DRAINED_BODY) {
			// Not worth reading: close this connection and go on.
			this.cancel.run();
			next();
		}
	}

	@Override
	public void onBodyChunksRead() {
		if (!this.draining && !this.finished) {
			this.sink.onBodyChunksRead();
		}
	}

	@Override
	public void onComplete() {
		if (this.draining) {
			next();
		}
		else if (!this.finished) {
			this.sink.onComplete();
		}
	}

	@Override
	public void onError(Throwable error) {
		if (this.draining) {
			// The headers of the redirect were complete; what happens to its body does not matter.
			next();
		}
		else if (!this.finished) {
			this.finished = true;
			this.next.accept(error);
		}
	}

	private void next() {
		if (!this.finished) {
			this.finished = true;
			this.next.accept(this.failure);
		}
	}

}
