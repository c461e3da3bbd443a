package dev.springxhr.xhr.internal.cookie;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a fetch asks of a cookie store: the {@code Cookie} header of a request, and storing the {@code Set-Cookie}
 * of a response. The API's {@code CookieStore} is adapted to it; the in-memory {@link CookieJar} is one.
 */
public interface CookieAccess {

	/**
	 * The {@code Cookie} header of a request (RFC 6265bis §5.8.3).
	 * @param requestUrl the request's URL
	 * @param requestPath the URL's path as the URL Standard serializes it
	 * @param sameSiteRequest whether the request is same-site
	 * @return the header value, or {@code null} for no cookie
	 */
	@Nullable String cookieHeader(URI requestUrl, String requestPath, boolean sameSiteRequest);

	/**
	 * Store the cookies of a response (RFC 6265bis §5.7).
	 * @param requestUrl the URL of the request the response answers
	 * @param requestPath the URL's path as the URL Standard serializes it
	 * @param setCookieValues the values of its {@code Set-Cookie} fields
	 * @param sameSiteRequest whether the request was same-site
	 */
	void store(URI requestUrl, String requestPath, List<String> setCookieValues, boolean sameSiteRequest);

	/**
	 * Whether calls wait for I/O: a fetch then never makes them on an event loop.
	 * @return {@code false} unless overridden
	 */
	default boolean blocking() {
		return false;
	}

}
