package dev.springxhr.xhr;

import java.net.InetSocketAddress;
import java.net.URI;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.url.RequestUrl;
import dev.springxhr.xhr.internal.transport.ResponseHead;

/**
 * Firefox's {@code XMLHttpRequest.channel}, on the server: a read-only view of the exchange that produced the
 * response, available from {@code HEADERS_RECEIVED} on ({@link XMLHttpRequest#getChannel()}).
 *
 * @param uri the final URI, after redirects, without fragment
 * @param protocol the negotiated protocol, e.g. {@code HTTP/1.1} or {@code HTTP/2.0}; {@code ""} for a
 * {@code data:} URL or a connector that does not tell
 * @param remoteAddress the address of the server the response came from, or {@code null} if unknown
 */
public record XhrChannel(URI uri, String protocol, @Nullable InetSocketAddress remoteAddress) {

	static @Nullable XhrChannel of(ResponseHead head) {
		RequestUrl url = head.url();
		return (url != null) ? new XhrChannel(url.uri(), head.protocol(), head.remoteAddress()) : null;
	}

}
