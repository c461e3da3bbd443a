package dev.springxhr.xhr;

import java.net.URI;

/**
 * An immutable snapshot of one XHR event and of its request at that moment, safe to keep and to hand to other
 * threads (unlike the live {@link dev.springxhr.xhr.event.Event}).
 *
 * @param requestId the request's id, unique within the JVM, increasing in creation order
 * @param eventType the DOM event type, e.g. {@code "load"}: the {@link dev.springxhr.xhr.event.XhrEventType#type()}
 * of one of the eight types
 * @param upload whether the event was fired at the upload object
 * @param method the request method
 * @param url the request URL as opened, without userinfo and fragment (its query may hold secrets)
 * @param readyState the request's state when the event fired
 * @param status the HTTP status when the event fired, 0 before headers and after errors
 * @param loaded the progress event's {@code loaded}, 0 for {@code readystatechange}
 * @param total the progress event's {@code total}, 0 when unknown
 * @param lengthComputable whether {@code total} is known
 * @param backgroundRequest whether the request is a background request ({@code mozBackgroundRequest})
 * @param timestamp when the event fired, in epoch milliseconds
 */
public record XhrEventInfo(long requestId, String eventType, boolean upload, String method, URI url,
		short readyState, short status, long loaded, long total, boolean lengthComputable, boolean backgroundRequest,
		long timestamp) {
}
