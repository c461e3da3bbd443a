package dev.springxhr.xhr;

import reactor.core.scheduler.Schedulers;

/**
 * Applies the {@link SyncXhrPolicy} when a synchronous {@code send()} starts, before anything changes, like a
 * browser's {@code sync-xhr} permissions policy.
 */
final class SyncXhrPolicies {

	private SyncXhrPolicies() {
	}

	/** @throws DOMException NetworkError when the policy refuses a synchronous send on this thread */
	static void check(SyncXhrPolicy policy) {
		if (policy == SyncXhrPolicy.DENY) {
			throw new DOMException("Synchronous XMLHttpRequest is refused by the sync-xhr policy DENY; "
					+ "open the request with async = true", DOMException.NETWORK_ERROR);
		}
		if (policy == SyncXhrPolicy.DENY_ON_EVENT_LOOP && Schedulers.isInNonBlockingThread()) {
			throw new DOMException("Synchronous XMLHttpRequest on the non-blocking thread '"
					+ Thread.currentThread().getName() + "' is refused by the sync-xhr policy DENY_ON_EVENT_LOOP: "
					+ "it would block a Reactor event loop; send asynchronously, or from a worker thread",
					DOMException.NETWORK_ERROR);
		}
	}

}
