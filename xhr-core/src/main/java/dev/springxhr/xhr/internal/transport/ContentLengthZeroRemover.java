package dev.springxhr.xhr.internal.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.netty.Connection;

/**
 * Removes the {@code Content-Length: 0} Reactor Netty adds to a body-less request of any method but GET, HEAD and
 * DELETE. Fetch sends it for POST and PUT only (HTTP-network-or-cache fetch step 8.9: "If httpRequest's body is null
 * and httpRequest's method is `POST` or `PUT`, then set contentLengthHeaderValue to `0`"), so OPTIONS, PATCH and
 * other methods without a body must reach the server without it, as from a browser.
 */
@ChannelHandler.Sharable
public final class ContentLengthZeroRemover extends ChannelOutboundHandlerAdapter {

	private static final String NAME = "xhr.contentLengthZeroRemover";

	private static final ContentLengthZeroRemover INSTANCE = new ContentLengthZeroRemover();

	private ContentLengthZeroRemover() {
	}

	/** Install on the connection of a body-less request whose method Fetch sends without Content-Length. */
	static void installIfNeeded(Object nativeRequest, OutgoingRequest request) {
		String method = request.method();
		if (request.body() != null || method.equals("POST") || method.equals("PUT") || method.equals("GET")
				|| method.equals("HEAD") || method.equals("DELETE")) {
			return;
		}
		// Reactor Netty's request is its connection; the handler is removed when the exchange terminates.
		if (nativeRequest instanceof Connection connection) {
			connection.addHandlerLast(NAME, INSTANCE);
		}
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
		if (msg instanceof FullHttpRequest request && request.content().readableBytes() == 0) {
			request.headers().remove(HttpHeaderNames.CONTENT_LENGTH);
		}
		super.write(ctx, msg, promise);
	}

}
