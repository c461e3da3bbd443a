package dev.springxhr.xhr;

import java.net.URI;
import java.util.concurrent.Executor;

import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/**
 * What the requests of one factory share: settings, the transport, the executor that runs their event tasks and
 * the scheduler of their timeouts, the observer of their events, and the JSON decoder of typed responses.
 */
record XhrEngine(XhrSettings settings, WebClientTransport transport, Executor eventExecutor, Scheduler timers,
		XhrEventObserver observer, JsonBodyMapper jsonMapper) {

	/**
	 * Start the exchange of one send, by the request URL's scheme: http(s) over the transport, {@code data:} from
	 * the URL itself; any other scheme is a network error, as {@code file:} is in a browser.
	 * @throws XMLHttpRequest.UnsupportedSchemeException for another scheme
	 */
	Disposable exchange(OutgoingRequest request, TransportHandler handler) {
		URI target = request.target();
		if (XMLHttpRequest.isHttp(target)) {
			return this.transport.exchange(request, handler);
		}
		if ("data".equals(target.getScheme())) {
			return DataUrlExchange.run(request, handler);
		}
		throw new XMLHttpRequest.UnsupportedSchemeException(target);
	}

	/** {@link XhrSettings#maxResponseSize()} in bytes, {@link Long#MAX_VALUE} for no limit. */
	long maxResponseSize() {
		return this.transport.maxResponseSize();
	}
}
