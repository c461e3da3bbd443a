package dev.springxhr.autoconfigure.profile;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.springxhr.xhr.XhrFactory;

/**
 * The profiles of one inbound request (or of its web session): one for each factory that creates a request while
 * it is served, made on first use, so a request that creates no {@code XMLHttpRequest} makes no profile.
 */
final class InboundProfiles {

	private final Map<XhrFactory, XhrFactory> profiles = new ConcurrentHashMap<>();

	private final Function<XhrFactory, XhrFactory> make;

	/**
	 * @param make makes the profile of a factory (its new profile, or its profile of the session's key)
	 */
	InboundProfiles(Function<XhrFactory, XhrFactory> make) {
		this.make = make;
	}

	/** The profile of the requests of {@code factory}. */
	XhrFactory of(XhrFactory factory) {
		return this.profiles.computeIfAbsent(factory, this.make);
	}

}
