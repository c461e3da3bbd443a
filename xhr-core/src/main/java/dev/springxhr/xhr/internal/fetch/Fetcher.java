package dev.springxhr.xhr.internal.fetch;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

import dev.springxhr.xhr.internal.cookie.CookieAccess;
import dev.springxhr.xhr.internal.cookie.PublicSuffixList;
import dev.springxhr.xhr.internal.cors.PreflightCache;
import dev.springxhr.xhr.internal.net.NetworkAccessRules;
import dev.springxhr.xhr.internal.transport.TransportHandler;
import dev.springxhr.xhr.internal.transport.WebClientTransport;

/**
 * What the fetches of one factory share: the transport, the cookie store and CORS-preflight cache (as a browser
 * profile's), the public suffix list, and the settings that shape every hop.
 *
 * @param transport the HTTP exchange on WebClient
 * @param cookies the cookie store
 * @param preflights the CORS-preflight cache
 * @param suffixes the public suffix list (same-site checks)
 * @param networkAccess the SSRF guard's rules, checked on every hop's URL
 * @param cookiesEnabled whether cookies are sent and stored at all
 * @param userAgent the {@code User-Agent} of requests that set none, or {@code null} for none
 * @param maxRedirects how many redirects a fetch follows before it is a network error
 */
public record Fetcher(WebClientTransport transport, CookieAccess cookies, PreflightCache preflights,
		PublicSuffixList suffixes, NetworkAccessRules networkAccess, boolean cookiesEnabled, @Nullable String userAgent,
		int maxRedirects) {

	/**
	 * Start the fetch of one send: redirects, cookies, authentication and CORS around the transport (http and
	 * https), or the {@code data:} URL itself; any other scheme is a network error, as {@code file:} is in a
	 * browser.
	 * @param request the request of the send
	 * @param handler what receives the final response, its body and the end
	 * @return the handle that cancels the fetch
	 */
	public Disposable fetch(FetchRequest request, TransportHandler handler) {
		return HttpFetch.start(this, request, handler);
	}

	/**
	 * The largest response body the transport lets through.
	 * @return the size in bytes, {@link Long#MAX_VALUE} for no limit
	 */
	public long maxResponseSize() {
		return this.transport.maxResponseSize();
	}

	/**
	 * The same fetcher for another profile's state.
	 * @param cookies the profile's cookies
	 * @param preflights the profile's CORS-preflight cache
	 * @return the fetcher
	 */
	public Fetcher withProfile(CookieAccess cookies, PreflightCache preflights) {
		return new Fetcher(this.transport, cookies, preflights, this.suffixes, this.networkAccess, this.cookiesEnabled,
				this.userAgent, this.maxRedirects);
	}

}
