package dev.springxhr.xhr.internal.transport;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.url.RequestUrl;

/**
 * What one hop of a fetch puts on the wire: the request itself, a redirect's next request or a CORS preflight.
 *
 * @param method the normalized method
 * @param url the URL without fragment and userinfo
 * @param headers the header list (alternating names and values), author headers combined into single lines
 * @param body the body, or {@code null}
 */
public record OutgoingRequest(String method, RequestUrl url, String[] headers, @Nullable RequestBody body) {

	/** The URL as the {@link URI} the transport takes. */
	public URI target() {
		return this.url.uri();
	}

}
