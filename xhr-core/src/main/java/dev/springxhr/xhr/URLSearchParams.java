package dev.springxhr.xhr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.url.FormUrlEncoding;
import dev.springxhr.xhr.internal.encoding.UsvStrings;

/**
 * The URL standard's {@code URLSearchParams}: an ordered list of name-value pairs, sent as
 * {@code application/x-www-form-urlencoded;charset=UTF-8}.
 * <p>Every string argument goes through WebIDL's USVString conversion (a lone surrogate becomes U+FFFD). Unlike
 * the browser's, an instance is never associated with a URL object. Instances are not thread-safe.
 *
 * @see <a href="https://url.spec.whatwg.org/#interface-urlsearchparams">URL §6 Interface URLSearchParams</a>
 */
public class URLSearchParams {

	private final List<Map.Entry<String, String>> list;

	/**
	 * Create an empty list.
	 */
	public URLSearchParams() {
		this.list = new ArrayList<>();
	}

	/**
	 * Parse a query: a leading '?' is removed, the rest is parsed as {@code application/x-www-form-urlencoded}.
	 * @param init the query, for example {@code "?a=b&c=d"} or {@code "a=b+c"}
	 */
	public URLSearchParams(String init) {
		Objects.requireNonNull(init, "'init' must not be null");
		// URL §6 constructor step 1: remove a leading '?'.
		String query = (!init.isEmpty() && init.charAt(0) == '?') ? init.substring(1) : init;
		this.list = FormUrlEncoding.parse(query);
	}

	/**
	 * Create a list of the map's entries in its iteration order. As for WebIDL's {@code record}, keys that are
	 * equal once converted to USVStrings are one pair, at the first key's position with the last key's value.
	 * @param init the names and values
	 */
	public URLSearchParams(Map<String, String> init) {
		Objects.requireNonNull(init, "'init' must not be null");
		Map<String, String> record = new LinkedHashMap<>();
		init.forEach((name, value) -> record.put(usv(name, "name"), usv(value, "value")));
		this.list = new ArrayList<>(record.size());
		record.forEach((name, value) -> this.list.add(Map.entry(name, value)));
	}

	/**
	 * Create a list of the given pairs, in order, duplicates kept (WebIDL {@code sequence<sequence<USVString>>}).
	 * @param init the pairs
	 */
	public URLSearchParams(Iterable<? extends Map.Entry<String, String>> init) {
		Objects.requireNonNull(init, "'init' must not be null");
		this.list = new ArrayList<>();
		for (Map.Entry<String, String> pair : init) {
			Objects.requireNonNull(pair, "'init' must not contain null");
			this.list.add(Map.entry(usv(pair.getKey(), "name"), usv(pair.getValue(), "value")));
		}
	}

	/**
	 * Return the number of pairs.
	 * @return the size of the list, duplicates counted
	 */
	public int getSize() {
		return this.list.size();
	}

	/**
	 * Append a pair.
	 * @param name the name
	 * @param value the value
	 */
	public void append(String name, String value) {
		this.list.add(Map.entry(usv(name, "name"), usv(value, "value")));
	}

	/**
	 * Remove every pair named {@code name}.
	 * @param name the name
	 */
	public void delete(String name) {
		delete(name, null);
	}

	/**
	 * Remove every pair named {@code name} whose value is {@code value}, or every pair named {@code name} if
	 * {@code value} is {@code null}.
	 * @param name the name
	 * @param value the value, or {@code null} for any
	 */
	public void delete(String name, @Nullable String value) {
		String key = usv(name, "name");
		String match = (value != null) ? UsvStrings.toUsvString(value) : null;
		this.list.removeIf((pair) -> pair.getKey().equals(key) && (match == null || pair.getValue().equals(match)));
	}

	/**
	 * Return the value of the first pair named {@code name}.
	 * @param name the name
	 * @return the value, or {@code null} if there is no such pair
	 */
	public @Nullable String get(String name) {
		String key = usv(name, "name");
		for (Map.Entry<String, String> pair : this.list) {
			if (pair.getKey().equals(key)) {
				return pair.getValue();
			}
		}
		return null;
	}

	/**
	 * Return the values of the pairs named {@code name}, in order.
	 * @param name the name
	 * @return an immutable list, empty if there is no such pair
	 */
	public List<String> getAll(String name) {
		String key = usv(name, "name");
		return this.list.stream().filter((pair) -> pair.getKey().equals(key)).map(Map.Entry::getValue).toList();
	}

	/**
	 * Return whether there is a pair named {@code name}.
	 * @param name the name
	 * @return {@code true} if there is at least one
	 */
	public boolean has(String name) {
		return has(name, null);
	}

	/**
	 * Return whether there is a pair named {@code name} whose value is {@code value}, or any pair named
	 * {@code name} if {@code value} is {@code null}.
	 * @param name the name
	 * @param value the value, or {@code null} for any
	 * @return {@code true} if there is at least one
	 */
	public boolean has(String name, @Nullable String value) {
		String key = usv(name, "name");
		String match = (value != null) ? UsvStrings.toUsvString(value) : null;
		for (Map.Entry<String, String> pair : this.list) {
			if (pair.getKey().equals(key) && (match == null || pair.getValue().equals(match))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Set the value of the first pair named {@code name} and remove the other pairs with that name, or append a
	 * pair if there is none.
	 * @param name the name
	 * @param value the value
	 */
	public void set(String name, String value) {
		Map.Entry<String, String> pair = Map.entry(usv(name, "name"), usv(value, "value"));
		String key = pair.getKey();
		int first = -1;
		for (int i = 0; i < this.list.size(); i++) {
			if (this.list.get(i).getKey().equals(key)) {
				first = i;
				break;
			}
		}
		if (first < 0) {
			this.list.add(pair);
			return;
		}
		this.list.set(first, pair);
		for (int i = this.list.size() - 1; i > first; i--) {
			if (this.list.get(i).getKey().equals(key)) {
				this.list.remove(i);
			}
		}
	}

	/**
	 * Sort the pairs by name, comparing UTF-16 code units (not code points), keeping the relative order of pairs
	 * with the same name.
	 */
	public void sort() {
		// List.sort is a stable merge sort and String.compareTo compares code units, as URL §6 sort() asks.
		this.list.sort(Map.Entry.comparingByKey());
	}

	/**
	 * Return the pairs, in order.
	 * @return an immutable snapshot: later changes to this list do not show in it
	 */
	public List<Map.Entry<String, String>> entries() {
		return List.copyOf(this.list);
	}

	/**
	 * Return the names, in order, once per pair.
	 * @return an immutable snapshot
	 */
	public List<String> keys() {
		return this.list.stream().map(Map.Entry::getKey).toList();
	}

	/**
	 * Return the values, in order.
	 * @return an immutable snapshot
	 */
	public List<String> values() {
		return this.list.stream().map(Map.Entry::getValue).toList();
	}

	/**
	 * Call {@code action} with the name and value of each pair, in order. Like WebIDL's iterable, the iteration is
	 * live: pairs that {@code action} removes or appends are skipped or visited.
	 * @param action the callback, receiving the name and the value
	 */
	public void forEach(BiConsumer<String, String> action) {
		Objects.requireNonNull(action, "'action' must not be null");
		// WebIDL "default iterator object": an index into the live list, not a snapshot.
		for (int i = 0; i < this.list.size(); i++) {
			Map.Entry<String, String> pair = this.list.get(i);
			action.accept(pair.getKey(), pair.getValue());
		}
	}

	/**
	 * Serialize the pairs as {@code application/x-www-form-urlencoded} (URL §6 stringifier).
	 * @return for example {@code "a=b+c&d=%C3%A9"}, the empty string for no pairs
	 */
	@Override
	public String toString() {
		return FormUrlEncoding.serialize(this.list);
	}

	private static String usv(String value, String what) {
		Objects.requireNonNull(value, () -> "'" + what + "' must not be null");
		return UsvStrings.toUsvString(value);
	}

}
