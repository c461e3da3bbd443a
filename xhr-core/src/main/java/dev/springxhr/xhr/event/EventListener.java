package dev.springxhr.xhr.event;

/**
 * A callback for events dispatched at an {@link EventTarget}, the DOM's {@code EventListener}.
 *
 * <p>A listener that throws does not stop the dispatch: the exception is reported (logged) and the remaining
 * listeners still run, as a browser reports an uncaught exception in an event handler.
 */
@FunctionalInterface
public interface EventListener {

	/**
	 * Handle an event.
	 * @param event the event being dispatched
	 */
	void handleEvent(Event event);

}
