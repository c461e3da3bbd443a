package dev.springxhr.xhr.support;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A seeded property check in plain JUnit: the edge cases first, then {@code tries} values drawn from a generator
 * with a fixed seed, so every run checks the same values and a failure names the value that broke the property.
 *
 * <pre>{@code
 * PropertyCheck.forAll(20240811L, 1000, HostileStrings::method, List.of("", "GET\n"), (method) -> { ... });
 * }</pre>
 */
public final class PropertyCheck {

	/** The property: throws (an AssertionError, usually) when it does not hold for the value. */
	@FunctionalInterface
	public interface Property<T> {

		void check(T value) throws Exception;

	}

	private PropertyCheck() {
	}

	/**
	 * Check {@code property} for each edge case, then for {@code tries} generated values.
	 * @return the number of values checked (edge cases and tries)
	 * @throws AssertionError naming the seed, the try and the value (escaped) for the first value that fails
	 */
	public static <T> int forAll(long seed, int tries, Function<SplittableRandom, T> generator, List<T> edgeCases,
			Property<T> property) {
		int checked = 0;
		for (T value : edgeCases) {
			run(property, value, "edge case " + checked, seed);
			checked++;
		}
		SplittableRandom random = new SplittableRandom(seed);
		for (int i = 0; i < tries; i++) {
			run(property, generator.apply(random), "try " + i, seed);
			checked++;
		}
		return checked;
	}

	/** As {@link #forAll(long, int, Function, List, Property)} without edge cases. */
	public static <T> int forAll(long seed, int tries, Function<SplittableRandom, T> generator,
			Property<T> property) {
		return forAll(seed, tries, generator, List.of(), property);
	}

	private static <T> void run(Property<T> property, T value, String which, long seed) {
		try {
			property.check(value);
		}
		catch (Throwable ex) {
			throw new AssertionError("Property failed at " + which + " (seed " + seed + ") for "
					+ HostileStrings.escape(String.valueOf(value)) + ": " + ex.getMessage(), ex);
		}
	}

}
