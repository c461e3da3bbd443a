package dev.springxhr.xhr.internal.url;

import java.net.URI;
import java.net.URISyntaxException;

import org.jspecify.annotations.Nullable;

/**
 * Parses the URL argument of {@code open()} and redirect locations relative to their base with the URL Standard's
 * parser ({@link UrlParser}), and serializes request URLs. The result is a {@link RequestUrl}: the record's
 * serialization, and the {@link URI} the rest of the engine and {@code WebClient} take ({@link UriHandOff}); a URL
 * already in its serialized form takes a short cut ({@link CanonicalUrls}).
 *
 * @see <a href="https://url.spec.whatwg.org/#concept-basic-url-parser">URL Standard: basic URL parser</a>
 */
public final class RequestUrls {

	private RequestUrls() {
	}

	/**
	 * XHR §3.2 open() step 5: parse {@code url} relative to {@code base} with the URL Standard's parser
	 * ({@link UrlParser}).
	 * @throws UrlSyntaxException (open()'s SyntaxError) if the URL cannot be parsed, or is relative without a base
	 */
	public static RequestUrl parse(String url, @Nullable URI base) {
		return parse(url, (base != null) ? base.toString() : null);
	}

	/**
	 * Fetch §4.4 HTTP-redirect fetch step 3: parse a {@code Location} relative to the request's current URL.
	 * @throws UrlSyntaxException if the location cannot be parsed
	 */
	public static RequestUrl parse(String url, RequestUrl base) {
		return parse(url, base.href());
	}

	static RequestUrl parse(String url, @Nullable String base) {
		URI canonical = CanonicalUrls.ifCanonical(url);
		if (canonical != null) {
			return RequestUrl.ofCanonical(canonical);
		}
		UrlRecord parsed;
		try {
			parsed = UrlParser.parse(url, (base != null) ? baseRecord(base) : null);
		}
		catch (UrlSyntaxException ex) {
			throw syntaxError(url, (base == null && ex.getMessage().startsWith("it is relative"))
					? "it is relative and the XhrFactory has no base URL or origin" : ex.getMessage());
		}
		return handOff(url, parsed);
	}

	private static RequestUrl handOff(String input, UrlRecord parsed) {
		try {
			return RequestUrl.of(parsed);
		}
		catch (URISyntaxException ex) {
			throw syntaxError(input, ex.getReason());
		}
	}

	/** The base as a URL record; the factory's base is the same for every open(), so the last one is kept. */
	private static UrlRecord baseRecord(String base) {
		ParsedBase last = lastBase;
		if (last != null && last.href().equals(base)) {
			return last.record();
		}
		UrlRecord record = UrlParser.parse(base, null);
		lastBase = new ParsedBase(base, record);
		return record;
	}

	private static volatile @Nullable ParsedBase lastBase;

	private record ParsedBase(String href, UrlRecord record) {
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

	/**
	 * XHR §3.2 open() step 7: set the URL's username and password (URL §4.4 "set the username" and "set the
	 * password": UTF-8 percent-encoded with the userinfo percent-encode set).
	 */
	public static RequestUrl withCredentials(RequestUrl url, @Nullable String username, @Nullable String password) {
		if ((username == null && password == null) || url.uri().getRawAuthority() == null) {
			return url;
		}
		UrlRecord record = UrlParser.parse(url.href(), null);
		if (record.host() == null || record.host().isEmpty()) {
			// URL §4.4 "cannot have a username/password/port": no host, nothing to set.
			return url;
		}
		UrlRecord withCredentials = new UrlRecord(record.scheme(),
				(username != null) ? encodeUserinfo(username) : record.username(),
				(password != null) ? encodeUserinfo(password) : record.password(), record.host(), record.port(),
				record.path(), record.opaquePath(), record.query(), record.fragment());
		return handOff(url.href(), withCredentials);
	}

	private static String encodeUserinfo(String value) {
		StringBuilder result = new StringBuilder(value.length());
		value.codePoints().forEach((codePoint) -> PercentEncodeSet.USERINFO.encode(codePoint, result));
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
