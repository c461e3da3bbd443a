package dev.springxhr.xhr.internal.transport;

import io.netty.buffer.ByteBuf;

import dev.springxhr.xhr.internal.http.HttpTokens;

/**
 * The common case of {@link BrowserResponseHeads}: a response head that Netty parses as Chromium does already, so it
 * goes to the codec as it came, with no copy. Clean means: every line ends in CRLF, no NUL, no obs-fold, every
 * header name a token directly followed by its colon, at most one Content-Length and without a list, and a status
 * line with a three-digit code after its first space.
 */
final class CleanResponseHeads {

	/** Not clean: the head is rewritten. */
	static final int NOT_CLEAN = -2;

	private static final String CONTENT_LENGTH = "content-length";

	private CleanResponseHeads() {
	}

	/**
	 * The status code of a complete head (its empty line included) that needs no rewriting.
	 * @return the status code, or {@link #NOT_CLEAN}
	 */
	static int statusIfClean(ByteBuf head) {
		int start = head.readerIndex();
		int end = head.writerIndex();
		int lineStart = start;
		int status = NOT_CLEAN;
		int contentLengths = 0;
		for (int i = start; i < end; i++) {
			byte b = head.getByte(i);
			if (b == 0) {
				return NOT_CLEAN;
			}
			if (b != '\n') {
				continue;
			}
			// A line ends at i; it must end in CRLF.
			if (i == lineStart || head.getByte(i - 1) != '\r') {
				return NOT_CLEAN;
			}
			int lineEnd = i - 1;
			if (lineStart == start) {
				status = statusCode(head, lineStart, lineEnd);
				if (status < 0) {
					return NOT_CLEAN;
				}
			}
			else if (lineEnd > lineStart) {
				int kind = headerLine(head, lineStart, lineEnd);
				if (kind < 0) {
					return NOT_CLEAN;
				}
				contentLengths += kind;
				if (contentLengths > 1) {
					return NOT_CLEAN;
				}
			}
			lineStart = i + 1;
		}
		return status;
	}

	/** The code of {@code HTTP/x.y nnn ...}, or -1. */
	private static int statusCode(ByteBuf head, int start, int end) {
		int space = head.indexOf(start, end, (byte) ' ');
		if (space < 0 || space + 3 >= end) {
			return -1;
		}
		int code = 0;
		for (int i = space + 1; i <= space + 3; i++) {
			byte digit = head.getByte(i);
			if (digit < '0' || digit > '9') {
				return -1;
			}
			code = code * 10 + (digit - '0');
		}
		return code;
	}

	/**
	 * A header line as Netty takes it: -1 when it is not clean, 1 for a Content-Length with one value, else 0.
	 */
	private static int headerLine(ByteBuf head, int start, int end) {
		byte first = head.getByte(start);
		if (first == ' ' || first == '\t') {
			return -1; // obs-fold
		}
		int colon = head.indexOf(start, end, (byte) ':');
		if (colon <= start) {
			return -1;
		}
		for (int i = start; i < colon; i++) {
			if (!HttpTokens.isTokenChar(head.getByte(i) & 0xFF)) {
				return -1;
			}
		}
		if (colon - start != CONTENT_LENGTH.length() || !isContentLength(head, start)) {
			return 0;
		}
		return (head.indexOf(colon, end, (byte) ',') >= 0) ? -1 : 1;
	}

	private static boolean isContentLength(ByteBuf head, int start) {
		for (int i = 0; i < CONTENT_LENGTH.length(); i++) {
			int c = head.getByte(start + i) & 0xFF;
			if (c >= 'A' && c <= 'Z') {
				c += 'a' - 'A';
			}
			if (c != CONTENT_LENGTH.charAt(i)) {
				return false;
			}
		}
		return true;
	}

}
