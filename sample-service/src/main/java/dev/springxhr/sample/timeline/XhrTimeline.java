package dev.springxhr.sample.timeline;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.springxhr.autoconfigure.XhrApplicationEvent;
import dev.springxhr.autoconfigure.XhrProperties;
import dev.springxhr.sample.sync.SyncXhrController;
import dev.springxhr.sample.watch.UpstreamWatchProperties;

/**
 * Collects every {@link XhrApplicationEvent} the starter relays, for the page: the last ones are replayed to a new
 * page, then each new one follows live.
 */
@Component
public class XhrTimeline {

	private static final int REPLAYED_EVENTS = 2000;

	private final Sinks.Many<TimelineEvent> events = Sinks.many().replay().limit(REPLAYED_EVENTS);

	private final Map<String, String> labelsByPath;

	public XhrTimeline(UpstreamWatchProperties watch, XhrProperties xhr) {
		Map<String, String> labels = new HashMap<>();
		xhr.getHealth().getProbes().forEach((name, probe) -> {
			if (probe.getUrl() != null) {
				labels.put(pathAndQuery(probe.getUrl()), "health probe " + name);
			}
		});
		watch.upstreams().forEach((upstream) -> labels.put(pathAndQuery(URI.create(upstream.url())), upstream.name()));
		labels.put(SyncXhrController.URL, "sync XHR demo");
		this.labelsByPath = Map.copyOf(labels);
	}

	/**
	 * Relayed events arrive on the thread that fired them (an event-executor thread, or the caller's thread for a
	 * synchronous XHR), one request's events in order.
	 * @param event the relayed event
	 */
	@EventListener
	public void onXhrEvent(XhrApplicationEvent event) {
		String path = pathAndQuery(URI.create(event.getUrl()));
		TimelineEvent entry = new TimelineEvent(event.getRequestId(),
				this.labelsByPath.getOrDefault(path, path), event.getEventType(), event.isUpload(),
				event.getMethod(), event.getUrl(), event.getReadyState(), event.getStatus(), event.getLoaded(),
				event.getTotal(), Thread.currentThread().getName(), event.getTimestamp());
		// Several requests' events arrive at once; the sink wants one emitter at a time.
		synchronized (this.events) {
			this.events.tryEmitNext(entry);
		}
	}

	private static String pathAndQuery(URI url) {
		return (url.getRawQuery() != null) ? url.getRawPath() + "?" + url.getRawQuery() : url.getRawPath();
	}

	/**
	 * The last events, then the live ones.
	 * @return the events
	 */
	public Flux<TimelineEvent> events() {
		return this.events.asFlux();
	}

}
