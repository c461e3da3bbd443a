package dev.springxhr.autoconfigure.profile;

import io.micrometer.context.ContextRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The profile of the inbound request being served, where a web filter put it: a thread-local, restored from the
 * Reactor context by Micrometer's context propagation (WebFlux, with {@code spring.reactor.context-propagation=auto}).
 */
final class CurrentProfile {

	/** The key of the profile's resolver in the Reactor context. */
	static final String KEY = "dev.springxhr.profile";

	private static final ThreadLocal<@Nullable Bound> current = new ThreadLocal<>();

	static {
		ContextRegistry.getInstance().registerThreadLocalAccessor(KEY, current::get, current::set, current::remove);
	}

	private CurrentProfile() {
	}

	/** Make sure the accessor is registered (loading the class does it). */
	static void register() {
	}

	static @Nullable Bound get() {
		return current.get();
	}

	/**
	 * The profiles of an inbound request, with the binder whose filter made them: another application in the same
	 * JVM (its thread-locals restored on a shared thread) never hands its users' profiles to this one's.
	 * @param owner the binder of the filter that bound the profiles
	 * @param profiles the profiles, one per factory, made on first use
	 */
	record Bound(XhrProfileBinder owner, InboundProfiles profiles) {
	}

}
