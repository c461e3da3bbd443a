package dev.springxhr.xhr.internal.fetch;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.url.RequestUrl;

import dev.springxhr.xhr.internal.transport.RequestBody;

/**
 * The request one {@code send()} hands to the fetch, fixed when send() runs (a later {@code open()} cannot change
 * it): what Fetch calls the request, before redirects, cookies, authentication and CORS shape each hop.
 *
 * @param method the normalized method
 * @param url the URL as opened (with userinfo, which becomes HTTP authentication, and fragment, never sent)
 * @param authorHeaders the author request headers (alternating names and values), Content-Type already decided
 * @param body the extracted body, or {@code null}
 * @param credentialsMode Fetch's credentials mode: {@code OMIT}, {@code SAME_ORIGIN} or {@code INCLUDE}
 * @param origin the origin of the "page" in origin mode, or {@code null} without one (then the request's origin is
 * its first URL's, and there is no CORS)
 * @param uploadListener whether the upload object has listeners (a cross-origin request then needs a preflight)
 * @see <a href="https://fetch.spec.whatwg.org/#requests">Fetch §2.2.5 requests</a>
 */
public record FetchRequest(String method, RequestUrl url, String[] authorHeaders, @Nullable RequestBody body,
		CredentialsMode credentialsMode, @Nullable URI origin, boolean uploadListener) {

	/** The body length, 0 without a body or for a stream of unknown length: the upload events' {@code total}. */
	public long bodyLength() {
		return (this.body != null) ? Math.max(0, this.body.length()) : 0;
	}

	/** Whether the request is in CORS mode: a page origin is set, so another origin must opt in. */
	public boolean corsMode() {
		return this.origin != null;
	}

}
