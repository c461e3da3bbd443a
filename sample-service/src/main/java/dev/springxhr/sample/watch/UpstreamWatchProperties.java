package dev.springxhr.sample.watch;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the sample watches ({@code upstream-watch.*}).
 *
 * @param interval how often every upstream is checked; zero checks only on demand
 * @param initialDelay how long after startup the first scheduled check runs
 * @param upstreams the upstreams to check, in the order the page shows them
 * @param healthInterval how often the page's health panel is refreshed while a page is open
 */
@ConfigurationProperties("upstream-watch")
public record UpstreamWatchProperties(@DefaultValue("20s") Duration interval, @DefaultValue("1s") Duration initialDelay,
		@DefaultValue List<Upstream> upstreams, @DefaultValue("5s") Duration healthInterval) {

	public UpstreamWatchProperties {
		if (interval.isNegative()) {
			throw new IllegalArgumentException("upstream-watch.interval must not be negative, was " + interval);
		}
		upstreams = List.copyOf(upstreams);
	}

	/**
	 * One watched upstream.
	 *
	 * @param name a short name, unique among the upstreams
	 * @param url the URL; a relative one resolves against {@code xhr.base-url}
	 * @param timeout the XHR's {@code timeout}; zero for none
	 * @param upload when not zero, the check POSTs a {@code FormData} with a file of this size (upload progress)
	 * @param serviceStatus whether the JSON response is mapped to a {@link ServiceStatus} record
	 */
	public record Upstream(String name, String url, @DefaultValue("5s") Duration timeout,
			@DefaultValue("0B") DataSize upload, @DefaultValue("false") boolean serviceStatus) {

		/**
		 * Whether the check uploads a form.
		 * @return {@code true} when {@link #upload()} is not zero
		 */
		public boolean uploads() {
			return this.upload.toBytes() > 0;
		}

	}

}
