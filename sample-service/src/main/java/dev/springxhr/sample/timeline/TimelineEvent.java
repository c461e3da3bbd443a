package dev.springxhr.sample.timeline;

/**
 * One relayed XHR event as the page shows it.
 *
 * @param requestId the request's id, the same for all of its events
 * @param label what the request is: the watched upstream's name, or the URL's path
 * @param type the event type, e.g. {@code progress}
 * @param upload whether it was fired at {@code xhr.upload}
 * @param method the request method
 * @param url the request URL, with credentials and redacted query values removed by the relay
 * @param readyState the readyState when the event fired
 * @param status the status when the event fired
 * @param loaded bytes so far (progress events)
 * @param total bytes expected, 0 when unknown (progress events)
 * @param thread the thread the event fired on
 * @param timestamp when the event was published, epoch milliseconds
 */
public record TimelineEvent(long requestId, String label, String type, boolean upload, String method, String url,
		int readyState, int status, long loaded, long total, String thread, long timestamp) {
}
