package dev.springxhr.xhr.internal.transport;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CleanResponseHeads}: which heads go to Netty's codec as they came (the common case, no copy), and which the
 * rewriter must see first because Netty would parse them otherwise than Chromium.
 */
class CleanResponseHeadsTests {

	@ParameterizedTest
	@ValueSource(strings = { "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\n",
			"HTTP/1.1 204\r\n\r\n", "HTTP/1.0 404 Not Found\r\nX-Ctl: a\u0001b\r\n\r\n",
			"HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n", "HTTP/1.1 200 OK\r\ncontent-length: 3\r\nX-A:\r\n\r\n" })
	void aHeadNettyParsesAsChromiumGoesAsItCame(String head) {
		int status = Integer.parseInt(head.substring(9, 12));
		assertThat(CleanResponseHeads.statusIfClean(bytes(head))).isEqualTo(status);
	}

	@ParameterizedTest
	@ValueSource(strings = { "HTTP/1.1 200 OK\nContent-Length: 2\n\n", "HTTP/1.1 200 OK\r\nX Odd: 1\r\n\r\n",
			"HTTP/1.1 200 OK\r\nX-Sp : 1\r\n\r\n", "HTTP/1.1 200 OK\r\nNo colon\r\n\r\n",
			"HTTP/1.1 200 OK\r\n: empty name\r\n\r\n", "HTTP/1.1 200 OK\r\nX-A: a\r\n folded\r\n\r\n",
			"HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\n",
			"HTTP/1.1 200 OK\r\nContent-Length: 3, 3\r\n\r\n", "HTTP/1.1 200 OK\r\nX-Nul: a\u0000b\r\n\r\n",
			"HTTP/1.1 2x0 OK\r\n\r\n", "HTTP/1.1\r\n\r\n", "HTTP/1.1 200 OK\r\nX-\"q\": 1\r\n\r\n" })
	void aHeadNettyWouldParseOtherwiseIsRewrittenFirst(String head) {
		assertThat(CleanResponseHeads.statusIfClean(bytes(head))).isEqualTo(CleanResponseHeads.NOT_CLEAN);
	}

	private static io.netty.buffer.ByteBuf bytes(String head) {
		return Unpooled.wrappedBuffer(head.getBytes(StandardCharsets.ISO_8859_1));
	}

}
