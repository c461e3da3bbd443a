package dev.springxhr.xhr;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * What one {@code send()} puts on the wire, fixed when send() runs: a later {@code open()} cannot change it.
 *
 * @param method the normalized method
 * @param target the URL without fragment and userinfo
 * @param headers the header list (alternating names and values), author headers combined into single lines
 * @param body the body, or {@code null}
 */
record OutgoingRequest(String method, URI target, String[] headers, @Nullable RequestBody body) {

	/** The body length, 0 without a body or for a stream of unknown length: the upload events' {@code total}. */
	long bodyLength() {
		return (this.body != null) ? Math.max(0, this.body.length()) : 0;
	}

}
