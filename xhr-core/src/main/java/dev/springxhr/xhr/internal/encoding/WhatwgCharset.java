package dev.springxhr.xhr.internal.encoding;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * An encoding of the Encoding Standard as a {@link Charset}, named as the standard names it ({@code Shift_JIS},
 * {@code windows-1252}, {@code replacement}…), decoding with the standard's own decoder and index tables rather
 * than the JDK's charsets, which differ at edge bytes. Decode-only: the engine encodes nothing but UTF-8.
 *
 * <p>{@link #decode(byte[], int, int)} decodes directly; the {@link CharsetDecoder}, for APIs that take a Charset,
 * collects its input and decodes it whole when flushed.
 */
public final class WhatwgCharset extends Charset {

	private final ByteDecoder decoder;

	WhatwgCharset(String name, ByteDecoder decoder) {
		super(name, null);
		this.decoder = decoder;
	}

	/**
	 * Decode bytes with this encoding's decoder, errors as U+FFFD (no BOM handling: see {@code Encodings.decode}).
	 * @param bytes the bytes
	 * @param offset where they start
	 * @param length how many there are
	 * @return the text
	 */
	public String decode(byte[] bytes, int offset, int length) {
		StringBuilder out = new StringBuilder(length);
		this.decoder.decode(bytes, offset, length, out);
		return out.toString();
	}

	/**
	 * Decode bytes with error mode fatal: the text, or {@code null} at the first error (for XML, where malformed
	 * input is a fatal error).
	 * @param bytes the bytes
	 * @param offset where they start
	 * @param length how many there are
	 * @return the text, or {@code null} if the bytes are not well-formed in this encoding
	 */
	public @Nullable String decodeStrictly(byte[] bytes, int offset, int length) {
		StringBuilder out = new StringBuilder(length);
		return (this.decoder.decode(bytes, offset, length, out) == 0) ? out.toString() : null;
	}

	@Override
	public boolean contains(Charset charset) {
		return charset.equals(this);
	}

	@Override
	public CharsetDecoder newDecoder() {
		return new WholeInputDecoder(this);
	}

	@Override
	public boolean canEncode() {
		return false;
	}

	@Override
	public CharsetEncoder newEncoder() {
		throw new UnsupportedOperationException("The engine decodes " + name() + " only");
	}

	/** Collects the whole input, then decodes it at flush (each of the standard's decoders runs over a queue). */
	private static final class WholeInputDecoder extends CharsetDecoder {

		private final WhatwgCharset charset;

		private byte[] input = new byte[256];

		private int length;

		private String output = "";

		private int written = -1;

		WholeInputDecoder(WhatwgCharset charset) {
			// At most one char a byte: an error or a code unit always consumes at least one byte.
			super(charset, 1.0f, 1.0f);
			this.charset = charset;
		}

		@Override
		protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
			int remaining = in.remaining();
			if (this.length + remaining > this.input.length) {
				this.input = Arrays.copyOf(this.input, Math.max(this.input.length * 2, this.length + remaining));
			}
			in.get(this.input, this.length, remaining);
			this.length += remaining;
			return CoderResult.UNDERFLOW;
		}

		@Override
		protected CoderResult implFlush(CharBuffer out) {
			if (this.written < 0) {
				this.output = this.charset.decode(this.input, 0, this.length);
				this.written = 0;
			}
			int count = Math.min(out.remaining(), this.output.length() - this.written);
			out.put(this.output, this.written, this.written + count);
			this.written += count;
			return (this.written < this.output.length()) ? CoderResult.OVERFLOW : CoderResult.UNDERFLOW;
		}

		@Override
		protected void implReset() {
			this.length = 0;
			this.output = "";
			this.written = -1;
		}

	}

}
