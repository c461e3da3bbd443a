package dev.springxhr.xhr.internal.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import reactor.netty.Connection;

/**
 * Writes the request line's target as the URL Standard serializes it where {@code java.net.URI} could not hold it:
 * {@code [ ] |} in a path, {@code ^ ` { } |} in a query, a {@code %} that starts no escape. {@code WebClient} takes
 * a {@code URI}, which has them percent-encoded; Chromium sends them raw (Fetch §4.6 HTTP-network fetch sends the
 * request's URL, serialized), and so does this, byte for byte. Installed only for such a request, so every other one
 * goes through untouched.
 */
final class RequestTargetWriter extends ChannelOutboundHandlerAdapter {

	private static final String NAME = "xhr.requestTargetWriter";

	private final String target;

	private RequestTargetWriter(String target) {
		this.target = target;
	}

	/** Install on the connection of a request whose target differs from its URI's. */
	static void installIfNeeded(Object nativeRequest, OutgoingRequest request) {
		String target = request.url().rawRequestTarget();
		// Reactor Netty's request is its connection; the handler is removed when the exchange terminates.
		if (target != null && nativeRequest instanceof Connection connection) {
			connection.addHandlerLast(NAME, new RequestTargetWriter(target));
		}
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
		if (msg instanceof HttpRequest request && !request.uri().startsWith("/")) {
			// Absolute form, to a proxy: only the path and query are the URL's own.
			super.write(ctx, msg, promise);
			return;
		}
		if (msg instanceof HttpRequest request) {
			request.setUri(this.target);
		}
		super.write(ctx, msg, promise);
	}

}
