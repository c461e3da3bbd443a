package dev.springxhr.actuate;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.XhrFactory;

/**
 * The {@link XhrRequestStatistics} of each factory built by the auto-configured {@code XhrFactory.Builder}, for the
 * health contributor to report each factory on its own. A factory is held weakly: one that is dropped is forgotten.
 */
public final class XhrRequestStatisticsRegistry {

	private final Duration window;

	private final Map<XhrFactory, XhrRequestStatistics> statistics = Collections.synchronizedMap(new WeakHashMap<>());

	/**
	 * Create the registry.
	 * @param window the window of every factory's statistics, 1 second to 1 hour
	 */
	public XhrRequestStatisticsRegistry(Duration window) {
		this.window = Objects.requireNonNull(window, "'window' must not be null");
		new XhrRequestStatistics(window); // fails now, naming the window, rather than at the first factory
	}

	/**
	 * Create the statistics of a factory about to be built: give them to its builder as an observer, then
	 * {@link #register} the factory.
	 * @return new statistics over the registry's window
	 */
	public XhrRequestStatistics newStatistics() {
		return new XhrRequestStatistics(this.window);
	}

	/**
	 * Register the statistics of a built factory.
	 * @param factory the factory
	 * @param statistics the statistics its requests report to
	 */
	public void register(XhrFactory factory, XhrRequestStatistics statistics) {
		this.statistics.put(Objects.requireNonNull(factory, "'factory' must not be null"),
				Objects.requireNonNull(statistics, "'statistics' must not be null"));
	}

	/**
	 * Return the statistics of a factory.
	 * @param factory the factory
	 * @return its statistics, or {@code null} when it was not built by the auto-configured builder
	 */
	public @Nullable XhrRequestStatistics get(XhrFactory factory) {
		return this.statistics.get(factory);
	}

}
