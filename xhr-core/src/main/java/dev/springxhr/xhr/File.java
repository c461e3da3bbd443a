package dev.springxhr.xhr;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.encoding.UsvStrings;

/**
 * The File API's {@code File}: a {@link Blob} with a name and a last modification time. {@link FormData} sends
 * file entries with their name as the {@code filename} of a {@code multipart/form-data} part.
 * <p>Instances are immutable and therefore safe to share between threads.
 *
 * @see <a href="https://w3c.github.io/FileAPI/#file-section">File API §4 The File Interface</a>
 */
public class File extends Blob {

	private final String name;

	private final long lastModified;

	/**
	 * Create a file of the given parts whose type is the empty string, last modified now.
	 * @param parts the blob parts, see {@link Blob#Blob(List, String)}
	 * @param name the file name; a lone surrogate becomes U+FFFD
	 * @throws IllegalArgumentException if the parts add up to more bytes than a Java array holds
	 */
	public File(List<?> parts, String name) {
		this(parts, name, null, System.currentTimeMillis());
	}

	/**
	 * Create a file of the given parts (File API §4.1 constructor).
	 * @param parts the blob parts, see {@link Blob#Blob(List, String)}
	 * @param name the file name; a lone surrogate becomes U+FFFD
	 * @param type the MIME type, normalized as in {@link Blob#Blob(List, String)}; {@code null} for the empty
	 * string
	 * @param lastModified the last modification time in milliseconds since the epoch
	 * @throws IllegalArgumentException if the parts add up to more bytes than a Java array holds
	 */
	public File(List<?> parts, String name, @Nullable String type, long lastModified) {
		super(parts, (type != null) ? type : "");
		Objects.requireNonNull(name, "'name' must not be null");
		this.name = UsvStrings.toUsvString(name);
		this.lastModified = lastModified;
	}

	/**
	 * Create a file with the bytes and type of {@code blob}, shared rather than copied, as HTML's "create an entry"
	 * does for {@link FormData}.
	 * @param blob the blob (or file) whose bytes and type to use
	 * @param name the file name, already a USVString
	 * @param lastModified the last modification time in milliseconds since the epoch
	 */
	File(Blob blob, String name, long lastModified) {
		super(blob.array(), blob.offset(), blob.length(), blob.getType());
		this.name = name;
		this.lastModified = lastModified;
	}

	/**
	 * Return the name of this file.
	 * @return the name, without any path
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * Return when this file was last modified.
	 * @return milliseconds since the epoch
	 */
	public long getLastModified() {
		return this.lastModified;
	}

	/**
	 * Describe this file by its name, size, type and last modification time, not its content.
	 * @return for example {@code File[name=a.txt, size=3, type=text/plain, lastModified=0]}
	 */
	@Override
	public String toString() {
		return "File[name=" + this.name + ", size=" + getSize() + ", type=" + getType() + ", lastModified="
				+ this.lastModified + "]";
	}

}
