package dev.springxhr.xhr.internal.transport;

import java.net.InetSocketAddress;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.url.RequestUrl;

import dev.springxhr.xhr.internal.http.ResponseHeaders;

/**
 * The status line and headers of a response, as the transport received them.
 *
 * @param status the status code
 * @param statusText the reason phrase exactly as sent ({@code ""} for HTTP/2, which has none)
 * @param headers the header list script may see (Set-Cookie removed)
 * @param setCookies the values of the {@code Set-Cookie} headers, for the cookie store only
 * @param protocol the negotiated protocol, e.g. {@code HTTP/1.1}
 * @param remoteAddress the address of the server, if known
 * @param url the URL the response is for (after redirects), or {@code null} before the fetch sets it
 */
public record ResponseHead(int status, String statusText, ResponseHeaders headers, List<String> setCookies,
		String protocol, @Nullable InetSocketAddress remoteAddress, @Nullable RequestUrl url) {

	public ResponseHead(int status, String statusText, ResponseHeaders headers) {
		this(status, statusText, headers, List.of(), "", null, null);
	}

	/** The same response as script sees it after a filter (CORS) of its headers. */
	public ResponseHead withHeaders(ResponseHeaders filtered) {
		return new ResponseHead(this.status, this.statusText, filtered, this.setCookies, this.protocol,
				this.remoteAddress, this.url);
	}

	/** The same response, for the URL it came from. */
	public ResponseHead withUrl(RequestUrl responseUrl) {
		return new ResponseHead(this.status, this.statusText, this.headers, this.setCookies, this.protocol,
				this.remoteAddress, responseUrl);
	}

}
