package dev.springxhr.xhr;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * The cookie stores that engine tests with cookies run against (a {@code @ParameterizedClass} source): the default
 * in-memory jar, and a {@link SharedCookieStore} (on an atomic reference, standing in for Redis), which the engine
 * calls off the event loop, through the jar's text form.
 */
final class CookieStoreKinds {

	private CookieStoreKinds() {
	}

	static Stream<Arguments> all() {
		Function<String, CookieStore> shared = (key) -> new SharedCookieStoreTests.ReferenceCookieStore(
				new AtomicReference<>());
		return Stream.of(Arguments.of("in-memory cookie store", WebClientXhrFactory.inMemoryCookieStores()),
				Arguments.of("shared cookie store", shared));
	}

}
