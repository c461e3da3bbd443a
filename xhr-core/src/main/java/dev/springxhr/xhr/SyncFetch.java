package dev.springxhr.xhr;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

import dev.springxhr.xhr.internal.fetch.FetchRequest;
import dev.springxhr.xhr.internal.transport.ReceivedBytes;
import dev.springxhr.xhr.internal.transport.ResponseHead;
import dev.springxhr.xhr.internal.transport.TransportHandler;

/**
 * The transport's view of one synchronous send: the whole response is collected on the transport's threads while
 * the caller waits; no event task is involved.
 */
final class SyncFetch implements TransportHandler {

	/** How a wait ended. */
	enum Wait {

		/** The exchange completed or failed, or the fetch was terminated. */
		DONE,

		/** The timeout elapsed first. */
		TIMED_OUT,

		/** The waiting thread was interrupted (its interrupt flag is set again). */
		INTERRUPTED

	}

	private final CountDownLatch done = new CountDownLatch(1);

	private final ReceivedBytes body = new ReceivedBytes();

	private final long maxResponseSize;

	private volatile @Nullable ResponseHead head;

	private volatile @Nullable Throwable error;

	private final @Nullable Observation observation;

	private SyncFetch(long maxResponseSize, @Nullable Observation observation) {
		this.maxResponseSize = maxResponseSize;
		this.observation = observation;
	}

	static SyncFetch start(XhrEngine engine, FetchRequest request, Fetch fetch) {
		SyncFetch handler = new SyncFetch(engine.maxResponseSize(), fetch.observation);
		fetch.onTerminate = handler.done::countDown;
		try (Observation.Scope scope = SendObservation.openScope(fetch.observation)) {
			fetch.exchange = engine.exchange(request, handler);
		}
		catch (RuntimeException ex) {
			handler.onError(ex);
		}
		return handler;
	}

	Wait await(long timeoutMillis) {
		try {
			if (timeoutMillis <= 0) {
				this.done.await();
				return Wait.DONE;
			}
			return this.done.await(timeoutMillis, TimeUnit.MILLISECONDS) ? Wait.DONE : Wait.TIMED_OUT;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Wait.INTERRUPTED;
		}
	}

	@Nullable ResponseHead head() {
		return this.head;
	}

	@Nullable Throwable error() {
		return this.error;
	}

	ReceivedBytes body() {
		return this.body;
	}

	@Override
	public @Nullable Observation observation() {
		return this.observation;
	}

	@Override
	public void onResponse(ResponseHead head) {
		this.head = head;
	}

	@Override
	public void onBodyChunk(DataBuffer chunk) {
		try {
			if (this.error == null) {
				this.body.append(chunk, this.maxResponseSize);
			}
		}
		catch (ReceivedBytes.ResponseTooLargeException ex) {
			this.error = ex;
		}
		finally {
			DataBufferUtils.release(chunk);
		}
	}

	@Override
	public void onComplete() {
		this.done.countDown();
	}

	@Override
	public void onError(Throwable error) {
		this.error = error;
		this.done.countDown();
	}

}
