package dev.springxhr.xhr.internal.transport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.util.ByteProcessor;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;
import reactor.netty.NettyPipeline;

import dev.springxhr.xhr.internal.http.HttpTokens;

/**
 * HTTP/1 response heads read as a browser reads them, where Netty's {@code HttpResponseDecoder} is stricter, on a
 * Reactor Netty connection: two handlers around its HTTP codec.
 *
 * <p>Before the codec, a head Netty already parses as Chromium does goes on as it came, without a copy
 * ({@link CleanResponseHeads}, the common case); any other head's bytes are rewritten into a head Netty parses the
 * same way Chromium does (Fetch
 * leaves the HTTP/1 syntax to RFC 9112; these are the browser's rules, checked by the leniency oracle fixture):
 * <ul>
 * <li>a header line without a colon, with an empty name, or whose name is not a token (a space or a quote in it) is
 * dropped, and so are its obs-fold continuation lines; whitespace between a name and its colon is dropped
 * ({@code X : 1} is {@code X: 1});</li>
 * <li>a bare LF ends a line as CRLF does (RFC 9112 §2.2 lets a recipient accept it);</li>
 * <li>a head may be up to 256 KiB, status line included (Chromium's limit; Netty's defaults are 4 KiB for the status
 * line and 8 KiB for the headers); a larger one, or a NUL anywhere in the header lines, fails the response.</li>
 * </ul>
 *
 * <p>After the codec: an interim response (status 102 to 199; Netty and Reactor Netty handle 100 and 101 already) is
 * dropped, as "any responses whose status is in the range 100 to 199, inclusive, and is not 101, are to be ignored"
 * (Fetch §4.6 HTTP-network fetch); and several equal Content-Length values, which Netty checks and collapses into one,
 * are put back as the server sent them, since browsers report them so ({@code content-length: 3, 3}).
 *
 * <p>Smuggling protections stay Netty's: different Content-Length values, an invalid one, or Transfer-Encoding with
 * Content-Length still fail the response. One request at a time is on a connection (no pipelining), so after a final
 * response's last content the next bytes are the next response's head.
 */
public final class BrowserResponseHeads {

	/** Chromium's limit on a response head ({@code HttpStreamParser}'s 256 KiB header buffer). */
	public static final int MAX_HEAD_SIZE = 256 * 1024;

	static final String HEAD_REWRITER = "xhr.responseHeadRewriter";

	static final String RESPONSE_FILTER = "xhr.interimResponseFilter";

	private BrowserResponseHeads() {
	}

	/**
	 * Install the handlers around the connection's HTTP/1 codec; does nothing on a pipeline without one (HTTP/2) or
	 * with them already.
	 * @param pipeline a Reactor Netty client connection's pipeline
	 */
	public static void install(ChannelPipeline pipeline) {
		if (pipeline.get(NettyPipeline.HttpCodec) == null || pipeline.get(HEAD_REWRITER) != null) {
			return;
		}
		Heads heads = new Heads();
		pipeline.addBefore(NettyPipeline.HttpCodec, HEAD_REWRITER, new HeadRewriter(heads));
		pipeline.addAfter(NettyPipeline.HttpCodec, RESPONSE_FILTER, new ResponseFilter(heads));
	}

	/**
	 * End a read, asking for the next one when a handler kept what it read: Reactor Netty reads on demand (auto-read
	 * off) and asks for more only once it has a message, so whoever swallows a read asks, as ByteToMessageDecoder does.
	 */
	private static void readCompleted(ChannelHandlerContext ctx, boolean keptWhatWasRead) {
		if (keptWhatWasRead && !ctx.channel().config().isAutoRead()) {
			ctx.read();
		}
		ctx.fireChannelReadComplete();
	}

	/** One head given to the codec: its Content-Length values as sent when they must be put back, else null. */
	private record Head(@Nullable List<String> contentLengths) {
	}

	/** The state the two handlers share, on the connection's event loop. */
	private static final class Heads {

		/** Whether the next inbound bytes start a response head (else they are a body, or an upgraded protocol). */
		boolean readingHead = true;

		boolean upgraded;

		final Deque<Head> given = new ArrayDeque<>();

	}

	/** Before the codec: collects each head and passes it on rewritten; passes bodies through untouched. */
	private static final class HeadRewriter extends ChannelDuplexHandler {

		private final Heads heads;

		private @Nullable ByteBuf head;

		private boolean failed;

		/** Whether this read left a head incomplete, so that another read is needed. */
		private boolean headPending;

		HeadRewriter(Heads heads) {
			this.heads = heads;
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
			if (this.failed) {
				ReferenceCountUtil.release(msg);
				return;
			}
			if (!(msg instanceof ByteBuf in)) {
				ctx.fireChannelRead(msg);
				return;
			}
			try {
				while (in.isReadable()) {
					if (!this.heads.readingHead || this.heads.upgraded) {
						ctx.fireChannelRead(in.retain());
						return;
					}
					if (!collectHead(ctx, in)) {
						return;
					}
				}
			}
			finally {
				in.release();
				this.headPending |= this.head != null;
			}
		}

		@Override
		public void channelReadComplete(ChannelHandlerContext ctx) {
			// The rest of an incomplete head must be asked for here.
			readCompleted(ctx, this.headPending);
			this.headPending = false;
		}

		/** Add to the head; give it on once complete. Returns whether to go on with the rest of {@code in}. */
		private boolean collectHead(ChannelHandlerContext ctx, ByteBuf in) {
			ByteBuf collected = this.head;
			if (collected == null) {
				// Netty skips control characters before a status line too (its SKIP_CONTROL_CHARS state).
				while (in.isReadable() && (in.getByte(in.readerIndex()) == '\r' || in.getByte(in.readerIndex()) == '\n')) {
					in.skipBytes(1);
				}
				if (!in.isReadable()) {
					return false;
				}
				collected = ctx.alloc().buffer();
				this.head = collected;
			}
			// A line at a time: the head can only end at a LF.
			int end = -1;
			while (in.isReadable() && end < 0) {
				int lf = in.forEachByte(ByteProcessor.FIND_LF);
				collected.writeBytes(in, (lf < 0) ? in.readableBytes() : lf - in.readerIndex() + 1);
				end = (lf < 0) ? -1 : endOfHead(collected);
			}
			if (end < 0) {
				if (collected.readableBytes() > MAX_HEAD_SIZE) {
					fail(ctx, new TooLongHttpHeaderException("The response head is larger than " + MAX_HEAD_SIZE
							+ " bytes"));
				}
				return false;
			}
			this.head = null;
			int clean = (collected.readableBytes() <= MAX_HEAD_SIZE) ? CleanResponseHeads.statusIfClean(collected)
					: CleanResponseHeads.NOT_CLEAN;
			if (clean != CleanResponseHeads.NOT_CLEAN) {
				// The common case: Netty parses it as Chromium does; it goes on as it came.
				headGiven(clean, null);
				ctx.fireChannelRead(collected);
				return true;
			}
			String text = collected.toString(StandardCharsets.ISO_8859_1);
			collected.release();
			if (text.length() > MAX_HEAD_SIZE) {
				fail(ctx, new TooLongHttpHeaderException("The response head is larger than " + MAX_HEAD_SIZE
						+ " bytes"));
				return false;
			}
			ParsedHead parsed = ParsedHead.parse(text);
			if (parsed == null) {
				fail(ctx, new CorruptedFrameException("A response header line contains a NUL byte"));
				return false;
			}
			headGiven(parsed.status(), parsed.contentLengths());
			ctx.fireChannelRead(Unpooled.wrappedBuffer(parsed.rewritten().getBytes(StandardCharsets.ISO_8859_1)));
			return true;
		}

		/** Set before the head goes on: the codec may end a body-less response while the head is passed. */
		private void headGiven(int status, @Nullable List<String> contentLengths) {
			this.heads.readingHead = status >= 100 && status < 200 && status != 101;
			this.heads.upgraded = status == 101;
			this.heads.given.add(new Head(contentLengths));
		}

		/** The end of the head (past its empty line) when the last byte completed it, else -1. */
		private int endOfHead(ByteBuf collected) {
			int last = collected.writerIndex() - 1;
			if (collected.getByte(last) != '\n') {
				return -1;
			}
			// The line ending here is empty when the LF before it (if any) is directly before, or before a CR.
			int previous = last - 1;
			if (previous >= 0 && collected.getByte(previous) == '\r') {
				previous--;
			}
			return (previous >= 0 && collected.getByte(previous) == '\n') ? last + 1 : -1;
		}

		private void fail(ChannelHandlerContext ctx, Exception cause) {
			this.failed = true;
			releaseHead();
			ctx.fireExceptionCaught(cause);
			ctx.close();
		}

		@Override
		public void channelInactive(ChannelHandlerContext ctx) throws Exception {
			// An unfinished head goes to the codec as it is, which reports the connection closed inside the head.
			ByteBuf collected = this.head;
			this.head = null;
			if (collected != null && !this.failed) {
				ctx.fireChannelRead(collected);
			}
			else if (collected != null) {
				collected.release();
			}
			super.channelInactive(ctx);
		}

		@Override
		public void handlerRemoved(ChannelHandlerContext ctx) {
			releaseHead();
		}

		private void releaseHead() {
			ByteBuf collected = this.head;
			this.head = null;
			if (collected != null) {
				collected.release();
			}
		}

	}

	/** A head as Chromium parses it, written again as Netty parses it the same way. */
	record ParsedHead(int status, String rewritten, @Nullable List<String> contentLengths) {

		/** Parse a complete head (ending with its empty line); null when a header line contains NUL. */
		static @Nullable ParsedHead parse(String head) {
			String[] lines = head.split("\n", -1);
			String statusLine = withoutCr(lines[0]);
			StringBuilder out = new StringBuilder(head.length() + lines.length).append(statusLine).append("\r\n");
			List<String> contentLengths = new ArrayList<>();
			boolean kept = false;
			for (int i = 1; i < lines.length; i++) {
				String line = withoutCr(lines[i]);
				if (line.isEmpty()) {
					break;
				}
				if (line.indexOf('\0') >= 0) {
					return null;
				}
				if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
					// obs-fold (RFC 9112 §5.2): a continuation of the line before, which Netty joins with a space.
					if (kept) {
						out.append(line).append("\r\n");
					}
					continue;
				}
				int colon = line.indexOf(':');
				String name = (colon > 0) ? line.substring(0, colon).stripTrailing() : "";
				kept = !name.isEmpty() && HttpTokens.isToken(name);
				if (kept) {
					String value = line.substring(colon + 1);
					out.append(name).append(':').append(value).append("\r\n");
					if (name.equalsIgnoreCase(HttpHeaderNames.CONTENT_LENGTH.toString())) {
						contentLengths.add(HttpTokens.normalizeHeaderValue(value));
					}
				}
			}
			out.append("\r\n");
			boolean several = contentLengths.size() > 1
					|| (contentLengths.size() == 1 && contentLengths.get(0).indexOf(',') >= 0);
			return new ParsedHead(statusCode(statusLine), out.toString(), several ? List.copyOf(contentLengths) : null);
		}

		private static String withoutCr(String line) {
			return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
		}

		/** The status code of {@code HTTP/x.y nnn ...}, or -1 (the codec then judges the line). */
		private static int statusCode(String statusLine) {
			int space = statusLine.indexOf(' ');
			if (space < 0 || statusLine.length() < space + 4) {
				return -1;
			}
			String code = statusLine.substring(space + 1, space + 4);
			return code.chars().allMatch((c) -> c >= '0' && c <= '9') ? Integer.parseInt(code) : -1;
		}

	}

	/** After the codec: drops interim responses, puts duplicate Content-Length values back, spots each end. */
	private static final class ResponseFilter extends ChannelInboundHandlerAdapter {

		private final Heads heads;

		private boolean droppingInterim;

		/** Whether this read gave Reactor Netty nothing but interim responses, which it would not ask more after. */
		private boolean droppedOnly;

		ResponseFilter(Heads heads) {
			this.heads = heads;
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
			if (msg instanceof HttpResponse response) {
				Head head = this.heads.given.poll();
				int status = response.status().code();
				if (status > 101 && status < 200 && response.decoderResult().isSuccess()) {
					// Fetch §4.6 HTTP-network fetch: interim responses (here 103 Early Hints, 102 Processing, ...)
					// are ignored; Reactor Netty ignores 100 Continue itself.
					this.droppingInterim = !(msg instanceof LastHttpContent);
					this.droppedOnly = true;
					ReferenceCountUtil.release(msg);
					return;
				}
				List<String> contentLengths = (head != null) ? head.contentLengths() : null;
				if (contentLengths != null && response.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
					// Netty checked that they are one length and kept one value; browsers report them as sent.
					response.headers().remove(HttpHeaderNames.CONTENT_LENGTH);
					contentLengths.forEach((value) -> response.headers().add(HttpHeaderNames.CONTENT_LENGTH, value));
				}
			}
			if (msg instanceof LastHttpContent) {
				if (this.droppingInterim) {
					this.droppingInterim = false;
					ReferenceCountUtil.release(msg);
					return;
				}
				if (!this.heads.upgraded) {
					this.heads.readingHead = true;
				}
			}
			this.droppedOnly = false;
			ctx.fireChannelRead(msg);
		}

		@Override
		public void channelReadComplete(ChannelHandlerContext ctx) {
			readCompleted(ctx, this.droppedOnly);
			this.droppedOnly = false;
		}

	}

}
