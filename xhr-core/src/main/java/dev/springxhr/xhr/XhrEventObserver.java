package dev.springxhr.xhr;

import java.util.List;

/**
 * Sees every event of every request an {@link XhrFactory} creates — the request's and its upload object's — in the
 * request's order, just before the event's listeners run: OkHttp's {@code EventListener} for XHR. Spring Boot's
 * auto-configuration relays them as application events; metrics and health statistics observe them too.
 *
 * <p>Called on the thread that dispatches the event, one call at a time per request. Implementations must be fast
 * and must not throw (an exception is logged and ignored); they must not call the request.
 */
@FunctionalInterface
public interface XhrEventObserver {

	/** An observer that does nothing: with it, no {@link XhrEventInfo} is ever built. */
	XhrEventObserver NONE = (event) -> {
	};

	/**
	 * Combine observers: each sees every event, in the given order; one that throws does not keep the event from
	 * the others.
	 * @param observers the observers
	 * @return an observer of all of them ({@link #NONE} for none, the observer itself for one)
	 */
	static XhrEventObserver composite(List<? extends XhrEventObserver> observers) {
		List<XhrEventObserver> active = observers.stream()
			.filter((observer) -> observer != NONE)
			.map(XhrEventObserver.class::cast)
			.toList();
		if (active.isEmpty()) {
			return NONE;
		}
		if (active.size() == 1) {
			return active.get(0);
		}
		return new CompositeXhrEventObserver(active);
	}

	/**
	 * Observe an event.
	 * @param event an immutable snapshot of the event and its request
	 */
	void onEvent(XhrEventInfo event);

	/**
	 * Whether this observer wants events at the moment: asked once before each event's {@link XhrEventInfo} is
	 * built, and {@link #onEvent} is called for that event only after a {@code true}, so that an observer with nobody
	 * to tell (the Spring relay while no listener exists) costs no allocation. Must be cheap and must not throw; the
	 * answer may change at any time.
	 * @return {@code true}, unless the observer has nothing to do with events now
	 */
	default boolean isObserving() {
		return true;
	}

}
