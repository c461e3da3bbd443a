package dev.springxhr.xhr.internal.cookie;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.http.HttpTokens;
import dev.springxhr.xhr.internal.url.IpLiteralSyntax;
import dev.springxhr.xhr.internal.url.IpLiterals;
import dev.springxhr.xhr.internal.url.UrlHosts;

/**
 * A request URL as the cookie rules read it: the host cookies are kept for, the path they match, the default-path
 * of a cookie without a Path attribute (RFC 6265bis §5.1.4), and whether the URL is "secure" for the Secure
 * attribute — a secure scheme, or a loopback host as browsers count it.
 */
final class CookieUrls {

	private CookieUrls() {
	}

	/** RFC 6265bis §5.1.4 "default-path": the request path up to, not including, its right-most '/'. */
	static String defaultPath(String uriPath) {
		// Step 1 is the caller's: the URL's path, as the URL Standard serializes it. Step 2.
		if (uriPath.isEmpty() || uriPath.charAt(0) != '/') {
			return "/";
		}
		// Steps 3-4.
		int lastSlash = uriPath.lastIndexOf('/');
		return (lastSlash == 0) ? "/" : uriPath.substring(0, lastSlash);
	}

	/** The path the cookie rules match: the URL's path, or "/" for none (RFC 6265bis §5.8.3 step 1). */
	static String requestPath(URI requestUrl) {
		String path = requestUrl.getRawPath();
		return (path == null || path.isEmpty()) ? "/" : path;
	}

	/** The canonicalized host of a URL cookies are for ({@code http}, {@code https}, {@code ws}, {@code wss}). */
	static @Nullable String cookieHost(URI url) {
		String scheme = url.getScheme();
		String host = UrlHosts.hostOf(url);
		if (scheme == null || host == null || host.isEmpty()) {
			return null;
		}
		scheme = HttpTokens.toAsciiLowerCase(scheme);
		if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("ws") && !scheme.equals("wss")) {
			return null;
		}
		return HttpTokens.toAsciiLowerCase(host);
	}

	/** Whether the URL denotes a "secure" connection: a secure scheme, or a loopback host. */
	static boolean isSecure(URI url, String host) {
		String scheme = HttpTokens.toAsciiLowerCase(String.valueOf(url.getScheme()));
		return scheme.equals("https") || scheme.equals("wss") || isLoopback(host);
	}

	/**
	 * Secure Contexts §3.1 "potentially trustworthy" hosts: {@code localhost} and its subdomains, 127.0.0.0/8 and
	 * ::1.
	 */
	static boolean isLoopback(String host) {
		if (host.equals("localhost") || host.endsWith(".localhost")) {
			return true;
		}
		// The IP address test of the cookie rules (PublicSuffixList.isIpAddress): zero-padded numbers allowed.
		int[] ipv4 = IpLiterals.ipv4Octets(host, IpLiteralSyntax.ZERO_PADDED);
		if (ipv4 != null) {
			return ipv4[0] == 127;
		}
		int[] ipv6 = IpLiterals.ipv6Pieces(IpLiterals.withoutBrackets(host), IpLiteralSyntax.ZERO_PADDED);
		if (ipv6 != null) {
			for (int i = 0; i < 7; i++) {
				if (ipv6[i] != 0) {
					return false;
				}
			}
			return ipv6[7] == 1;
		}
		return false;
	}

}
