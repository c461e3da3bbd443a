package dev.springxhr.xhr;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.http.HttpTokens;
import dev.springxhr.xhr.internal.encoding.Utf8;

/**
 * The File API's {@code Blob}: an immutable sequence of bytes with a MIME type. Request bodies and
 * {@link FormData} entries can be blobs; {@link #slice(long, long, String) slices} share the bytes of the blob they
 * come from rather than copying them.
 * <p>Instances are immutable and therefore safe to share between threads.
 *
 * @see <a href="https://w3c.github.io/FileAPI/#blob-section">File API §3 The Blob Interface and Binary Data</a>
 */
public class Blob {

	private static final byte[] EMPTY = new byte[0];

	private static final int MAX_SIZE = Integer.MAX_VALUE - 8;

	private final byte[] array;

	private final int offset;

	private final int length;

	private final String type;

	/**
	 * Create an empty blob whose type is the empty string.
	 */
	public Blob() {
		this(EMPTY, 0, 0, "");
	}

	/**
	 * Create a blob of the given parts, whose type is the empty string.
	 * @param parts the blob parts, see {@link #Blob(List, String)}
	 * @throws IllegalArgumentException if the parts add up to more bytes than a Java array holds
	 */
	public Blob(List<?> parts) {
		this(parts, "");
	}

	/**
	 * Create a blob of the given parts, in order. A {@code String} contributes its UTF-8 encoding (a lone
	 * surrogate becomes U+FFFD, as for a USVString); a {@code byte[]} its bytes; a {@link ByteBuffer} its remaining
	 * bytes, from position to limit, without changing its position; a {@code Blob} its bytes; any other object,
	 * {@code null} included, the string {@code String.valueOf(part)}, as WebIDL converts a value to a USVString.
	 * Arrays and buffers are copied, so changing them afterwards does not change the blob.
	 * @param parts the blob parts
	 * @param type the MIME type: the empty string if it has a character outside U+0020 to U+007E, else ASCII
	 * lower-cased
	 * @throws IllegalArgumentException if the parts add up to more bytes than a Java array holds
	 */
	public Blob(List<?> parts, String type) {
		Objects.requireNonNull(parts, "'parts' must not be null");
		Objects.requireNonNull(type, "'type' must not be null");
		this.array = processBlobParts(parts);
		this.offset = 0;
		this.length = this.array.length;
		this.type = normalizeType(type);
	}

	/**
	 * Create a blob over a range of {@code array}, which is shared, not copied: the caller must never change it.
	 * @param array the bytes
	 * @param offset where the blob starts in {@code array}
	 * @param length the blob size
	 * @param type the MIME type, already normalized
	 */
	Blob(byte[] array, int offset, int length, String type) {
		Objects.checkFromIndexSize(offset, length, array.length);
		this.array = array;
		this.offset = offset;
		this.length = length;
		this.type = type;
	}

	/**
	 * Return the size of this blob.
	 * @return the number of bytes
	 */
	public long getSize() {
		return this.length;
	}

	/**
	 * Return the MIME type of this blob.
	 * @return the ASCII lower-cased MIME type, or the empty string if unknown
	 */
	public String getType() {
		return this.type;
	}

	/**
	 * Return the bytes of this blob.
	 * @return a new array, which the caller may change
	 */
	public byte[] bytes() {
		byte[] copy = new byte[this.length];
		System.arraycopy(this.array, this.offset, copy, 0, this.length);
		return copy;
	}

	/**
	 * Return the bytes of this blob decoded as UTF-8 (File API {@code text()}: "UTF-8 decode", so a leading BOM is
	 * removed and an invalid byte sequence becomes U+FFFD).
	 * @return the text
	 */
	public String text() {
		return Utf8.decode(this.array, this.offset, this.length);
	}

	/**
	 * Return the bytes of this blob as a buffer (File API {@code arrayBuffer()}), without copying them.
	 * @return a read-only buffer whose position is 0 and whose limit and capacity are the blob size
	 */
	public ByteBuffer arrayBuffer() {
		return ByteBuffer.wrap(this.array, this.offset, this.length).slice().asReadOnlyBuffer();
	}

	/**
	 * Return a stream over the bytes of this blob (File API {@code stream()}, blocking).
	 * @return a new stream, which need not be closed
	 */
	public InputStream openStream() {
		return new ByteArrayInputStream(this.array, this.offset, this.length);
	}

	/**
	 * Return a copy of this blob whose type is the empty string; see {@link #slice(long, long, String)}.
	 * @return a blob sharing the bytes of this one
	 */
	public Blob slice() {
		return slice(0, this.length, null);
	}

	/**
	 * Return the bytes from {@code start} to the end; see {@link #slice(long, long, String)}.
	 * @param start the first byte, counted from the end if negative
	 * @return a blob sharing the bytes of this one, with the empty string as type
	 */
	public Blob slice(long start) {
		return slice(start, this.length, null);
	}

	/**
	 * Return the bytes from {@code start} to {@code end}; see {@link #slice(long, long, String)}.
	 * @param start the first byte, counted from the end if negative
	 * @param end the byte after the last, counted from the end if negative
	 * @return a blob sharing the bytes of this one, with the empty string as type
	 */
	public Blob slice(long start, long end) {
		return slice(start, end, null);
	}

	/**
	 * Return the bytes from {@code start} to {@code end} (File API §3.3.1 {@code slice()}): a negative index counts
	 * from the end, indexes are clamped to {@code [0, size]}, and an end before the start gives an empty blob. A
	 * slice of a {@link File} is a plain {@code Blob}.
	 * @param start the first byte, counted from the end if negative
	 * @param end the byte after the last, counted from the end if negative
	 * @param contentType the type of the slice, normalized as in {@link #Blob(List, String)}; {@code null} for the
	 * empty string
	 * @return a blob sharing the bytes of this one
	 */
	public Blob slice(long start, long end, @Nullable String contentType) {
		long size = this.length;
		// Steps 1-2: relativeStart and relativeEnd; size + start cannot overflow, size is at most an int.
		long relativeStart = (start < 0) ? Math.max(size + start, 0) : Math.min(start, size);
		long relativeEnd = (end < 0) ? Math.max(size + end, 0) : Math.min(end, size);
		// Step 3: relativeContentType.
		String relativeContentType = (contentType != null) ? normalizeType(contentType) : "";
		// Step 4: span.
		long span = Math.max(relativeEnd - relativeStart, 0);
		return new Blob(this.array, this.offset + (int) relativeStart, (int) span, relativeContentType);
	}

	/**
	 * The array holding the bytes of this blob, shared so that the engine can send them without a copy. Never
	 * change it: other blobs may share it.
	 * @return the array, of which only {@link #length()} bytes from {@link #offset()} belong to this blob
	 */
	byte[] array() {
		return this.array;
	}

	/**
	 * Where the bytes of this blob start in {@link #array()}.
	 * @return the offset
	 */
	int offset() {
		return this.offset;
	}

	/**
	 * The number of bytes of this blob, {@link #getSize()} as an int.
	 * @return the length
	 */
	int length() {
		return this.length;
	}

	/**
	 * Describe this blob by its size and type, not its content.
	 * @return for example {@code Blob[size=3, type=text/plain]}
	 */
	@Override
	public String toString() {
		return "Blob[size=" + this.length + ", type=" + this.type + "]";
	}

	/**
	 * File API §3.1 constructor step 3: a type with a character outside U+0020 to U+007E is the empty string,
	 * anything else is ASCII lower-cased.
	 */
	static String normalizeType(String type) {
		for (int i = 0; i < type.length(); i++) {
			char c = type.charAt(i);
			if (c < 0x20 || c > 0x7E) {
				return "";
			}
		}
		return HttpTokens.toAsciiLowerCase(type);
	}

	/**
	 * File API §3.1.1 "process blob parts", with the "transparent" endings (the default): the bytes of the parts,
	 * concatenated into one new array.
	 */
	private static byte[] processBlobParts(List<?> parts) {
		int count = parts.size();
		if (count == 0) {
			return EMPTY;
		}
		// First pass: the bytes of strings (which must be encoded anyway) and the length of every part, so that
		// the second pass fills one array of the right size.
		Object[] sources = new Object[count];
		int[] lengths = new int[count];
		long total = 0;
		int index = 0;
		for (Object part : parts) {
			Object source;
			int length;
			if (part instanceof byte[] bytes) {
				source = bytes;
				length = bytes.length;
			}
			else if (part instanceof ByteBuffer buffer) {
				// duplicate(): reading must not move the caller's position.
				source = buffer.duplicate();
				length = buffer.remaining();
			}
			else if (part instanceof Blob blob) {
				source = blob;
				length = blob.length;
			}
			else {
				String text = (part instanceof String string) ? string : String.valueOf(part);
				byte[] bytes = Utf8.encode(text);
				source = bytes;
				length = bytes.length;
			}
			sources[index] = source;
			lengths[index] = length;
			total += length;
			index++;
		}
		if (total > MAX_SIZE) {
			throw new IllegalArgumentException("Blob parts add up to " + total + " bytes, more than " + MAX_SIZE);
		}
		byte[] result = new byte[(int) total];
		int position = 0;
		for (int i = 0; i < count; i++) {
			Object source = sources[i];
			int length = lengths[i];
			if (source instanceof byte[] bytes) {
				System.arraycopy(bytes, 0, result, position, length);
			}
			else if (source instanceof ByteBuffer buffer) {
				buffer.get(result, position, length);
			}
			else {
				Blob blob = (Blob) source;
				System.arraycopy(blob.array, blob.offset, result, position, length);
			}
			position += length;
		}
		return result;
	}

}
