package dev.springxhr.autoconfigure.profile;

import java.util.function.Supplier;

import io.micrometer.context.ContextRegistry;
import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.XhrFactory;

/**
 * The profile of the inbound request being served, where a web filter put it: a thread-local, restored from the
 * Reactor context by Micrometer's context propagation (WebFlux, with {@code spring.reactor.context-propagation=auto}).
 */
final class CurrentProfile {

	/** The key of the profile's resolver in the Reactor context. */
	static final String KEY = "dev.springxhr.profile";

	private static final ThreadLocal<@Nullable Supplier<XhrFactory>> current = new ThreadLocal<>();

	static {
		ContextRegistry.getInstance().registerThreadLocalAccessor(KEY, current::get, current::set, current::remove);
	}

	private CurrentProfile() {
	}

	/** Make sure the accessor is registered (loading the class does it). */
	static void register() {
	}

	static @Nullable Supplier<XhrFactory> get() {
		return current.get();
	}

}
