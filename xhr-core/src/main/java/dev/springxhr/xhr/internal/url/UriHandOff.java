package dev.springxhr.xhr.internal.url;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A {@link UrlRecord} as the {@link URI} that the rest of the engine and the transport ({@code WebClient}) take.
 * The URL Standard leaves some characters raw that {@code URI} cannot hold — {@code [ ]} in a path, {@code \ ^ | `
 * { }} in a query or fragment, {@code |} in a path, a {@code %} that starts no escape, a second {@code #}, a space in
 * an opaque path — so they are percent-encoded here, and only here: servers decode both spellings to the same characters (a documented
 * difference: docs/differences-from-a-browser.md). Everything else is the record's serialization.
 */
final class UriHandOff {

	private UriHandOff() {
	}

	static URI toUri(UrlRecord url) throws URISyntaxException {
		// The userinfo is percent-encoded with the userinfo set already, the host is serialized.
		StringBuilder out = url.appendSchemeAndAuthority(new StringBuilder(64));
		// URI takes '[' and ']' in a query and a fragment (RFC 2732), not in a path.
		appendEncoded(url.pathname(), out, true);
		if (url.query() != null) {
			out.append('?');
			appendEncoded(url.query(), out, false);
		}
		if (url.fragment() != null) {
			out.append('#');
			appendEncoded(url.fragment(), out, false);
		}
		return new URI(out.toString());
	}

	private static void appendEncoded(String text, StringBuilder out, boolean brackets) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '%' && !(i + 2 < text.length() && PercentEncoding.hexValue(text.charAt(i + 1)) >= 0
					&& PercentEncoding.hexValue(text.charAt(i + 2)) >= 0)) {
				out.append("%25");
			}
			else if (c >= 0x7F) {
				// The parser's sets encode every code point above U+007E already; this is for safety only.
				int codePoint = text.codePointAt(i);
				PercentEncodeSet.C0_CONTROL.encode(codePoint, out);
				i += Character.charCount(codePoint) - 1;
			}
			else if (c <= 0x20 || "\"#<>\\^`{|}".indexOf(c) >= 0 || (brackets && (c == '[' || c == ']'))) {
				// '#' here is one inside a fragment: URI takes only the first as the delimiter.
				PercentEncodeSet.appendByte(c, out);
			}
			else {
				out.append(c);
			}
		}
	}

}
