package dev.springxhr.autoconfigure;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;

import dev.springxhr.xhr.XhrEventInfo;
import dev.springxhr.xhr.XhrEventObserver;
import dev.springxhr.xhr.event.XhrEventType;

/**
 * Relays XHR events as {@link XhrApplicationEvent}s through an {@link ApplicationEventPublisher}, on the thread
 * that dispatches them, so that a request's events reach listeners in its own order. Credentials and chosen query
 * values never leave the engine: they are redacted from the URL.
 */
public final class ApplicationEventXhrEventRelay implements XhrEventObserver {

	private static final String REDACTED = "***";

	private final ApplicationEventPublisher publisher;

	private final Set<XhrEventType> eventTypes;

	private final boolean includeUpload;

	private final Set<String> redactedQueryParameters;

	/** Whether anyone listens to XhrApplicationEvents; found on the first event, when the context is complete. */
	private volatile @Nullable BooleanSupplier listening;

	/**
	 * Create a relay.
	 * @param publisher where to publish
	 * @param eventTypes the DOM event types to relay, e.g. {@code "loadend"} (see {@link XhrEventType#type()})
	 * @throws IllegalArgumentException if one of them is not an XHR event type
	 * @param includeUpload whether the upload object's events are relayed
	 * @param redactedQueryParameters the query parameters whose values are replaced by {@code ***}
	 */
	public ApplicationEventXhrEventRelay(ApplicationEventPublisher publisher, Set<String> eventTypes,
			boolean includeUpload, Set<String> redactedQueryParameters) {
		this.publisher = publisher;
		this.eventTypes = EnumSet.noneOf(XhrEventType.class);
		for (String type : eventTypes) {
			this.eventTypes.add(XhrEventType.fromType(type));
		}
		this.includeUpload = includeUpload;
		this.redactedQueryParameters = Set.copyOf(redactedQueryParameters);
	}

	@Override
	public void onEvent(XhrEventInfo event) {
		if ((event.upload() && !this.includeUpload)
				|| !this.eventTypes.contains(XhrEventType.fromType(event.eventType()))) {
			return;
		}
		// No listener check here: the engine calls onEvent only after isObserving() said yes for this event.
		this.publisher.publishEvent(new XhrApplicationEvent(this, event, redact(event.url())));
	}

	/**
	 * Whether anyone listens to {@link XhrApplicationEvent}s: without a listener the engine builds no
	 * {@code XhrEventInfo} for the relay and the relay builds no event, so it costs a cached boolean per event.
	 */
	@Override
	public boolean isObserving() {
		BooleanSupplier check = this.listening;
		if (check == null) {
			check = XhrApplicationEventListeners
				.of((this.publisher instanceof ApplicationContext context) ? context : null, this);
			this.listening = check;
		}
		return check.getAsBoolean();
	}

	/** The URL without userinfo and fragment, with the values of the configured query parameters replaced. */
	String redact(URI url) {
		if (url.isOpaque() || url.getRawAuthority() == null) {
			return url.getScheme() + ":" + ((url.isOpaque()) ? "" : "//");
		}
		StringBuilder result = new StringBuilder(url.getScheme()).append("://");
		String authority = url.getRawAuthority();
		result.append(authority.substring(authority.lastIndexOf('@') + 1));
		if (url.getRawPath() != null) {
			result.append(url.getRawPath());
		}
		String query = url.getRawQuery();
		if (query != null) {
			result.append('?');
			String[] pairs = query.split("&", -1);
			for (int i = 0; i < pairs.length; i++) {
				if (i > 0) {
					result.append('&');
				}
				int equals = pairs[i].indexOf('=');
				String name = (equals >= 0) ? pairs[i].substring(0, equals) : pairs[i];
				if (equals >= 0 && this.redactedQueryParameters.contains(decode(name))) {
					result.append(name).append('=').append(REDACTED);
				}
				else {
					result.append(pairs[i]);
				}
			}
		}
		return result.toString();
	}

	private static String decode(String name) {
		try {
			return URLDecoder.decode(name, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return name;
		}
	}

}
