package dev.springxhr.xhr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.encoding.UsvStrings;

/**
 * The XHR standard's {@code FormData}: an ordered list of entries, each a name with a {@code String} or a
 * {@link File} value, sent as {@code multipart/form-data}.
 * <p>Every string argument goes through WebIDL's USVString conversion (a lone surrogate becomes U+FFFD). Newlines
 * are kept as they are; they become CRLF only when the form is encoded. Instances are not thread-safe.
 *
 * @see <a href="https://xhr.spec.whatwg.org/#interface-formdata">XHR §5 Interface FormData</a>
 * @see <a href="https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#create-an-entry">HTML
 * create an entry</a>
 */
public class FormData {

	private final List<Map.Entry<String, Object>> entries = new ArrayList<>();

	/**
	 * Create an empty form.
	 */
	public FormData() {
	}

	/**
	 * Append an entry with a string value.
	 * @param name the entry name
	 * @param value the value
	 */
	public void append(String name, String value) {
		this.entries.add(createEntry(name, value));
	}

	/**
	 * Append an entry with a file value: a {@link File} as it is, any other {@link Blob} as a file named
	 * {@code "blob"}.
	 * @param name the entry name
	 * @param value the blob or file
	 */
	public void append(String name, Blob value) {
		this.entries.add(createEntry(name, value, null));
	}

	/**
	 * Append an entry with a file value.
	 * @param name the entry name
	 * @param value the blob or file
	 * @param filename the name of the file to send: if not {@code null}, a new {@link File} with this name and the
	 * bytes and type of {@code value}, last modified now; if {@code null}, as {@link #append(String, Blob)}
	 */
	public void append(String name, Blob value, @Nullable String filename) {
		this.entries.add(createEntry(name, value, filename));
	}

	/**
	 * Replace the first entry named {@code name} with an entry with a string value and remove the other entries
	 * with that name, or append the entry if there is none.
	 * @param name the entry name
	 * @param value the value
	 */
	public void set(String name, String value) {
		replace(createEntry(name, value));
	}

	/**
	 * Replace the first entry named {@code name} with an entry with a file value and remove the other entries with
	 * that name, or append the entry if there is none; the value is as in {@link #append(String, Blob)}.
	 * @param name the entry name
	 * @param value the blob or file
	 */
	public void set(String name, Blob value) {
		replace(createEntry(name, value, null));
	}

	/**
	 * Replace the first entry named {@code name} with an entry with a file value and remove the other entries with
	 * that name, or append the entry if there is none; the value is as in {@link #append(String, Blob, String)}.
	 * @param name the entry name
	 * @param value the blob or file
	 * @param filename the name of the file to send, or {@code null} to keep a file's name ({@code "blob"} for a
	 * blob)
	 */
	public void set(String name, Blob value, @Nullable String filename) {
		replace(createEntry(name, value, filename));
	}

	/**
	 * Return the value of the first entry named {@code name}.
	 * @param name the entry name
	 * @return a {@code String} or a {@link File}, or {@code null} if there is no such entry
	 */
	public @Nullable Object get(String name) {
		String key = usvName(name);
		for (Map.Entry<String, Object> entry : this.entries) {
			if (entry.getKey().equals(key)) {
				return entry.getValue();
			}
		}
		return null;
	}

	/**
	 * Return the values of the entries named {@code name}, in order.
	 * @param name the entry name
	 * @return an immutable list of {@code String} and {@link File} values, empty if there is no such entry
	 */
	public List<Object> getAll(String name) {
		String key = usvName(name);
		List<Object> values = new ArrayList<>();
		for (Map.Entry<String, Object> entry : this.entries) {
			if (entry.getKey().equals(key)) {
				values.add(entry.getValue());
			}
		}
		return List.copyOf(values);
	}

	/**
	 * Return whether there is an entry named {@code name}.
	 * @param name the entry name
	 * @return {@code true} if there is at least one
	 */
	public boolean has(String name) {
		return get(name) != null;
	}

	/**
	 * Remove all entries named {@code name}.
	 * @param name the entry name
	 */
	public void delete(String name) {
		String key = usvName(name);
		this.entries.removeIf((entry) -> entry.getKey().equals(key));
	}

	/**
	 * Return the entries, in order.
	 * @return an immutable snapshot: later changes to this form do not show in it
	 */
	public List<Map.Entry<String, Object>> entries() {
		return List.copyOf(this.entries);
	}

	/**
	 * Return the entry names, in order, once per entry.
	 * @return an immutable snapshot
	 */
	public List<String> keys() {
		return this.entries.stream().map(Map.Entry::getKey).toList();
	}

	/**
	 * Return the entry values, in order.
	 * @return an immutable snapshot of {@code String} and {@link File} values
	 */
	public List<Object> values() {
		return this.entries.stream().map(Map.Entry::getValue).toList();
	}

	/**
	 * Call {@code action} with the name and value of each entry, in order. Like WebIDL's iterable, the iteration
	 * is live: entries that {@code action} removes or appends are skipped or visited.
	 * @param action the callback, receiving the name and the {@code String} or {@link File} value
	 */
	public void forEach(BiConsumer<String, Object> action) {
		Objects.requireNonNull(action, "'action' must not be null");
		// WebIDL "default iterator object": an index into the live list, not a snapshot.
		for (int i = 0; i < this.entries.size(); i++) {
			Map.Entry<String, Object> entry = this.entries.get(i);
			action.accept(entry.getKey(), entry.getValue());
		}
	}

	/**
	 * The number of entries; not part of the standard, for the encoder.
	 * @return the size of the entry list
	 */
	int size() {
		return this.entries.size();
	}

	/**
	 * Describe this form by its entries.
	 * @return for example {@code FormData[a=b, f=File[name=blob, size=3, type=, lastModified=0]]}
	 */
	@Override
	public String toString() {
		return "FormData" + this.entries;
	}

	/** XHR §5 set() steps 2-3. */
	private void replace(Map.Entry<String, Object> entry) {
		String name = entry.getKey();
		int first = -1;
		for (int i = 0; i < this.entries.size(); i++) {
			if (this.entries.get(i).getKey().equals(name)) {
				first = i;
				break;
			}
		}
		if (first < 0) {
			this.entries.add(entry);
			return;
		}
		this.entries.set(first, entry);
		for (int i = this.entries.size() - 1; i > first; i--) {
			if (this.entries.get(i).getKey().equals(name)) {
				this.entries.remove(i);
			}
		}
	}

	/**
	 * HTML "create an entry" with a string value: step 1 (the name as a scalar value string) and step 2 (the value
	 * too). The current standard no longer normalizes newlines here; the multipart encoder does.
	 */
	private static Map.Entry<String, Object> createEntry(String name, String value) {
		String key = usvName(name);
		Objects.requireNonNull(value, "'value' must not be null");
		return Map.entry(key, UsvStrings.toUsvString(value));
	}

	/** HTML "create an entry" with a Blob value, steps 1 and 3. */
	private static Map.Entry<String, Object> createEntry(String name, Blob value, @Nullable String filename) {
		String key = usvName(name);
		Objects.requireNonNull(value, "'value' must not be null");
		File file;
		if (filename != null) {
			// Step 3.2: a new File with the given name and the same bytes (a Blob first becomes a File "blob" in
			// step 3.1, which only its name would distinguish); lastModified is a new File's default, now.
			file = new File(value, UsvStrings.toUsvString(filename), System.currentTimeMillis());
		}
		else if (value instanceof File existing) {
			file = existing;
		}
		else {
			// Step 3.1: a Blob that is not a File becomes a File named "blob".
			file = new File(value, "blob", System.currentTimeMillis());
		}
		return Map.entry(key, file);
	}

	private static String usvName(String name) {
		Objects.requireNonNull(name, "'name' must not be null");
		return UsvStrings.toUsvString(name);
	}

}
