package dev.springxhr.xhr.internal.fetch;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.http.HttpTokens;
import dev.springxhr.xhr.internal.transport.ResponseHead;
import dev.springxhr.xhr.internal.url.Origins;
import dev.springxhr.xhr.internal.url.PercentEncoding;
import dev.springxhr.xhr.internal.url.RequestUrl;

/**
 * The credentials of one fetch's hops: whether a hop includes credentials, the cookies it sends and stores, and
 * HTTP authentication with the URL's credentials, which only answers a 401 {@code WWW-Authenticate: Basic}
 * challenge, once per URL. One per fetch: it remembers whether the redirect chain went cross-site (for cookies) and
 * whether the current hop answers a challenge.
 *
 * @see <a href="https://fetch.spec.whatwg.org/#http-network-or-cache-fetch">Fetch §4.5 HTTP-network-or-cache
 * fetch</a>
 */
final class HttpCredentials {

	private final Fetcher fetcher;

	private final CredentialsMode mode;

	/** Fetch's "request's origin". */
	private final URI requestOrigin;

	/** Whether a hop of the chain went to another site than the request origin's: cookies are then cross-site. */
	private boolean crossSiteChain;

	/** Fetch's isAuthenticationFetch: the current URL's credentials answer a challenge. */
	private boolean authenticationFetch;

	/**
	 * The credentials of a fetch.
	 * @param fetcher the cookie store, the public suffix list and whether cookies are enabled
	 * @param mode the request's credentials mode
	 * @param requestOrigin Fetch's request's origin
	 */
	HttpCredentials(Fetcher fetcher, CredentialsMode mode, URI requestOrigin) {
		this.fetcher = fetcher;
		this.mode = mode;
		this.requestOrigin = requestOrigin;
	}

	/**
	 * At the start of every hop: once the chain has met another site, its cookies are cross-site for good.
	 * @param url the hop's URL
	 */
	void startHop(URI url) {
		if (!this.fetcher.suffixes().sameSite(this.requestOrigin, url)) {
			this.crossSiteChain = true;
		}
	}

	/**
	 * Fetch §4.5 step 8 "includeCredentials".
	 * @param url the hop's URL
	 * @param corsTainting whether the response tainting is "cors"
	 * @return whether the hop includes credentials
	 */
	boolean included(URI url, boolean corsTainting) {
		return switch (this.mode) {
			case INCLUDE -> true;
			case SAME_ORIGIN -> !corsTainting && Origins.sameOrigin(this.requestOrigin, url);
			case OMIT -> false;
		};
	}

	/**
	 * The {@code Cookie} and {@code Authorization} headers of a request hop that includes credentials.
	 * @param url the hop's URL
	 * @param corsTainting whether the response tainting is "cors"
	 * @param authorHeaders the author request headers, alternating names and values
	 * @param fetchHeaders what the fetch adds to the hop, alternating names and values: appended to
	 */
	void appendRequestHeaders(RequestUrl requestUrl, boolean corsTainting, List<String> authorHeaders,
			List<String> fetchHeaders) {
		URI url = requestUrl.uri();
		if (!included(url, corsTainting)) {
			return;
		}
		String cookie = this.fetcher.cookiesEnabled()
				? this.fetcher.cookies().cookieHeader(url, requestUrl.pathname(), !this.crossSiteChain) : null;
		if (cookie != null) {
			fetchHeaders.add("Cookie");
			fetchHeaders.add(cookie);
		}
		// Fetch §4.5 step 14.2: the URL's credentials only answer a challenge (isAuthenticationFetch); an author
		// Authorization header stays and wins.
		if (this.authenticationFetch && !containsHeader(authorHeaders, "Authorization")
				&& url.getRawUserInfo() != null) {
			fetchHeaders.add("Authorization");
			fetchHeaders.add(basicAuthorization(url));
		}
	}

	/**
	 * Fetch §4.6 HTTP-network fetch step 16: a response's cookies are stored when the hop includes credentials.
	 * @param url the hop's URL
	 * @param corsTainting whether the response tainting is "cors"
	 * @param head the head of the hop's response
	 */
	void storeCookies(RequestUrl url, boolean corsTainting, ResponseHead head) {
		if (included(url.uri(), corsTainting) && this.fetcher.cookiesEnabled() && !head.setCookies().isEmpty()) {
			this.fetcher.cookies().store(url.uri(), url.pathname(), head.setCookies(), !this.crossSiteChain);
		}
	}

	/**
	 * Fetch §4.5 step 14: whether a response is a challenge that the URL's credentials answer, with the same
	 * request again (then the next hop is an authentication fetch). Like Chromium, only a Basic challenge is
	 * answered: a 401 without one is the response. Only once per URL, never in CORS, and not with a body that
	 * cannot be sent again.
	 * @param head the head of the hop's response
	 * @param url the hop's URL
	 * @param corsTainting whether the response tainting is "cors"
	 * @param bodyReplayable whether the request's body, if any, can be sent again
	 * @return whether the request is sent again with the URL's credentials
	 */
	boolean answerChallenge(ResponseHead head, URI url, boolean corsTainting, boolean bodyReplayable) {
		if (head.status() == 401 && !corsTainting && !this.authenticationFetch && included(url, corsTainting)
				&& url.getRawUserInfo() != null && isBasicChallenge(head.headers().get("WWW-Authenticate"))
				&& bodyReplayable) {
			this.authenticationFetch = true;
			return true;
		}
		return false;
	}

	/** After a redirect: the new URL's credentials, if any, wait for a challenge of their own. */
	void redirected() {
		this.authenticationFetch = false;
	}

	private static boolean isBasicChallenge(@Nullable String wwwAuthenticate) {
		return wwwAuthenticate != null && HttpTokens.toAsciiLowerCase(wwwAuthenticate).contains("basic");
	}

	private static String basicAuthorization(URI url) {
		String userInfo = url.getRawUserInfo();
		int colon = userInfo.indexOf(':');
		String user = PercentEncoding.decodeToString((colon >= 0) ? userInfo.substring(0, colon) : userInfo);
		String password = (colon >= 0) ? PercentEncoding.decodeToString(userInfo.substring(colon + 1)) : "";
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static boolean containsHeader(List<String> pairs, String name) {
		for (int i = 0; i < pairs.size(); i += 2) {
			if (pairs.get(i).equalsIgnoreCase(name)) {
				return true;
			}
		}
		return false;
	}

}
