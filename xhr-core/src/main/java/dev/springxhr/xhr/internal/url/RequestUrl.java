package dev.springxhr.xhr.internal.url;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A request's URL: the URL Standard's serialization of its record ({@link #href()}), which {@code responseURL} shows
 * and the request line carries, beside the {@link URI} that the rest of the engine and {@code WebClient} take
 * ({@link UriHandOff}). The two differ only where {@code URI} cannot hold a character the standard leaves raw
 * ({@code [ ] |} in a path, {@code ^ ` { } |} in a query, a {@code %} that starts no escape): the URI has them
 * percent-encoded, the href and the request target raw, as Chromium sends them. Immutable.
 */
public final class RequestUrl {

	private final URI uri;

	private final String href;

	/** Whether the URI's text is the href: the common case, where the request line needs nothing of ours. */
	private final boolean sameText;

	private RequestUrl(URI uri, String href) {
		this.uri = uri;
		this.href = href;
		// URI keeps the string it was made from: no allocation.
		this.sameText = uri.toString().equals(href);
	}

	/** The URL of a parsed record. */
	static RequestUrl of(UrlRecord record) throws URISyntaxException {
		return new RequestUrl(UriHandOff.toUri(record), record.href());
	}

	/** The URL of a string the parser would leave as it is ({@link CanonicalUrls}): its URI is the same text. */
	static RequestUrl ofCanonical(URI uri) {
		return new RequestUrl(uri, uri.toString());
	}

	/**
	 * Return the URL as a {@link URI}, for the engine's decisions and the transport.
	 * @return the URI, with the characters {@code URI} cannot hold percent-encoded
	 */
	public URI uri() {
		return this.uri;
	}

	/**
	 * Return the URL serializer's output (URL §4.5).
	 * @return the href
	 */
	public String href() {
		return this.href;
	}

	/**
	 * Return the URL serializer's output with the exclude-fragment flag, as {@code responseURL} shows it.
	 * @return the href without its fragment
	 */
	public String hrefWithoutFragment() {
		// The serializer leaves no raw '#' before the fragment: path, query and userinfo sets encode it.
		int hash = this.href.indexOf('#');
		return (hash >= 0) ? this.href.substring(0, hash) : this.href;
	}

	/**
	 * Return the URL path serializer's output, as cookies' paths are matched against it (RFC 6265bis §5.1.4).
	 * @return the path, e.g. {@code /a[b]} where the URI's raw path is {@code /a%5Bb}
	 */
	public String pathname() {
		if (this.sameText && !this.uri.isOpaque()) {
			// The common case, on every request with cookies: the URI's raw path is the serialized one.
			String path = this.uri.getRawPath();
			return (path == null || path.isEmpty()) ? "/" : path;
		}
		String target = originForm(hrefWithoutFragment());
		int query = target.indexOf('?');
		return (query >= 0) ? target.substring(0, query) : target;
	}

	/**
	 * Return the host as the record serializes it ({@link UrlHosts#hostOf}: also where {@link URI#getHost()} is
	 * {@code null}, for a host with {@code _} say).
	 * @return the host, an IPv6 address in brackets
	 */
	public String host() {
		return Objects.requireNonNullElse(UrlHosts.hostOf(this.uri), "");
	}

	/** The scheme. */
	public String scheme() {
		return Objects.requireNonNull(this.uri.getScheme(), "a request URL is absolute");
	}

	/**
	 * Return the request-target in origin form (path and query) as the serializer gives it, when it differs from the
	 * URI's, so the transport writes it on the request line byte for byte.
	 * @return the raw path and query, or {@code null} when the URI's raw path and query are the same text
	 */
	public @Nullable String rawRequestTarget() {
		if (this.sameText || this.uri.isOpaque()) {
			return null;
		}
		String fromUri = originForm(this.uri.getRawPath(), this.uri.getRawQuery());
		String fromHref = originForm(hrefWithoutFragment());
		return fromUri.equals(fromHref) ? null : fromHref;
	}

	private static String originForm(@Nullable String path, @Nullable String query) {
		String origin = (path == null || path.isEmpty()) ? "/" : path;
		return (query != null) ? origin + "?" + query : origin;
	}

	/** The path and query of a serialized special URL: from the first '/' after the authority. */
	private static String originForm(String href) {
		int authority = href.indexOf("//");
		int start = (authority >= 0) ? authority + 2 : href.indexOf(':') + 1;
		int path = start;
		while (path < href.length() && href.charAt(path) != '/' && href.charAt(path) != '?') {
			path++;
		}
		String target = href.substring(path);
		return target.isEmpty() ? "/" : target.startsWith("?") ? "/" + target : target;
	}

	/**
	 * Return this URL without its fragment, which Fetch never sends and {@code responseURL} never shows.
	 * @return the URL, or this one when it has no fragment
	 */
	public RequestUrl withoutFragment() {
		if (this.uri.getRawFragment() == null && this.href.indexOf('#') < 0) {
			return this;
		}
		return new RequestUrl(RequestUrls.withoutFragment(this.uri), hrefWithoutFragment());
	}

	/**
	 * Return the URL a request goes to: no fragment (never sent) and no userinfo (sent as authorization, if at all).
	 * @return the URL, or this one when it has neither
	 */
	public RequestUrl requestTarget() {
		if (this.uri.getRawFragment() == null && this.uri.getRawUserInfo() == null) {
			return this;
		}
		String href = hrefWithoutFragment();
		int authority = href.indexOf("//");
		if (authority >= 0 && this.uri.getRawUserInfo() != null) {
			int end = authority + 2;
			while (end < href.length() && "/?".indexOf(href.charAt(end)) < 0) {
				end++;
			}
			// The userinfo set encodes '@', so the last one before the path ends the credentials.
			int at = href.lastIndexOf('@', end - 1);
			if (at > authority) {
				href = href.substring(0, authority + 2) + href.substring(at + 1);
			}
		}
		return new RequestUrl(RequestUrls.requestTarget(this.uri), href);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || (other instanceof RequestUrl that && this.href.equals(that.href));
	}

	@Override
	public int hashCode() {
		return this.href.hashCode();
	}

	/** The URL without its credentials: request URLs end up in logs and exception messages. */
	@Override
	public String toString() {
		return requestTarget().href;
	}

}
