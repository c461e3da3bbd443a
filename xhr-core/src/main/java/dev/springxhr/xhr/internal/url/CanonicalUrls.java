package dev.springxhr.xhr.internal.url;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * The common case of {@code open()}'s URL without the parser's work: an absolute {@code http}/{@code https} URL that
 * is already in the URL Standard's serialization — lower-case scheme, a canonical host (lower-case domain without a
 * Punycode label, or dotted-decimal IPv4), a port without leading zeros that is not the default, a path of
 * characters the standard leaves as they are without dot segments or {@code %}, a query of such characters (no
 * {@code '}), no credentials and no fragment. Parsing such a URL gives it back unchanged, so it becomes the
 * {@link URI} directly; anything else goes through {@link UrlParser}. {@code CanonicalUrlsTests} checks that both
 * ways agree on every absolute URL of the web-platform-tests URL data.
 */
final class CanonicalUrls {

	private CanonicalUrls() {
	}

	/** The URL as a {@link URI} if it is in canonical form already, else {@code null}. */
	static @Nullable URI ifCanonical(String url) {
		int authorityStart;
		int defaultPort;
		if (url.startsWith("http://")) {
			authorityStart = 7;
			defaultPort = 80;
		}
		else if (url.startsWith("https://")) {
			authorityStart = 8;
			defaultPort = 443;
		}
		else {
			return null;
		}
		int pathStart = url.indexOf('/', authorityStart);
		if (pathStart < 0) {
			return null; // no path: the serialization adds "/"
		}
		if (!isCanonicalAuthority(url, authorityStart, pathStart, defaultPort)) {
			return null;
		}
		boolean query = false;
		int segmentStart = pathStart + 1;
		for (int i = pathStart + 1; i <= url.length(); i++) {
			char c = (i < url.length()) ? url.charAt(i) : '/';
			if (!query && (c == '/' || c == '?')) {
				if (isDotSegment(url, segmentStart, i)) {
					return null;
				}
				segmentStart = i + 1;
				query = c == '?';
				continue;
			}
			if (!isKeptAsIs(c) || (query && c == '\'')) {
				return null;
			}
		}
		return URI.create(url);
	}

	private static boolean isCanonicalAuthority(String url, int start, int end, int defaultPort) {
		int colon = url.indexOf(':', start);
		int hostEnd = (colon >= 0 && colon < end) ? colon : end;
		String host = url.substring(start, hostEnd);
		if (!UrlHosts.isCanonicalDomain(host) && !IpLiterals.isIpv4(host, IpLiteralSyntax.URL)) {
			return false;
		}
		if (hostEnd == end) {
			return true;
		}
		int portStart = hostEnd + 1;
		int length = end - portStart;
		if (length == 0 || length > 5 || url.charAt(portStart) == '0') {
			return false;
		}
		int port = 0;
		for (int i = portStart; i < end; i++) {
			char c = url.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
			port = port * 10 + (c - '0');
		}
		return port <= 65535 && port != defaultPort;
	}

	/** {@code .} or {@code ..}: the parser would remove them. */
	private static boolean isDotSegment(String url, int start, int end) {
		int length = end - start;
		return (length == 1 && url.charAt(start) == '.')
				|| (length == 2 && url.charAt(start) == '.' && url.charAt(start + 1) == '.');
	}

	/**
	 * ASCII letters, digits and {@code - . _ ~ ! $ & ' ( ) * + , ; = : @ / ?}: what the path and query states keep
	 * and {@link URI} holds. No {@code %} (a {@code %2e} segment or a lone {@code %} needs the parser), no
	 * backslash, no {@code #}.
	 */
	private static boolean isKeptAsIs(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
				|| "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0;
	}

}
