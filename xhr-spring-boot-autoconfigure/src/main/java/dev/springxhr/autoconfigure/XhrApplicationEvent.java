package dev.springxhr.autoconfigure;

import org.springframework.context.ApplicationEvent;

import dev.springxhr.xhr.XhrEventInfo;
import dev.springxhr.xhr.event.XhrEventType;

/**
 * One XHR event (of a request or of its upload object) as a Spring application event, published in the request's
 * own order. Immutable: safe for {@code @Async} and {@code @TransactionalEventListener} listeners.
 * {@link #getUrl()} never contains credentials, and the query values named in {@code xhr.events.redact-query-params}
 * are replaced by {@code ***}.
 */
public class XhrApplicationEvent extends ApplicationEvent {

	private static final long serialVersionUID = 1L;

	private final String eventType;

	private final long requestId;

	private final String method;

	private final String url;

	private final short readyState;

	private final short status;

	private final long loaded;

	private final long total;

	private final boolean lengthComputable;

	private final boolean upload;

	private final boolean backgroundRequest;

	/**
	 * Create an event.
	 * @param source the object that published it (the relay)
	 * @param info the engine's snapshot of the event
	 * @param redactedUrl the request URL, already redacted
	 */
	public XhrApplicationEvent(Object source, XhrEventInfo info, String redactedUrl) {
		super(source);
		this.eventType = info.eventType();
		this.requestId = info.requestId();
		this.method = info.method();
		this.url = redactedUrl;
		this.readyState = info.readyState();
		this.status = info.status();
		this.loaded = info.loaded();
		this.total = info.total();
		this.lengthComputable = info.lengthComputable();
		this.upload = info.upload();
		this.backgroundRequest = info.backgroundRequest();
	}

	/** @return the DOM event type, e.g. {@code "load"}: the {@link XhrEventType#type()} of one of the eight */
	public String getEventType() {
		return this.eventType;
	}

	/** @return the id of the request, unique within the JVM */
	public long getRequestId() {
		return this.requestId;
	}

	/** @return the request method */
	public String getMethod() {
		return this.method;
	}

	/** @return the request URL without credentials and with redacted query values */
	public String getUrl() {
		return this.url;
	}

	/** @return the request's readyState when the event fired */
	public short getReadyState() {
		return this.readyState;
	}

	/** @return the HTTP status when the event fired, 0 before headers and after errors */
	public short getStatus() {
		return this.status;
	}

	/** @return the progress event's {@code loaded}, 0 for {@code readystatechange} */
	public long getLoaded() {
		return this.loaded;
	}

	/** @return the progress event's {@code total}, 0 when unknown */
	public long getTotal() {
		return this.total;
	}

	/** @return whether {@link #getTotal()} is known */
	public boolean isLengthComputable() {
		return this.lengthComputable;
	}

	/** @return whether the event was fired at the request's upload object */
	public boolean isUpload() {
		return this.upload;
	}

	/** @return whether the request is a background request ({@code mozBackgroundRequest}) */
	public boolean isBackgroundRequest() {
		return this.backgroundRequest;
	}

	@Override
	public String toString() {
		return "XhrApplicationEvent[" + (this.upload ? "upload." : "") + this.eventType + " #" + this.requestId + " "
				+ this.method + " " + this.url + " readyState=" + this.readyState + " status=" + this.status
				+ " loaded=" + this.loaded + " total=" + this.total + "]";
	}

}
