package dev.springxhr.xhr.internal.url;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Parses the URL argument of {@code open()} and redirect locations relative to their base with the URL Standard's
 * parser ({@link UrlParser}), and serializes request URLs. The result is a {@link URI}, the type the rest of the
 * engine and {@code WebClient} take ({@link UriHandOff}); a URL already in its serialized form takes a short cut
 * ({@link CanonicalUrls}).
 *
 * @see <a href="https://url.spec.whatwg.org/#concept-basic-url-parser">URL Standard: basic URL parser</a>
 */
public final class RequestUrls {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private RequestUrls() {
	}

	/**
	 * XHR §3.2 open() step 5: parse {@code url} relative to {@code base} with the URL Standard's parser
	 * ({@link UrlParser}); the record becomes a {@link URI} only for the rest of the engine and the transport.
	 * @throws UrlSyntaxException (open()'s SyntaxError) if the URL cannot be parsed, or is relative without a base
	 */
	public static URI parse(String url, @Nullable URI base) {
		URI canonical = CanonicalUrls.ifCanonical(url);
		if (canonical != null) {
			return canonical;
		}
		UrlRecord parsed;
		try {
			parsed = UrlParser.parse(url, (base != null) ? baseRecord(base) : null);
		}
		catch (UrlSyntaxException ex) {
			throw syntaxError(url, (base == null && ex.getMessage().startsWith("it is relative"))
					? "it is relative and the XhrFactory has no base URL or origin" : ex.getMessage());
		}
		try {
			return UriHandOff.toUri(parsed);
		}
		catch (URISyntaxException ex) {
			throw syntaxError(url, ex.getReason());
		}
	}

	/** The base as a URL record; the factory's base is the same for every open(), so the last one is kept. */
	private static UrlRecord baseRecord(URI base) {
		ParsedBase last = lastBase;
		if (last != null && last.uri().equals(base)) {
			return last.record();
		}
		UrlRecord record = UrlParser.parse(base.toString(), null);
		lastBase = new ParsedBase(base, record);
		return record;
	}

	private static volatile @Nullable ParsedBase lastBase;

	private record ParsedBase(URI uri, UrlRecord record) {
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
