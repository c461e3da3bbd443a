package dev.springxhr.sample.watch;

import org.jspecify.annotations.Nullable;

/**
 * How one check of an upstream ended.
 *
 * @param upstream the upstream's name
 * @param url the URL requested
 * @param responseUrl {@code responseURL}: the final URL after redirects, empty without a response
 * @param outcome the event that ended the request: {@code load}, {@code error}, {@code timeout} or {@code abort}
 * @param status the HTTP status, 0 for a network error, timeout or abort
 * @param bytes the response body's size
 * @param durationMillis from {@code send()} to {@code loadend}
 * @param serviceStatus the JSON response as a record, for upstreams that ask for it
 * @param summary a short human summary (a few characters of the response, or the error)
 */
public record CheckResult(String upstream, String url, String responseUrl, String outcome, int status, long bytes,
		long durationMillis, @Nullable ServiceStatus serviceStatus, String summary) {
}
