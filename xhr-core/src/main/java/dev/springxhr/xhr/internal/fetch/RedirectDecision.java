package dev.springxhr.xhr.internal.fetch;

import java.util.ArrayList;
import java.util.List;

/**
 * What Fetch §4.4 HTTP-redirect fetch does to the request for a response, as far as the response's status, the
 * request's method and the Location's origin decide it: whether the response is a redirect at all, the method of
 * the next request, whether its body and request-body headers go, whether its {@code Authorization} goes, and
 * whether its body must be sent again. A pure function of its three inputs; the steps that need the Location URL
 * itself (parsing, scheme, credentials) and the redirect count are {@link HttpFetch}'s.
 *
 * @param redirect whether the status is a redirect status (301, 302, 303, 307 or 308): only then does anything
 * else here apply
 * @param method the method of the next request
 * @param dropsBody whether the next request has no body and none of the {@linkplain #REQUEST_BODY_HEADER_NAMES
 * request-body headers} (step 12)
 * @param removesAuthorization whether the next request goes without {@code Authorization}, the CORS non-wildcard
 * request-header name (step 13): the Location is another origin than the current URL
 * @param requiresBodySource whether a body the request has must be one that can be sent again (step 11), else the
 * redirect is a network error: for every redirect status but 303, which drops the body or keeps GET or HEAD
 * @see <a href="https://fetch.spec.whatwg.org/#http-redirect-fetch">Fetch §4.4 HTTP-redirect fetch</a>
 */
record RedirectDecision(boolean redirect, String method, boolean dropsBody, boolean removesAuthorization,
		boolean requiresBodySource) {

	/**
	 * Fetch's request-body-header names, which go with the body when a redirect turns the request into a GET.
	 * @see <a href="https://fetch.spec.whatwg.org/#request-body-header-name">Fetch §2.2.2 request-body-header
	 * name</a>
	 */
	static final List<String> REQUEST_BODY_HEADER_NAMES = List.of("Content-Encoding", "Content-Language",
			"Content-Location", "Content-Type");

	/** The CORS non-wildcard request-header name, which never follows a redirect to another origin. */
	static final String AUTHORIZATION = "Authorization";

	/**
	 * Decide a response's redirect.
	 * @param status the response's status
	 * @param method the request's (normalized) method, compared byte for byte as Fetch does
	 * @param crossOrigin whether the Location URL's origin is another than the request's current URL's
	 * @return the decision; for a status that is no redirect status, "not a redirect", the method unchanged and
	 * nothing removed
	 */
	static RedirectDecision of(int status, String method, boolean crossOrigin) {
		if (!isRedirectStatus(status)) {
			return new RedirectDecision(false, method, false, false, false);
		}
		// Step 12: 301 and 302 turn only POST into GET (as browsers always did); 303 turns everything but GET and
		// HEAD into GET (HEAD stays HEAD: whatwg/fetch#753).
		boolean toGet = ((status == 301 || status == 302) && method.equals("POST"))
				|| (status == 303 && !method.equals("GET") && !method.equals("HEAD"));
		// Step 11 checks every status but 303 for a body to send again, before step 12 drops it: a 301 or 302 POST
		// with a body that cannot be sent again is a network error, although the GET that follows has no body.
		return new RedirectDecision(true, toGet ? "GET" : method, toGet, crossOrigin, status != 303);
	}

	/**
	 * Fetch's redirect status: 301, 302, 303, 307 or 308 (not 300, 304, 305 or 306).
	 * @param status a response status
	 * @return whether it is a redirect status
	 */
	static boolean isRedirectStatus(int status) {
		return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
	}

	/**
	 * The names of the author request headers the next request goes without: {@code Authorization} when
	 * {@link #removesAuthorization()}, the request-body headers when {@link #dropsBody()}.
	 * @return the header names, matched case-insensitively
	 */
	List<String> removedHeaderNames() {
		List<String> names = new ArrayList<>(5);
		if (this.removesAuthorization) {
			names.add(AUTHORIZATION);
		}
		if (this.dropsBody) {
			names.addAll(REQUEST_BODY_HEADER_NAMES);
		}
		return names;
	}

}
