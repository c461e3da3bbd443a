package dev.springxhr.xhr;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where the cookies of one {@link XhrProfile} live: the {@code Cookie} header of each request, the {@code Set-Cookie}
 * of each response, and listing, removing and clearing them. {@link #inMemory()} is the RFC 6265bis jar the engine
 * uses by default; another implementation (e.g. one shared by several replicas) must keep its rules, and apply each
 * {@link #store} atomically, since requests of one profile run at the same time.
 *
 * @see <a href="https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html">RFC 6265bis</a>
 */
public interface CookieStore {

	/**
	 * The {@code Cookie} header of a request (RFC 6265bis §5.8.3); retrieving cookies updates their last-access
	 * time.
	 * @param requestUrl the request's URL
	 * @param sameSiteRequest whether the request is same-site (else {@code SameSite=Strict} and {@code Lax} cookies
	 * stay home)
	 * @return the header value, or {@code null} for no cookie
	 */
	@Nullable String cookieHeader(URI requestUrl, boolean sameSiteRequest);

	/**
	 * Store the cookies of a response (RFC 6265bis §5.6 parsing and §5.7 storage model); the ones the algorithm
	 * ignores are dropped, as a browser does.
	 * @param requestUrl the URL of the request the response answers
	 * @param setCookieValues the values of its {@code Set-Cookie} fields, one cookie each
	 * @param sameSiteRequest whether the request was same-site (a cross-site response sets only
	 * {@code SameSite=None} cookies)
	 */
	void store(URI requestUrl, List<String> setCookieValues, boolean sameSiteRequest);

	/**
	 * The {@code Cookie} header of a request, given its path as the URL Standard serializes it: what the engine
	 * calls. {@code URI} cannot hold some characters the standard leaves raw in a path ({@code [ ] |}), so the URI's
	 * raw path may spell them percent-encoded; cookies' paths are matched against {@code requestPath}. By default,
	 * {@link #cookieHeader(URI, boolean)}, which matches against the URI's raw path.
	 * @param requestUrl the request's URL
	 * @param requestPath the URL's path, e.g. {@code /a[b]} where the URI's raw path is {@code /a%5Bb}
	 * @param sameSiteRequest whether the request is same-site
	 * @return the header value, or {@code null} for no cookie
	 */
	default @Nullable String cookieHeader(URI requestUrl, String requestPath, boolean sameSiteRequest) {
		return cookieHeader(requestUrl, sameSiteRequest);
	}

	/**
	 * Store the cookies of a response, given the request's path as the URL Standard serializes it (a cookie
	 * without a {@code Path} gets its default-path from it): what the engine calls. By default,
	 * {@link #store(URI, List, boolean)}.
	 * @param requestUrl the URL of the request the response answers
	 * @param requestPath the URL's path (see {@link #cookieHeader(URI, String, boolean)})
	 * @param setCookieValues the values of its {@code Set-Cookie} fields, one cookie each
	 * @param sameSiteRequest whether the request was same-site
	 */
	default void store(URI requestUrl, String requestPath, List<String> setCookieValues, boolean sameSiteRequest) {
		store(requestUrl, setCookieValues, sameSiteRequest);
	}

	/**
	 * The cookies that have not expired, in the order they were stored.
	 * @return an immutable snapshot
	 */
	List<XhrCookie> cookies();

	/**
	 * Remove one cookie.
	 * @param name its name
	 * @param domain its domain, as {@link XhrCookie#domain()} gives it
	 * @param path its path
	 * @return whether there was such a cookie
	 */
	boolean remove(String name, String domain, String path);

	/** Remove every cookie. */
	void clear();

	/**
	 * Whether calls wait for I/O (a store outside the JVM): the engine then makes them on Reactor's bounded-elastic
	 * threads, never on an event loop.
	 * @return {@code false} unless overridden
	 */
	default boolean isBlocking() {
		return false;
	}

	/**
	 * An empty in-memory store: RFC 6265bis as browsers implement it, with the bundled Public Suffix List, 180
	 * cookies a site and 3000 in all.
	 * @return a new store
	 */
	static CookieStore inMemory() {
		return new InMemoryCookieStore();
	}

}
