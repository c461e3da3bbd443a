package dev.springxhr.xhr;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The header list one send() puts on the wire: the author request headers, then what the fetch layer adds —
 * {@code Accept: *}{@code /*} and the factory's User-Agent when the author set none, and {@code Content-Length}.
 *
 * @see <a href="https://fetch.spec.whatwg.org/#http-network-or-cache-fetch">Fetch §4.5 HTTP-network-or-cache
 * fetch</a>
 */
final class RequestHeaderList {

	private RequestHeaderList() {
	}

	static String[] build(String method, AuthorRequestHeaders authorHeaders, @Nullable RequestBody body,
			XhrSettings settings) {
		List<String> pairs = new ArrayList<>(16);
		authorHeaders.forEach((name, value) -> {
			pairs.add(name);
			pairs.add(value);
		});
		if (!authorHeaders.contains("Accept")) {
			pairs.add("Accept");
			pairs.add("*/*");
		}
		if (settings.userAgent() != null && !authorHeaders.contains("User-Agent")) {
			pairs.add("User-Agent");
			pairs.add(settings.userAgent());
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
		return pairs.toArray(new String[0]);
	}

}
