package dev.springxhr.xhr.internal.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import reactor.netty.Connection;

/**
 * Counts the request body bytes the connection has actually written to the socket: XHR's upload progress is about
 * bytes transmitted, not bytes handed to the HTTP client. Installed per exchange on Reactor Netty connections and
 * removed when the exchange ends.
 *
 * @see <a href="https://xhr.spec.whatwg.org/#the-send()-method">XHR §3.5 send(): processRequestBodyChunkLength and
 * processRequestEndOfBody</a>
 */
public final class UploadProgressRecorder extends ChannelOutboundHandlerAdapter {

	private static final String NAME = "xhr.uploadProgressRecorder";

	private final TransportHandler handler;

	private UploadProgressRecorder(TransportHandler handler) {
		this.handler = handler;
	}

	/**
	 * Install on a Reactor Netty request.
	 * @return whether it was installed (else the caller counts bytes as it hands them over)
	 */
	static boolean install(Object nativeRequest, TransportHandler handler) {
		if (nativeRequest instanceof Connection connection) {
			connection.addHandlerLast(NAME, new UploadProgressRecorder(handler));
			return true;
		}
		return false;
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
		int bytes = 0;
		if (msg instanceof ByteBuf buffer) {
			bytes = buffer.readableBytes();
		}
		else if (msg instanceof ByteBufHolder holder && !(msg instanceof HttpRequest)) {
			bytes = holder.content().readableBytes();
		}
		boolean last = msg instanceof LastHttpContent;
		if (bytes == 0 && !last) {
			super.write(ctx, msg, promise);
			return;
		}
		int written = bytes;
		ChannelPromise observed = promise.unvoid();
		observed.addListener((future) -> {
			if (future.isSuccess()) {
				if (written > 0) {
					this.handler.onRequestBodyChunk(written);
				}
				if (last) {
					this.handler.onRequestBodyEnd();
				}
			}
		});
		super.write(ctx, msg, observed);
	}

}
