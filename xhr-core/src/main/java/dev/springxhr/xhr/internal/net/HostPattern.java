package dev.springxhr.xhr.internal.net;

import java.net.InetAddress;
import java.util.Locale;

import dev.springxhr.xhr.internal.url.UrlHosts;

/**
 * A host an {@link NetworkAccessPolicy} allows: an exact host ({@code api.example.org}, {@code 127.0.0.1},
 * {@code [::1]}) or every subdomain of one ({@code *.example.org} matches {@code a.example.org} and
 * {@code a.b.example.org}, not {@code example.org} itself). Hosts compare in ASCII lower case, without a trailing
 * dot, as DNS does.
 */
public final class HostPattern {

	private final String text;

	private final String host;

	private final boolean subdomains;

	private HostPattern(String text, String host, boolean subdomains) {
		this.text = text;
		this.host = host;
		this.subdomains = subdomains;
	}

	/**
	 * Parse a pattern.
	 * @throws IllegalArgumentException if it is empty, or has a {@code *} anywhere but a leading {@code *.}
	 */
	public static HostPattern parse(String pattern) {
		String text = pattern.strip();
		boolean subdomains = text.startsWith("*.");
		String host = normalize(subdomains ? text.substring(2) : text);
		if (host.isEmpty() || host.contains("*") || host.contains("/") || host.contains(" ") || host.contains("@")) {
			throw notAPattern(pattern);
		}
		try {
			// The spelling URLs have after the URL Standard's host parser: 127.1 is 127.0.0.1, Bücher.example is
			// xn--bcher-kva.example.
			host = normalize(UrlHosts.parse(host.contains(":") ? "[" + host + "]" : host));
		}
		catch (IllegalArgumentException ex) {
			throw notAPattern(pattern);
		}
		return new HostPattern(text, host, subdomains);
	}

	private static IllegalArgumentException notAPattern(String pattern) {
		return new IllegalArgumentException("'" + pattern + "' is not a host pattern; use a host such as "
				+ "api.example.org, or *.example.org for its subdomains");
	}

	/** Whether a URL's host matches. */
	public boolean matches(String urlHost) {
		String candidate = normalize(urlHost);
		if (this.subdomains) {
			return candidate.length() > this.host.length() && candidate.endsWith(this.host)
					&& candidate.charAt(candidate.length() - this.host.length() - 1) == '.';
		}
		if (candidate.equals(this.host)) {
			return true;
		}
		// One IPv6 address has many spellings: [::1] is [0:0:0:0:0:0:0:1].
		InetAddress address = IpNetwork.literalAddress(this.host);
		return address != null && address.equals(IpNetwork.literalAddress(candidate));
	}

	/** Lower case, without IPv6 brackets or a trailing dot. */
	static String normalize(String host) {
		String result = host.toLowerCase(Locale.ROOT);
		if (result.startsWith("[") && result.endsWith("]")) {
			result = result.substring(1, result.length() - 1);
		}
		if (result.endsWith(".")) {
			result = result.substring(0, result.length() - 1);
		}
		return result;
	}

	@Override
	public String toString() {
		return this.text;
	}

}
