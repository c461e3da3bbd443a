package dev.springxhr.xhr.internal.transport;

import java.util.Arrays;

import org.springframework.core.io.buffer.DataBuffer;

/**
 * The received bytes of a response body: one growable array, the only copy the engine makes of a body.
 */
public final class ReceivedBytes {

	private static final byte[] NONE = new byte[0];

	// The largest array the JVM reliably allocates.
	private static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

	// A server's Content-Length is a promise, not bytes: never allocate more than this before bytes arrive.
	private static final int MAX_PRESIZE = 4 * 1024 * 1024;

	private byte[] bytes = NONE;

	private int length;

	private long expectedLength = -1;

	/** Note the announced length: the array is sized for it as bytes arrive, so a full body is never copied twice. */
	public void expect(long contentLength, long limit) {
		if (contentLength > 0 && this.bytes.length == 0) {
			this.expectedLength = contentLength;
			this.bytes = new byte[(int) Math.min(Math.min(contentLength, limit), MAX_PRESIZE)];
		}
	}

	/**
	 * Append a buffer's readable bytes (the buffer is not released).
	 * @throws ResponseTooLargeException if the body would grow past {@code limit}
	 */
	public void append(DataBuffer buffer, long limit) {
		int count = buffer.readableByteCount();
		long needed = (long) this.length + count;
		if (needed > limit || needed > MAX_ARRAY_LENGTH) {
			throw new ResponseTooLargeException(Math.min(limit, MAX_ARRAY_LENGTH));
		}
		if (needed > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, grownLength(needed));
		}
		buffer.read(this.bytes, this.length, count);
		this.length += count;
	}

	/**
	 * Double the array, but go straight to the announced length once a quarter of it arrived: the last copy then
	 * holds the body and a quarter of it (1.25 times the body at the peak, not 1.5 as doubling to the end would),
	 * and a server that announces more than it sends still makes us allocate at most four times what it sent.
	 */
	private int grownLength(long needed) {
		long grown = Math.max(Math.max(needed, 1024), Math.min((long) this.bytes.length * 2, MAX_ARRAY_LENGTH));
		if (this.expectedLength >= needed && (this.expectedLength < grown || this.expectedLength <= needed * 4)) {
			grown = this.expectedLength;
		}
		return (int) grown;
	}

	public int length() {
		return this.length;
	}

	/** The backing array; only the first {@link #length()} bytes are valid. */
	public byte[] array() {
		return this.bytes;
	}

	byte[] toByteArray() {
		return Arrays.copyOf(this.bytes, this.length);
	}

	/** A response body larger than the factory's {@code maxResponseSize}: a network error. */
	public static final class ResponseTooLargeException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		ResponseTooLargeException(long limit) {
			super("The response body is larger than the limit of " + limit + " bytes (maxResponseSize)");
		}

	}

}
