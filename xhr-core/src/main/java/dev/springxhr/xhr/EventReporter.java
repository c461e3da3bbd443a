package dev.springxhr.xhr;

import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.springxhr.xhr.internal.url.RequestUrl;

/**
 * Tells the factory's {@link XhrEventObserver} about every event of one request, with what the request looks like at
 * that moment; builds nothing when the observer observes nothing. An observer that throws is logged, and the
 * request goes on.
 */
final class EventReporter {

	private static final AtomicLong NEXT_ID = new AtomicLong();

	private static final Log LOGGER = LogFactory.getLog(XhrEventObserver.class);

	private final long id = NEXT_ID.incrementAndGet();

	private final XhrEventObserver observer;

	private final AuthorRequest request;

	private final RequestState state;

	EventReporter(XhrEventObserver observer, AuthorRequest request, RequestState state) {
		this.observer = observer;
		this.request = request;
		this.state = state;
	}

	void report(String type, boolean atUpload, long loaded, long total, boolean computable) {
		if (!this.observer.isObserving()) {
			return;
		}
		RequestUrl current = this.request.url();
		// No userinfo: observers log and relay what they see, and the URL's password is a credential.
		URI target = (current != null) ? current.requestTarget().uri() : URI.create("about:blank");
		XhrEventInfo info = new XhrEventInfo(this.id, type, atUpload, this.request.method(), target,
				this.state.readyState(), (short) this.state.response().status(), loaded, total, computable,
				this.request.mozBackgroundRequest(), System.currentTimeMillis());
		try {
			this.observer.onEvent(info);
		}
		catch (RuntimeException ex) {
			LOGGER.error("XhrEventObserver failed for '" + type + "'; the request goes on", ex);
		}
	}

}
