package dev.springxhr.xhr;

import java.util.concurrent.Executor;

import io.micrometer.observation.ObservationRegistry;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

import dev.springxhr.xhr.internal.fetch.FetchRequest;
import dev.springxhr.xhr.internal.fetch.Fetcher;
import dev.springxhr.xhr.internal.json.JsonBodyMapper;
import dev.springxhr.xhr.internal.transport.TransportHandler;

/**
 * What the requests of one factory share: settings, the fetcher (transport, cookie store, CORS-preflight cache), the
 * executor that runs their event tasks and the scheduler of their timeouts, the observer of their events, the JSON
 * decoder of typed responses, and the registry of each send's Observation.
 */
record XhrEngine(XhrSettings settings, Fetcher fetcher, Executor eventExecutor, Scheduler timers,
		XhrEventObserver observer, JsonBodyMapper jsonMapper, ObservationRegistry observations) {

	/**
	 * Start the fetch of one send: redirects, cookies, authentication and CORS around the transport (http and
	 * https), or the {@code data:} URL itself; any other scheme is a network error, as {@code file:} is in a
	 * browser.
	 * @return the handle that cancels the fetch
	 */
	Disposable exchange(FetchRequest request, TransportHandler handler) {
		return this.fetcher.fetch(request, handler);
	}

	/** {@link XhrSettings#maxResponseSize()} in bytes, {@link Long#MAX_VALUE} for no limit. */
	long maxResponseSize() {
		return this.fetcher.maxResponseSize();
	}
	/** The same engine with another fetcher: another profile's cookies and preflight cache. */
	XhrEngine withFetcher(Fetcher other) {
		return new XhrEngine(this.settings, other, this.eventExecutor, this.timers, this.observer, this.jsonMapper,
				this.observations);
	}

}
