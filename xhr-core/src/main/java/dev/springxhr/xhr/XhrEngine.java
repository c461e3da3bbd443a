package dev.springxhr.xhr;

import java.util.concurrent.Executor;

import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/**
 * What the requests of one factory share: settings, the transport, the executor that runs their event tasks and
 * the scheduler of their timeouts, the observer of their events, the JSON decoder of typed responses, the cookie
 * store and the CORS-preflight cache (as a browser profile's), and the public suffix list.
 */
record XhrEngine(XhrSettings settings, WebClientTransport transport, Executor eventExecutor, Scheduler timers,
		XhrEventObserver observer, JsonBodyMapper jsonMapper, CookieStore cookies, PreflightCache preflights,
		PublicSuffixList suffixes) {

	/**
	 * Start the fetch of one send: redirects, cookies, authentication and CORS around the transport (http and
	 * https), or the {@code data:} URL itself; any other scheme is a network error, as {@code file:} is in a
	 * browser.
	 * @return the handle that cancels the fetch
	 */
	Disposable exchange(FetchRequest request, TransportHandler handler) {
		return HttpFetch.start(this, request, handler);
	}

	/** {@link XhrSettings#maxResponseSize()} in bytes, {@link Long#MAX_VALUE} for no limit. */
	long maxResponseSize() {
		return this.transport.maxResponseSize();
	}
}
