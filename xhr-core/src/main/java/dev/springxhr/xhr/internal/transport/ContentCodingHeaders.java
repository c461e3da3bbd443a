package dev.springxhr.xhr.internal.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.AttributeKey;
import org.jspecify.annotations.Nullable;
import reactor.netty.Connection;
import reactor.netty.NettyPipeline;

/**
 * The response headers of a content-coded response as the server sent them. Reactor Netty's decompressor (the
 * connector's {@code compress(true)}, on by default in Spring and Spring Boot) decodes gzip and deflate, and on the
 * way drops {@code Content-Encoding} and {@code Content-Length} and adds {@code Transfer-Encoding: chunked}; a
 * browser decodes too but shows the headers as received. This handler sits before the decompressor and keeps a
 * copy of them for the response head.
 */
@ChannelHandler.Sharable
public final class ContentCodingHeaders extends ChannelInboundHandlerAdapter {

	/** The Accept-Encoding of a browser, without br: Netty decodes Brotli only with a native library. */
	static final String ACCEPT_ENCODING = "gzip, deflate";

	private static final String NAME = "xhr.contentCodingHeaders";

	private static final AttributeKey<HttpHeaders> RECEIVED = AttributeKey.valueOf(NAME);

	private static final ContentCodingHeaders INSTANCE = new ContentCodingHeaders();

	/**
	 * Whether the connection decodes content codings; if so, make sure the received headers are kept.
	 */
	static boolean installIfDecoding(Connection connection) {
		ChannelPipeline pipeline = connection.channel().pipeline();
		if (pipeline.get(NettyPipeline.HttpDecompressor) == null) {
			return false;
		}
		connection.channel().attr(RECEIVED).set(null);
		if (pipeline.get(NAME) == null) {
			pipeline.addBefore(NettyPipeline.HttpDecompressor, NAME, INSTANCE);
		}
		return true;
	}

	/** The headers of the current response as received, if it was content-coded and decoded. */
	static @Nullable HttpHeaders received(Connection connection) {
		return connection.channel().attr(RECEIVED).get();
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof HttpResponse response) {
			HttpHeaders headers = response.headers();
			ctx.channel().attr(RECEIVED).set(headers.contains(HttpHeaderNames.CONTENT_ENCODING) ? headers.copy() : null);
		}
		ctx.fireChannelRead(msg);
	}

}
