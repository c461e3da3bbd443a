package dev.springxhr.xhr;

import java.util.concurrent.Executor;

import reactor.core.scheduler.Scheduler;

/**
 * What the requests of one factory share: settings, the transport, the executor that runs their event tasks and
 * the scheduler of their timeouts, and the observer of their events.
 */
record XhrEngine(XhrSettings settings, WebClientTransport transport, Executor eventExecutor, Scheduler timers,
		XhrEventObserver observer) {

	/** {@link XhrSettings#maxResponseSize()} in bytes, {@link Long#MAX_VALUE} for no limit. */
	long maxResponseSize() {
		return this.transport.maxResponseSize();
	}
}
