package dev.springxhr.xhr;

import java.util.Objects;

import reactor.netty.http.client.HttpClient;

import dev.springxhr.xhr.internal.transport.BrowserResponseHeads;

/**
 * A Reactor Netty {@link HttpClient} set up to accept the HTTP/1 responses a browser accepts, where Netty is stricter
 * by default. {@link XhrFactory#ofDefaults()}, {@link XhrFactory#builder()} and the auto-configured
 * {@code XhrClientHttpConnector} use it; a factory built on a {@code WebClient.Builder} of your own gets it from
 * {@code new ReactorClientHttpConnector(BrowserHttpClient.configure(HttpClient.create()))}.
 *
 * <p>As in Chromium (Fetch leaves HTTP/1 parsing to RFC 9112): equal duplicate {@code Content-Length} values are one
 * length (Fetch's "extract a length") and are reported as sent ({@code 3, 3}); response heads may be up to 256 KiB,
 * status line included; header lines without a colon, or whose name is not a token, are dropped; whitespace before a
 * header's colon is dropped; a bare LF ends a line; control characters other than NUL may appear in header values;
 * interim 1xx responses before the final one are ignored (Fetch §4.6 HTTP-network fetch).
 *
 * <p>What Fetch or RFC 9112 make an error stays one: different {@code Content-Length} values, an invalid one, both
 * {@code Transfer-Encoding} and {@code Content-Length}, a NUL in a header line, a head over 256 KiB.
 */
public final class BrowserHttpClient {

	private BrowserHttpClient() {
	}

	/**
	 * Return the client set up to parse responses as a browser does. It sets the client's response decoder options
	 * (replacing any set before) and adds a channel initializer (composed with any set before).
	 * @param httpClient the client
	 * @return the configured client
	 */
	public static HttpClient configure(HttpClient httpClient) {
		Objects.requireNonNull(httpClient, "'httpClient' must not be null");
		return httpClient
			.httpResponseDecoder((decoder) -> decoder.allowDuplicateContentLengths(true)
				// The head rewriter before the codec enforces the 256 KiB limit on the whole head; the codec's own
				// limits only need to let such a head through (a bare LF may have become CRLF).
				.maxInitialLineLength(2 * BrowserResponseHeads.MAX_HEAD_SIZE)
				.maxHeaderSize(2 * BrowserResponseHeads.MAX_HEAD_SIZE)
				// Header values with control characters other than NUL (refused before the codec) are accepted, as
				// in Chromium; Netty's validation would fail the response.
				.validateHeaders(false))
			.doOnChannelInit((observer, channel, remoteAddress) -> BrowserResponseHeads.install(channel.pipeline()));
	}

}
