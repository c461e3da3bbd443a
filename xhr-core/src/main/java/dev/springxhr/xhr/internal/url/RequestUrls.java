package dev.springxhr.xhr.internal.url;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.http.HttpTokens;

/**
 * Parses the URL argument of {@code open()} relative to the factory's base URL, and serializes request URLs.
 *
 * <p>{@link URI} is stricter than the URL Standard's parser: the input is first prepared as the URL parser would
 * ({@link UrlInput}), then resolved, and its host, port and path canonicalized as a browser sends them.
 *
 * @see <a href="https://url.spec.whatwg.org/#concept-basic-url-parser">URL Standard: basic URL parser</a>
 */
public final class RequestUrls {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private RequestUrls() {
	}

	/**
	 * XHR §3.2 open() step 5: parse {@code url} relative to {@code base}.
	 * @throws UrlSyntaxException (open()'s SyntaxError) if the URL cannot be parsed, or is relative without a base
	 */
	public static URI parse(String url, @Nullable URI base) {
		String prepared = UrlInput.prepare(url);
		URI parsed;
		try {
			parsed = new URI(prepared);
		}
		catch (URISyntaxException ex) {
			throw syntaxError(url, ex.getReason());
		}
		if (!parsed.isAbsolute()) {
			if (base == null) {
				throw syntaxError(url, "it is relative and the XhrFactory has no base URL or origin");
			}
			parsed = resolve(base, parsed);
		}
		return normalize(parsed, url);
	}

	/** The URL serializer with the exclude-fragment flag, as {@code responseURL} uses it. */
	public static String serializeWithoutFragment(URI url) {
		// Not getRawSchemeSpecificPart(): for a URI made by resolve() the JDK rebuilds it from decoded parts.
		String serialized = url.toString();
		int hash = serialized.indexOf('#');
		return (hash >= 0) ? serialized.substring(0, hash) : serialized;
	}

	/** The URL a request goes to: no fragment (never sent) and no userinfo (sent as authorization, if at all). */
	public static URI requestTarget(URI url) {
		if (url.getRawFragment() == null && url.getRawUserInfo() == null) {
			return url;
		}
		if (url.isOpaque()) {
			// data: and the like: everything but the fragment.
			return URI.create(url.getScheme() + ":" + url.getRawSchemeSpecificPart());
		}
		StringBuilder target = new StringBuilder(url.getScheme()).append("://");
		String host = url.getRawAuthority();
		if (url.getRawUserInfo() != null && host != null) {
			host = host.substring(host.indexOf('@') + 1);
		}
		target.append(host != null ? host : "");
		if (url.getRawPath() != null) {
			target.append(url.getRawPath());
		}
		if (url.getRawQuery() != null) {
			target.append('?').append(url.getRawQuery());
		}
		return URI.create(target.toString());
	}

	/** The URL without its fragment, which Fetch never sends and responseURL never shows. */
	public static URI withoutFragment(URI url) {
		return (url.getRawFragment() == null) ? url : URI.create(serializeWithoutFragment(url));
	}

	/** XHR §3.2 open() step 7: set the URL's username and password (percent-encoded with the userinfo set). */
	public static URI withCredentials(URI url, @Nullable String username, @Nullable String password) {
		if (url.getRawAuthority() == null || (username == null && password == null)) {
			return url;
		}
		String existing = url.getRawUserInfo();
		String currentUser = "";
		String currentPassword = "";
		if (existing != null) {
			int colon = existing.indexOf(':');
			currentUser = (colon >= 0) ? existing.substring(0, colon) : existing;
			currentPassword = (colon >= 0) ? existing.substring(colon + 1) : "";
		}
		String user = (username != null) ? encodeUserinfo(username) : currentUser;
		String pass = (password != null) ? encodeUserinfo(password) : currentPassword;
		String userinfo = pass.isEmpty() ? user : user + ":" + pass;
		StringBuilder result = new StringBuilder(url.getScheme()).append("://");
		if (!userinfo.isEmpty()) {
			result.append(userinfo).append('@');
		}
		String authority = url.getRawAuthority();
		result.append(authority.substring(authority.indexOf('@') + 1));
		if (url.getRawPath() != null) {
			result.append(url.getRawPath());
		}
		if (url.getRawQuery() != null) {
			result.append('?').append(url.getRawQuery());
		}
		if (url.getRawFragment() != null) {
			result.append('#').append(url.getRawFragment());
		}
		return URI.create(result.toString());
	}

	private static URI resolve(URI base, URI relative) {
		String baseWithoutFragment = serializeWithoutFragment(base);
		String input = relative.toString();
		// RFC 2396 (URI.resolve) and the URL Standard differ for these: the URL Standard keeps the base's path.
		if (input.isEmpty()) {
			return URI.create(baseWithoutFragment);
		}
		if (input.startsWith("#")) {
			return URI.create(baseWithoutFragment + input);
		}
		if (input.startsWith("?")) {
			int query = baseWithoutFragment.indexOf('?');
			return URI.create(((query >= 0) ? baseWithoutFragment.substring(0, query) : baseWithoutFragment) + input);
		}
		// URI.resolve("http://host", "x") gives "http://hostx"; the URL Standard's base path is "/".
		if (base.getRawPath() == null || base.getRawPath().isEmpty()) {
			base = URI.create(baseWithoutFragment + "/");
		}
		// Parse the result again, so that its raw components come from one string.
		return URI.create(base.resolve(relative).toString());
	}

	/**
	 * The URL Standard's authority of a special URL, which {@link URI} does not canonicalize: the host through the
	 * host parser ({@link UrlHosts}: lower case, punycode, IPv4 numbers and IPv6 in their one spelling), the port
	 * as a number up to 65535 and none when it is the scheme's default.
	 * @return the canonical authority, the same string when it already is
	 */
	private static String canonicalAuthority(String scheme, String authority, String input) {
		int at = authority.lastIndexOf('@');
		String hostAndPort = authority.substring(at + 1);
		String host = hostAndPort;
		String port = null;
		int portStart;
		if (hostAndPort.startsWith("[")) {
			int close = hostAndPort.indexOf(']');
			portStart = (close < 0) ? -1 : close + 1;
			if (portStart > 0 && portStart < hostAndPort.length()) {
				if (hostAndPort.charAt(portStart) != ':') {
					throw syntaxError(input, "unexpected characters after the IPv6 address");
				}
				host = hostAndPort.substring(0, portStart);
				port = hostAndPort.substring(portStart + 1);
			}
		}
		else {
			int colon = hostAndPort.indexOf(':');
			if (colon >= 0) {
				host = hostAndPort.substring(0, colon);
				port = hostAndPort.substring(colon + 1);
			}
		}
		if (host.isEmpty()) {
			throw syntaxError(input, "an http(s) URL needs a host");
		}
		String canonicalHost;
		try {
			canonicalHost = UrlHosts.parse(host);
		}
		catch (IllegalArgumentException ex) {
			throw syntaxError(input, Objects.toString(ex.getMessage(), "the host cannot be parsed"));
		}
		String canonicalPort = null;
		if (port != null && !port.isEmpty()) {
			if (!port.chars().allMatch((c) -> c >= '0' && c <= '9')) {
				throw syntaxError(input, "the port must be a number from 0 to 65535");
			}
			int firstNonZero = 0;
			while (firstNonZero < port.length() - 1 && port.charAt(firstNonZero) == '0') {
				firstNonZero++;
			}
			String digits = port.substring(firstNonZero);
			if (digits.length() > 5 || Integer.parseInt(digits) > 65535) {
				throw syntaxError(input, "the port must be a number from 0 to 65535");
			}
			canonicalPort = (Integer.parseInt(digits) == defaultPort(scheme)) ? null : digits;
		}
		if (canonicalHost.equals(host) && Objects.equals(canonicalPort, port)) {
			return authority;
		}
		String userinfo = (at >= 0) ? authority.substring(0, at + 1) : "";
		return userinfo + canonicalHost + ((canonicalPort != null) ? ":" + canonicalPort : "");
	}

	/**
	 * The URL Standard's path state for a special URL: {@code .} and {@code ..} segments — also spelled
	 * {@code %2e}, in either case — are removed, a {@code ..} above the root stays at the root, and a final
	 * {@code .} or {@code ..} leaves a trailing {@code /}. {@link URI#resolve} removes them only when it merges a
	 * relative path, {@link URI#normalize} never decodes {@code %2e}; a browser never sends a dot segment.
	 */
	static String removeDotSegments(String rawPath) {
		if (!mayHaveDotSegment(rawPath)) {
			return rawPath; // the common case, /index.html included: nothing to split
		}
		String[] segments = rawPath.split("/", -1);
		// A path of a special URL starts with '/': segments[0] is empty.
		List<String> output = new ArrayList<>(segments.length);
		boolean changed = false;
		for (int i = 1; i < segments.length; i++) {
			String segment = segments[i];
			boolean last = i == segments.length - 1;
			if (isDoubleDotSegment(segment)) {
				changed = true;
				if (!output.isEmpty()) {
					output.remove(output.size() - 1);
				}
				if (last) {
					output.add("");
				}
			}
			else if (isSingleDotSegment(segment)) {
				changed = true;
				if (last) {
					output.add("");
				}
			}
			else {
				output.add(segment);
			}
		}
		return changed ? "/" + String.join("/", output) : rawPath;
	}

	/** Whether a segment starts with '.' or '%' (a dot segment is ".", "..", or one of them with %2e). */
	private static boolean mayHaveDotSegment(String rawPath) {
		for (int slash = rawPath.indexOf('/'); slash >= 0 && slash + 1 < rawPath.length();
				slash = rawPath.indexOf('/', slash + 1)) {
			char next = rawPath.charAt(slash + 1);
			if (next == '.' || next == '%') {
				return true;
			}
		}
		return false;
	}

	private static boolean isSingleDotSegment(String segment) {
		return segment.equals(".") || segment.equalsIgnoreCase("%2e");
	}

	private static boolean isDoubleDotSegment(String segment) {
		return segment.equals("..") || segment.equalsIgnoreCase(".%2e") || segment.equalsIgnoreCase("%2e.")
				|| segment.equalsIgnoreCase("%2e%2e");
	}

	/** URL Standard "special scheme" and its default port; -1 for a scheme that is not special (or file). */
	private static int defaultPort(String scheme) {
		return switch (scheme) {
			case "http", "ws" -> 80;
			case "https", "wss" -> 443;
			case "ftp" -> 21;
			default -> -1;
		};
	}

	private static URI normalize(URI url, String input) {
		String scheme = HttpTokens.toAsciiLowerCase(url.getScheme());
		boolean special = defaultPort(scheme) >= 0 && !url.isOpaque();
		String authority = url.getRawAuthority();
		String canonical = authority;
		if (special) {
			if (authority == null || authority.isEmpty()) {
				throw syntaxError(input, "an http(s) URL needs a host");
			}
			canonical = canonicalAuthority(scheme, authority, input);
		}
		String path = special ? removeDotSegments(url.getRawPath()) : url.getRawPath();
		boolean emptyPath = special && path.isEmpty();
		if (scheme.equals(url.getScheme()) && !emptyPath && (canonical == null || canonical.equals(authority))
				&& (path == null || path.equals(url.getRawPath()))) {
			return url;
		}
		if (!special) {
			String serialized = url.toString();
			return URI.create(scheme + ":" + serialized.substring(serialized.indexOf(':') + 1));
		}
		// "http://host?q" has the path "/".
		StringBuilder result = new StringBuilder(scheme).append("://").append(canonical);
		result.append(emptyPath ? "/" : path);
		if (url.getRawQuery() != null) {
			result.append('?').append(url.getRawQuery());
		}
		if (url.getRawFragment() != null) {
			result.append('#').append(url.getRawFragment());
		}
		try {
			return new URI(result.toString());
		}
		catch (URISyntaxException ex) {
			throw syntaxError(input, ex.getReason());
		}
	}

	private static String encodeUserinfo(String value) {
		StringBuilder result = new StringBuilder(value.length());
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~!$&'()*+,;=".indexOf(c) >= 0) {
				result.append(c);
			}
			else {
				result.append('%').append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
			}
		}
		return result.toString();
	}

	private static UrlSyntaxException syntaxError(String url, String reason) {
		return new UrlSyntaxException("open() could not parse the URL '" + withoutUserinfo(url) + "': " + reason);
	}

	/** The input with any {@code user:password@} replaced by {@code ***@}: exception messages end up in logs. */
	static String withoutUserinfo(String url) {
		int start = url.indexOf("//");
		if (start < 0) {
			return url;
		}
		start += 2;
		int end = start;
		while (end < url.length() && "/?#\\".indexOf(url.charAt(end)) < 0) {
			end++;
		}
		int at = url.lastIndexOf('@', end - 1);
		return (at >= start) ? url.substring(0, start) + "***" + url.substring(at) : url;
	}

	/**
	 * Whether a URL is one that HTTP fetch takes (http or https).
	 * @param target the URL
	 * @return whether its scheme is http or https
	 */
	public static boolean isHttp(URI target) {
		String scheme = target.getScheme();
		return "http".equals(scheme) || "https".equals(scheme);
	}

}
