package dev.springxhr.test;

import java.net.URI;
import java.util.List;

import org.assertj.core.api.AssertProvider;

import dev.springxhr.xhr.XhrEventInfo;
import dev.springxhr.xhr.event.XhrEventType;

/**
 * The events one request fired, as an {@link XhrEventRecorder} saw them: an immutable snapshot. AssertJ's
 * {@code assertThat(request)} gives its {@link RecordedXhrRequestAssert}.
 */
public final class RecordedXhrRequest implements AssertProvider<RecordedXhrRequestAssert> {

	private final List<XhrEventInfo> events;

	RecordedXhrRequest(List<XhrEventInfo> events) {
		if (events.isEmpty()) {
			throw new IllegalArgumentException("A recorded request has at least one event");
		}
		this.events = List.copyOf(events);
	}

	/**
	 * Return the request's id.
	 * @return the id, unique within the JVM
	 */
	public long id() {
		return this.events.get(0).requestId();
	}

	/**
	 * Return the request's method.
	 * @return the method, e.g. {@code "GET"}
	 */
	public String method() {
		return this.events.get(0).method();
	}

	/**
	 * Return the request's URL as opened (without userinfo and fragment).
	 * @return the URL
	 */
	public URI url() {
		return this.events.get(0).url();
	}

	/**
	 * Return every event, the upload's and {@code readystatechange} included, in the order they fired.
	 * @return the events
	 */
	public List<XhrEventInfo> events() {
		return this.events;
	}

	/**
	 * Return the types of the events fired at the request itself, without {@code readystatechange}: e.g.
	 * {@code [loadstart, progress, load, loadend]}.
	 * @return the event types
	 */
	public List<String> eventTypes() {
		return this.events.stream()
			.filter((event) -> !event.upload() && !isReadyStateChange(event))
			.map(XhrEventInfo::eventType)
			.toList();
	}

	/**
	 * Return the types of the events fired at the request's {@code upload} object.
	 * @return the upload event types
	 */
	public List<String> uploadEventTypes() {
		return this.events.stream().filter(XhrEventInfo::upload).map(XhrEventInfo::eventType).toList();
	}

	/**
	 * Return the states of the {@code readystatechange} events, e.g. {@code [1, 2, 3, 4]}.
	 * @return the ready states
	 */
	public List<Integer> readyStates() {
		return this.events.stream()
			.filter(RecordedXhrRequest::isReadyStateChange)
			.map((event) -> (int) event.readyState())
			.toList();
	}

	/**
	 * Return the status when the last event fired.
	 * @return the HTTP status, 0 before headers and after errors
	 */
	public int status() {
		return this.events.get(this.events.size() - 1).status();
	}

	/**
	 * Return whether the request fired its {@code loadend} (a synchronous request that fails fires none).
	 * @return whether it ended
	 */
	public boolean ended() {
		return this.events.stream()
			.anyMatch((event) -> !event.upload() && XhrEventType.LOADEND.type().equals(event.eventType()));
	}

	@Override
	public RecordedXhrRequestAssert assertThat() {
		return new RecordedXhrRequestAssert(this);
	}

	@Override
	public String toString() {
		// The URL is left out: its query may hold secrets, and assertion messages end up in build logs.
		return "request " + id() + " " + method() + " " + this.events.stream()
			.map((event) -> (event.upload() ? "upload." : "") + event.eventType()
					+ (isReadyStateChange(event) ? "(" + event.readyState() + ")" : ""))
			.toList();
	}

	private static boolean isReadyStateChange(XhrEventInfo event) {
		return XhrEventType.READYSTATECHANGE.type().equals(event.eventType());
	}

}
