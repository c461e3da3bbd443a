package dev.springxhr.xhr.internal.url;

import java.net.URI;
import java.net.URISyntaxException;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.http.HttpTokens;

/**
 * The origin of a URL: a tuple (scheme, host, port) for the special schemes with a host, else an opaque origin.
 *
 * @see <a href="https://url.spec.whatwg.org/#concept-url-origin">URL Standard: origin of a URL</a>
 * @see <a href="https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin">HTML: ASCII
 * serialization of an origin</a>
 */
public final class Origins {

	/** The serialization of an opaque origin. */
	public static final String OPAQUE = "null";

	private Origins() {
	}

	/**
	 * The ASCII serialization of the origin of {@code url}: {@code scheme://host} plus {@code :port} unless it is
	 * the scheme's default, scheme and host lower-cased, an IPv6 host in brackets; {@code "null"} for an opaque
	 * origin ({@code data:}, {@code file:}, {@code about:} and every other scheme without a tuple origin).
	 */
	public static String serialize(URI url) {
		Tuple origin = tuple(url);
		if (origin == null) {
			return OPAQUE;
		}
		StringBuilder result = new StringBuilder(origin.scheme).append("://").append(origin.host);
		if (origin.port != defaultPort(origin.scheme)) {
			result.append(':').append(origin.port);
		}
		return result.toString();
	}

	/** Whether the origin of {@code url} is opaque. */
	static boolean isOpaque(URI url) {
		return tuple(url) == null;
	}

	/**
	 * HTML "same origin": both tuple origins with the same scheme, host and port (a missing port being the scheme's
	 * default). An opaque origin is the same only as itself, and every URL with one gets a new one, so two URLs
	 * with opaque origins are never same origin.
	 */
	public static boolean sameOrigin(URI a, URI b) {
		Tuple x = tuple(a);
		return x != null && x.equals(tuple(b));
	}

	/**
	 * URL Standard "origin": a tuple for {@code ftp}, {@code http}, {@code https}, {@code ws} and {@code wss}; for
	 * {@code blob:} the origin of the URL it wraps if that is {@code http(s)}; {@code null} (opaque) for the rest.
	 * {@code file:} origins are left to implementations by the URL Standard; they are opaque here.
	 */
	private static @Nullable Tuple tuple(URI url) {
		String scheme = url.getScheme();
		if (scheme == null) {
			return null;
		}
		scheme = HttpTokens.toAsciiLowerCase(scheme);
		if (scheme.equals("blob")) {
			URI inner;
			try {
				inner = new URI(url.getRawSchemeSpecificPart());
			}
			catch (URISyntaxException ex) {
				return null;
			}
			String innerScheme = inner.getScheme();
			String lower = (innerScheme != null) ? HttpTokens.toAsciiLowerCase(innerScheme) : "";
			boolean http = lower.equals("http") || lower.equals("https");
			return http ? tuple(inner) : null;
		}
		if (defaultPort(scheme) < 0 || url.isOpaque()) {
			return null;
		}
		String host = host(url);
		if (host == null || host.isEmpty()) {
			return null;
		}
		int port = url.getPort();
		if (port < 0) {
			port = portFromAuthority(url.getRawAuthority());
		}
		return new Tuple(scheme, host, (port < 0) ? defaultPort(scheme) : port);
	}

	/** The host, serialized by the URL Standard's host parser; an IPv6 address keeps its brackets. */
	private static @Nullable String host(URI url) {
		String host = UrlHosts.hostOf(url);
		if (host == null) {
			return null;
		}
		// The URL Standard's host parser; URLs from open() and redirects are canonical already, a configured origin
		// may not be (http://LOCALHOST:8080, http://127.1:8080).
		try {
			return UrlHosts.parse(host);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static int portFromAuthority(@Nullable String authority) {
		if (authority == null) {
			return -1;
		}
		String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
		int close = hostAndPort.lastIndexOf(']');
		int colon = hostAndPort.indexOf(':', Math.max(close, 0));
		if (colon < 0 || colon == hostAndPort.length() - 1) {
			return -1;
		}
		try {
			return Integer.parseInt(hostAndPort.substring(colon + 1));
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/** URL Standard "default port"; -1 for a scheme without a tuple origin. */
	private static int defaultPort(String scheme) {
		return switch (scheme) {
			case "ftp" -> 21;
			case "http", "ws" -> 80;
			case "https", "wss" -> 443;
			default -> -1;
		};
	}

	private record Tuple(String scheme, String host, int port) {
	}

}
