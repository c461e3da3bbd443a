package dev.springxhr.xhr.event;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The eight types of event an {@code XMLHttpRequest} fires, each with its DOM type string ({@link #type()}), which
 * is what {@link Event#getType()} returns and what {@code addEventListener} takes. The constants are in the order of
 * the standard's events summary; a request ends with one of {@link #LOAD}, {@link #ERROR}, {@link #TIMEOUT} or
 * {@link #ABORT}, then {@link #LOADEND}.
 *
 * @see <a href="https://xhr.spec.whatwg.org/#events">XHR §3.6 Events summary</a>
 */
public enum XhrEventType {

	/** {@code "readystatechange"}: the request's {@code readyState} changed (an {@link Event}). */
	READYSTATECHANGE("readystatechange"),

	/** {@code "loadstart"}: the fetch initiated (a {@link ProgressEvent}, as all but {@link #READYSTATECHANGE}). */
	LOADSTART("loadstart"),

	/** {@code "progress"}: data is being transmitted. */
	PROGRESS("progress"),

	/** {@code "abort"}: the fetch was aborted, e.g. by {@code abort()}. */
	ABORT("abort"),

	/** {@code "error"}: the fetch failed as a network error. */
	ERROR("error"),

	/** {@code "load"}: the fetch completed (whatever the HTTP status). */
	LOAD("load"),

	/** {@code "timeout"}: the request's timeout passed before the fetch completed. */
	TIMEOUT("timeout"),

	/** {@code "loadend"}: the fetch ended, after {@code load}, {@code error}, {@code timeout} or {@code abort}. */
	LOADEND("loadend");

	private static final Map<String, XhrEventType> BY_TYPE = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(XhrEventType::type, Function.identity()));

	private static final String ALLOWED = Arrays.stream(values())
		.map(XhrEventType::type)
		.collect(Collectors.joining(", "));

	private final String type;

	XhrEventType(String type) {
		this.type = type;
	}

	/**
	 * Return the DOM type string of this event type, e.g. {@code "loadend"}.
	 * @return the type string
	 */
	public String type() {
		return this.type;
	}

	/**
	 * Return the event type with the given DOM type string.
	 * @param type the type string, e.g. {@code "loadend"} (case-sensitive, as the DOM's)
	 * @return the event type
	 * @throws IllegalArgumentException if the string is not one of the eight, naming the allowed values
	 */
	public static XhrEventType fromType(String type) {
		XhrEventType eventType = BY_TYPE.get(type);
		if (eventType == null) {
			throw new IllegalArgumentException("'" + type + "' is not an XHR event type; allowed values: " + ALLOWED);
		}
		return eventType;
	}

}
