package dev.springxhr.xhr.internal.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * The header list of a response as script sees it: in received order, without the forbidden response-header names
 * {@code Set-Cookie} and {@code Set-Cookie2} (Fetch's "basic" filtered response).
 *
 * @see <a href="https://xhr.spec.whatwg.org/#the-getresponseheader()-method">XHR §3.6.4 getResponseHeader()</a>
 * @see <a href="https://xhr.spec.whatwg.org/#the-getallresponseheaders()-method">XHR §3.6.5
 * getAllResponseHeaders()</a>
 */
public final class ResponseHeaders {

	public static final ResponseHeaders EMPTY = new ResponseHeaders(new String[0]);

	/** Alternating names and values, in received order. */
	private final String[] pairs;

	private @Nullable String all;

	private ResponseHeaders(String[] pairs) {
		this.pairs = pairs;
	}

	/** Copy a received header list, dropping the names script must never see. */
	public static ResponseHeaders of(Iterable<? extends Map.Entry<String, String>> received) {
		List<String> pairs = new ArrayList<>(32);
		for (Map.Entry<String, String> header : received) {
			String name = header.getKey();
			if (name.equalsIgnoreCase("set-cookie") || name.equalsIgnoreCase("set-cookie2")) {
				continue;
			}
			String value = header.getValue();
			if (value.indexOf('\0') >= 0) {
				// Fetch: a header value with NUL makes the whole response a network error.
				throw new MalformedResponseException("The response header '" + name + "' contains NUL");
			}
			pairs.add(name);
			pairs.add(value);
		}
		return pairs.isEmpty() ? EMPTY : new ResponseHeaders(pairs.toArray(new String[0]));
	}

	/** Fetch "get": every value of the name, joined with ", ", or {@code null} if there is none. */
	public @Nullable String get(String name) {
		StringBuilder combined = null;
		for (int i = 0; i < this.pairs.length; i += 2) {
			if (this.pairs[i].equalsIgnoreCase(name)) {
				if (combined == null) {
					combined = new StringBuilder(this.pairs[i + 1]);
				}
				else {
					combined.append(", ").append(this.pairs[i + 1]);
				}
			}
		}
		return (combined != null) ? combined.toString() : null;
	}

	/**
	 * A copy with only the headers whose name {@code keepName} accepts, in received order; {@code this} if it keeps
	 * them all.
	 * @param keepName tested with each header's name as received
	 */
	public ResponseHeaders filter(Predicate<String> keepName) {
		List<String> kept = new ArrayList<>(this.pairs.length);
		for (int i = 0; i < this.pairs.length; i += 2) {
			if (keepName.test(this.pairs[i])) {
				kept.add(this.pairs[i]);
				kept.add(this.pairs[i + 1]);
			}
		}
		if (kept.size() == this.pairs.length) {
			return this;
		}
		return kept.isEmpty() ? EMPTY : new ResponseHeaders(kept.toArray(new String[0]));
	}

	/**
	 * XHR getAllResponseHeaders(): "sort and combine" (lower-case names, one line per name, sorted by the
	 * byte-upper-cased name), each line {@code name: value} followed by CRLF.
	 */
	public String serializeAll() {
		String result = this.all;
		if (result == null) {
			result = computeAll();
			this.all = result;
		}
		return result;
	}

	private String computeAll() {
		if (this.pairs.length == 0) {
			return "";
		}
		List<String> names = new ArrayList<>();
		for (int i = 0; i < this.pairs.length; i += 2) {
			String lower = HttpTokens.toAsciiLowerCase(this.pairs[i]);
			if (!names.contains(lower)) {
				names.add(lower);
			}
		}
		String[] sorted = names.toArray(new String[0]);
		// "legacy-uppercased-byte less than": compare the byte-upper-cased names, so '_' sorts after letters.
		Arrays.sort(sorted, Comparator.comparing(HttpTokens::toAsciiUpperCase));
		StringBuilder result = new StringBuilder(this.pairs.length * 16);
		for (String name : sorted) {
			result.append(name).append(": ").append(get(name)).append("\r\n");
		}
		return result.toString();
	}

	/** A response that HTTP parsing accepted but Fetch does not: a network error. */
	static final class MalformedResponseException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		MalformedResponseException(String message) {
			super(message);
		}

	}

}
