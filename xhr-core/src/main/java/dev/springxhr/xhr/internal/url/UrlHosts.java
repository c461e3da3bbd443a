package dev.springxhr.xhr.internal.url;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.http.HttpTokens;

/**
 * The URL Standard's host parser and serializer for special URLs ({@code http}, {@code https}, {@code ws},
 * {@code wss}, {@code ftp}): the one spelling of a host that the request, {@code responseURL}, the origin, the
 * cookie jar and the network-access policy all see. A browser turns {@code 0x7f.1}, {@code 127.1},
 * {@code 2130706433} and {@code %31%32%37.0.0.1} into {@code 127.0.0.1}, {@code LOCALHOST} into
 * {@code localhost}, and {@code [::ffff:127.0.0.1]} into {@code [::ffff:7f00:1]} before anything is sent (checked
 * in Chromium: {@code oracle/url-hosts-golden.json}); so does this.
 *
 * @see <a href="https://url.spec.whatwg.org/#host-parsing">URL Standard: host parsing</a>
 */
public final class UrlHosts {

	/** Forbidden host code points besides U+0000, tab and newlines (URL Standard §3.2). */
	private static final String FORBIDDEN_HOST = " #/:<>?@[\\]^|";

	/** Forbidden domain code points besides C0 controls, U+0020, U+007F (URL Standard §3.2). */
	private static final String FORBIDDEN_DOMAIN = "#%/:<>?@[\\]^|";

	private UrlHosts() {
	}

	/**
	 * The host of a URL the engine made, as its record serializes it: {@link URI#getHost()}, or, where {@code URI}
	 * takes the authority for a "registry" one and has no host (a host with {@code _}, or one that ends in dots,
	 * which the URL Standard accepts), the host part of the raw authority. Never {@code null} for an http(s) URL,
	 * so that a check of the host is never skipped.
	 * @param url the URL
	 * @return the host, an IPv6 address in brackets, or {@code null} when the URL has no authority
	 */
	public static @Nullable String hostOf(URI url) {
		String host = url.getHost();
		if (host != null) {
			return host;
		}
		String authority = url.getRawAuthority();
		if (authority == null) {
			return null;
		}
		String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
		int end = hostAndPort.startsWith("[") ? hostAndPort.indexOf(']') + 1 : hostAndPort.lastIndexOf(':');
		return (end > 0) ? hostAndPort.substring(0, end) : hostAndPort;
	}

	/**
	 * The host parser (not opaque), given the host as it appears in the URL, percent-encoded.
	 * @param input the host, an IPv6 address in brackets
	 * @return the serialized host
	 * @throws IllegalArgumentException saying why it is not a host (the caller makes it a SyntaxError)
	 */
	public static String parse(String input) {
		if (input.startsWith("[")) {
			if (!input.endsWith("]")) {
				throw new IllegalArgumentException("the IPv6 address has no closing ']'");
			}
			return "[" + serializeIpv6(IpLiterals.parseIpv6(input.substring(1, input.length() - 1))) + "]";
		}
		if (isCanonicalDomain(input) || IpLiterals.isIpv4(input, IpLiteralSyntax.URL)) {
			// The common cases, already in their one spelling (dotted decimal as the IPv4 serializer writes it):
			// nothing to allocate.
			return input;
		}
		String domain = (input.indexOf('%') >= 0) ? PercentEncoding.decodeToString(input) : input;
		String ascii = domainToAscii(domain);
		for (int i = 0; i < ascii.length(); i++) {
			char c = ascii.charAt(i);
			if (c <= 0x20 || c == 0x7F || FORBIDDEN_DOMAIN.indexOf(c) >= 0) {
				throw new IllegalArgumentException("the host contains the forbidden character U+"
						+ String.format("%04X", (int) c));
			}
		}
		if (IpLiterals.endsInANumber(ascii)) {
			return serializeIpv4(IpLiterals.parseIpv4(ascii));
		}
		return ascii;
	}

	/**
	 * Lower-case letters, digits, '-' and '.', no Punycode label, and a last label that does not start with a digit.
	 */
	static boolean isCanonicalDomain(String host) {
		if (host.isEmpty() || host.contains("xn--")) {
			// A Punycode label must be checked by UTS #46 ("xn--a" is no host).
			return false;
		}
		int lastLabel = 0;
		for (int i = 0; i < host.length(); i++) {
			char c = host.charAt(i);
			if (c == '.') {
				lastLabel = i + 1;
			}
			else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
				return false;
			}
		}
		return lastLabel < host.length() && !(host.charAt(lastLabel) >= '0' && host.charAt(lastLabel) <= '9');
	}

	/**
	 * URL Standard "domain to ASCII" with beStrict false: ASCII lower-casing for an ASCII domain without an
	 * {@code xn--} label, else UTS #46 ({@link DomainToAscii}).
	 */
	private static String domainToAscii(String domain) {
		String result = toAscii(domain);
		if (result.isEmpty()) {
			throw new IllegalArgumentException("an http(s) URL needs a host");
		}
		return result;
	}

	/**
	 * A domain as the URL Standard's "domain to ASCII" makes it (UTS #46 for a non-ASCII domain or a Punycode
	 * label, else ASCII lower-casing), for callers outside the URL parser such as the public suffix list.
	 * @return the ASCII domain, or {@code null} when UTS #46 fails on it
	 */
	public static @Nullable String toAsciiOrNull(String domain) {
		try {
			return toAscii(domain);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String toAscii(String domain) {
		return DomainToAscii.needsUts46(domain) ? DomainToAscii.uts46(domain) : HttpTokens.toAsciiLowerCase(domain);
	}

	/**
	 * URL Standard "opaque-host parser", for URLs that are not special: any code point but the forbidden host code
	 * points, percent-encoded with the C0 control set.
	 * @throws IllegalArgumentException naming the forbidden code point
	 */
	public static String parseOpaque(String input) {
		for (int i = 0; i < input.length(); i++) {
			char c = input.charAt(i);
			if (c == 0 || c == '\t' || c == '\n' || c == '\r' || FORBIDDEN_HOST.indexOf(c) >= 0) {
				throw new IllegalArgumentException("the host contains the forbidden character U+"
						+ String.format("%04X", (int) c));
			}
		}
		return PercentEncodeSet.C0_CONTROL.encode(input);
	}

	/** URL Standard "IPv4 serializer": dotted decimal. */
	private static String serializeIpv4(long address) {
		return ((address >> 24) & 0xFF) + "." + ((address >> 16) & 0xFF) + "." + ((address >> 8) & 0xFF) + "."
				+ (address & 0xFF);
	}

	/** URL Standard "IPv6 serializer": lower-case hex, the first longest run of two or more zeros as "::". */
	static String serializeIpv6(int[] address) {
		int compress = -1;
		int longest = 1;
		for (int i = 0; i < 8;) {
			if (address[i] != 0) {
				i++;
				continue;
			}
			int run = 0;
			while (i + run < 8 && address[i + run] == 0) {
				run++;
			}
			if (run > longest) {
				longest = run;
				compress = i;
			}
			i += run;
		}
		StringBuilder output = new StringBuilder(39);
		boolean ignore0 = false;
		for (int i = 0; i < 8; i++) {
			if (ignore0 && address[i] == 0) {
				continue;
			}
			ignore0 = false;
			if (compress == i) {
				output.append((i == 0) ? "::" : ":");
				ignore0 = true;
				continue;
			}
			output.append(Integer.toHexString(address[i]));
			if (i != 7) {
				output.append(':');
			}
		}
		return output.toString();
	}

}
