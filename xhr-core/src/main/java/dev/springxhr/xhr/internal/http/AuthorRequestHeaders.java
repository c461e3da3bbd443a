package dev.springxhr.xhr.internal.http;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

/**
 * The author request headers of one request: a header list whose names are case-insensitive, where setting a name
 * again appends to its value with {@code ", "} and keeps the first name's casing and position.
 *
 * @see <a href="https://fetch.spec.whatwg.org/#concept-header-list-combine">Fetch §2.2.2 combine</a>
 */
public final class AuthorRequestHeaders {

	private final List<String> names = new ArrayList<>(4);

	private final List<String> values = new ArrayList<>(4);

	/** Combine (name, value): XHR §3.4 setRequestHeader() step 6. */
	public void combine(String name, String value) {
		int index = indexOf(name);
		if (index >= 0) {
			this.values.set(index, this.values.get(index) + ", " + value);
		}
		else {
			this.names.add(name);
			this.values.add(value);
		}
	}

	/** Fetch "set": replace the value of an existing name in place (keeping its casing), or append. */
	public void set(String name, String value) {
		int index = indexOf(name);
		if (index >= 0) {
			this.values.set(index, value);
		}
		else {
			this.names.add(name);
			this.values.add(value);
		}
	}

	public @Nullable String get(String name) {
		int index = indexOf(name);
		return (index >= 0) ? this.values.get(index) : null;
	}

	boolean contains(String name) {
		return indexOf(name) >= 0;
	}

	public void clear() {
		this.names.clear();
		this.values.clear();
	}

	void forEach(BiConsumer<String, String> action) {
		for (int i = 0; i < this.names.size(); i++) {
			action.accept(this.names.get(i), this.values.get(i));
		}
	}

	/** The headers as alternating names and values. */
	public String[] toArray() {
		String[] pairs = new String[this.names.size() * 2];
		for (int i = 0; i < this.names.size(); i++) {
			pairs[2 * i] = this.names.get(i);
			pairs[2 * i + 1] = this.values.get(i);
		}
		return pairs;
	}

	private int indexOf(String name) {
		for (int i = 0; i < this.names.size(); i++) {
			if (this.names.get(i).equalsIgnoreCase(name)) {
				return i;
			}
		}
		return -1;
	}

}
