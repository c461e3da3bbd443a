package dev.springxhr.xhr;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Several observers as one; see {@link XhrEventObserver#composite(List)}.
 */
final class CompositeXhrEventObserver implements XhrEventObserver {

	private static final Log logger = LogFactory.getLog(XhrEventObserver.class);

	private final List<XhrEventObserver> observers;

	CompositeXhrEventObserver(List<XhrEventObserver> observers) {
		this.observers = List.copyOf(observers);
	}

	@Override
	public boolean isObserving() {
		for (XhrEventObserver observer : this.observers) {
			if (observer.isObserving()) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void onEvent(XhrEventInfo event) {
		for (XhrEventObserver observer : this.observers) {
			try {
				// Asked here, per member: the engine asked the composite, which answers for any of them.
				if (observer.isObserving()) {
					observer.onEvent(event);
				}
			}
			catch (RuntimeException ex) {
				logger.error("XhrEventObserver " + observer + " failed for '" + event.eventType() + "'", ex);
			}
		}
	}

}
