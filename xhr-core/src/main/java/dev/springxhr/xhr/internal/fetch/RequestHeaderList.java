package dev.springxhr.xhr.internal.fetch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.transport.RequestBody;

/**
 * The header list one hop of a fetch puts on the wire: the author request headers, then what the fetch layer adds —
 * {@code Accept: *}{@code /*} and the factory's User-Agent when the author set none, {@code Content-Length}, and the
 * hop's {@code Origin}, {@code Cookie} and {@code Authorization}.
 *
 * @see <a href="https://fetch.spec.whatwg.org/#http-network-or-cache-fetch">Fetch §4.5 HTTP-network-or-cache
 * fetch</a>
 */
public final class RequestHeaderList {

	private RequestHeaderList() {
	}

	/**
	 * The header list of one hop.
	 * @param authorHeaders the author request headers, alternating names and values
	 * @param userAgent the default User-Agent, or {@code null}
	 * @param fetchHeaders what the fetch adds for this hop (Origin, Cookie, Authorization), alternating
	 */
	static String[] build(String method, String[] authorHeaders, @Nullable RequestBody body, @Nullable String userAgent,
			List<String> fetchHeaders) {
		List<String> pairs = new ArrayList<>(authorHeaders.length + fetchHeaders.size() + 6);
		pairs.addAll(Arrays.asList(authorHeaders));
		if (!contains(authorHeaders, "Accept")) {
			pairs.add("Accept");
			pairs.add("*/*");
		}
		if (userAgent != null && !contains(authorHeaders, "User-Agent")) {
			pairs.add("User-Agent");
			pairs.add(userAgent);
		}
		// Fetch: a null body of POST or PUT is sent with Content-Length 0; other methods without a body send none.
		// A stream of unknown length is sent chunked, without Content-Length.
		if (body != null) {
			if (body.length() >= 0) {
				pairs.add("Content-Length");
				pairs.add(Long.toString(body.length()));
			}
		}
		else if (method.equals("POST") || method.equals("PUT")) {
			pairs.add("Content-Length");
			pairs.add("0");
		}
		pairs.addAll(fetchHeaders);
		return pairs.toArray(new String[0]);
	}

	private static boolean contains(String[] pairs, String name) {
		for (int i = 0; i < pairs.length; i += 2) {
			if (pairs[i].equalsIgnoreCase(name)) {
				return true;
			}
		}
		return false;
	}

}
