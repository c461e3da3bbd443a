package dev.springxhr.xhr.event;

import java.util.Arrays;
import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.DOMException;

/**
 * A DOM {@code EventTarget} without a tree: listeners registered with {@link #addEventListener} and event handler
 * attributes ({@code onload} …) are invoked in registration order.
 *
 * <p>Registration is thread-safe. A dispatch works on a snapshot of the listeners taken when it starts, and a
 * listener removed during a dispatch is not invoked afterwards, as the DOM's "inner invoke" says. A listener that
 * throws is reported through {@link #reportException} and the dispatch goes on.
 *
 * @see <a href="https://dom.spec.whatwg.org/#interface-eventtarget">DOM §2.7 Interface EventTarget</a>
 */
public class EventTarget {

	private static final Log logger = LogFactory.getLog(EventTarget.class);

	private static final Registration[] NO_LISTENERS = new Registration[0];

	/** Copy-on-write: dispatch reads it without locking; writers hold {@code this}. */
	private volatile Registration[] listeners = NO_LISTENERS;

	/**
	 * Register a listener for the bubble phase; a second registration of the same listener is ignored.
	 * @param type the event type
	 * @param listener the listener, {@code null} is ignored as in the DOM
	 */
	public void addEventListener(String type, @Nullable EventListener listener) {
		addEventListener(type, listener, AddEventListenerOptions.defaults());
	}

	/**
	 * Register a listener with options (e.g. {@link AddEventListenerOptions#once()}); a registration with the same
	 * type, listener and capture is ignored.
	 * @param type the event type
	 * @param listener the listener, {@code null} is ignored as in the DOM
	 * @param options the options
	 */
	public void addEventListener(String type, @Nullable EventListener listener, AddEventListenerOptions options) {
		Objects.requireNonNull(type, "'type' must not be null");
		Objects.requireNonNull(options, "'options' must not be null");
		if (listener == null) {
			return;
		}
		synchronized (this) {
			if (indexOf(type, listener, options.isCapture()) >= 0) {
				return;
			}
			append(new Registration(type, listener, options.isCapture(), options.isOnce(), false));
		}
	}

	/**
	 * Remove a bubble-phase listener; unknown listeners are ignored.
	 * @param type the event type
	 * @param listener the listener
	 */
	public void removeEventListener(String type, @Nullable EventListener listener) {
		removeEventListener(type, listener, false);
	}

	/**
	 * Remove a listener registered with the given capture flag; unknown listeners are ignored.
	 * @param type the event type
	 * @param listener the listener
	 * @param capture the capture flag it was registered with
	 */
	public void removeEventListener(String type, @Nullable EventListener listener, boolean capture) {
		if (type == null || listener == null) {
			return;
		}
		synchronized (this) {
			int index = indexOf(type, listener, capture);
			if (index >= 0) {
				removeAt(index);
			}
		}
	}

	/**
	 * Dispatch an event created by the caller (untrusted) at this target, as the DOM's {@code dispatchEvent()}.
	 * @param event the event
	 * @return {@code false} if the event is cancelable and a listener canceled it, else {@code true}
	 * @throws DOMException {@code InvalidStateError} if the event is being dispatched already
	 */
	public boolean dispatchEvent(Event event) {
		Objects.requireNonNull(event, "'event' must not be null");
		if (event.isDispatching()) {
			throw new DOMException("The event '" + event.getType() + "' is already being dispatched",
					DOMException.INVALID_STATE_ERROR);
		}
		return dispatch(event, false);
	}

	/**
	 * Dispatch an event created by the engine: the event is trusted.
	 * @param event the event
	 * @return {@code false} if the event was canceled, else {@code true}
	 */
	protected final boolean fireEvent(Event event) {
		return dispatch(event, true);
	}

	/**
	 * Return whether a listener or event handler is registered for the type.
	 * @param type the event type
	 * @return whether dispatching an event of this type would invoke anything
	 */
	protected final boolean hasEventListener(String type) {
		for (Registration registration : this.listeners) {
			if (registration.type.equals(type)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return whether any listener or event handler is registered, of any type.
	 * @return whether this target has listeners
	 */
	protected final boolean hasAnyEventListener() {
		return this.listeners.length > 0;
	}

	/**
	 * Return the value of an event handler attribute such as {@code onload}.
	 * @param type the event type
	 * @return the handler, or {@code null} if none is set
	 */
	protected final @Nullable EventListener getEventHandler(String type) {
		for (Registration registration : this.listeners) {
			if (registration.handler && registration.type.equals(type)) {
				return registration.callback;
			}
		}
		return null;
	}

	/**
	 * Set an event handler attribute such as {@code onload}. As in HTML, the handler keeps the position of its first
	 * registration when replaced, and {@code null} removes it.
	 * @param type the event type
	 * @param handler the handler, or {@code null} to remove it
	 */
	protected final void setEventHandler(String type, @Nullable EventListener handler) {
		synchronized (this) {
			Registration[] current = this.listeners;
			for (int i = 0; i < current.length; i++) {
				if (current[i].handler && current[i].type.equals(type)) {
					if (handler == null) {
						removeAt(i);
					}
					else {
						current[i].callback = handler;
					}
					return;
				}
			}
			if (handler != null) {
				append(new Registration(type, handler, false, false, true));
			}
		}
	}

	/**
	 * Report an exception thrown by a listener. The default logs it at error level, as a browser reports it to
	 * the console; the dispatch continues either way.
	 * @param event the event being dispatched
	 * @param ex the exception
	 */
	protected void reportException(Event event, Throwable ex) {
		logger.error("Event listener for '" + event.getType() + "' on " + getClass().getSimpleName() + " threw", ex);
	}

	private boolean dispatch(Event event, boolean trusted) {
		Registration[] snapshot = this.listeners;
		event.beginDispatch(this, trusted);
		try {
			for (Registration registration : snapshot) {
				if (registration.removed || !registration.type.equals(event.getType())) {
					continue;
				}
				if (registration.once) {
					synchronized (this) {
						int index = indexOf(registration);
						if (index >= 0) {
							removeAt(index);
						}
					}
				}
				invoke(registration.callback, event);
				if (event.isImmediatePropagationStopped()) {
					break;
				}
			}
		}
		finally {
			event.endDispatch();
		}
		return !event.getDefaultPrevented();
	}

	private void invoke(EventListener callback, Event event) {
		try {
			callback.handleEvent(event);
		}
		catch (VirtualMachineError ex) {
			throw ex;
		}
		catch (Throwable ex) {
			try {
				reportException(event, ex);
			}
			catch (RuntimeException reportFailure) {
				// A failing reporter must not break the dispatch either.
			}
		}
	}

	private int indexOf(String type, EventListener listener, boolean capture) {
		Registration[] current = this.listeners;
		for (int i = 0; i < current.length; i++) {
			Registration registration = current[i];
			if (!registration.handler && registration.capture == capture && registration.callback == listener
					&& registration.type.equals(type)) {
				return i;
			}
		}
		return -1;
	}

	private int indexOf(Registration registration) {
		Registration[] current = this.listeners;
		for (int i = 0; i < current.length; i++) {
			if (current[i] == registration) {
				return i;
			}
		}
		return -1;
	}

	private void append(Registration registration) {
		Registration[] current = this.listeners;
		Registration[] updated = Arrays.copyOf(current, current.length + 1);
		updated[current.length] = registration;
		this.listeners = updated;
	}

	private void removeAt(int index) {
		Registration[] current = this.listeners;
		current[index].removed = true;
		Registration[] updated = new Registration[current.length - 1];
		System.arraycopy(current, 0, updated, 0, index);
		System.arraycopy(current, index + 1, updated, index, current.length - index - 1);
		this.listeners = updated;
	}

	/** One registered listener; {@code removed} stops a running dispatch from invoking it (DOM "removed" flag). */
	private static final class Registration {

		final String type;

		volatile EventListener callback;

		final boolean capture;

		final boolean once;

		final boolean handler;

		volatile boolean removed;

		Registration(String type, EventListener callback, boolean capture, boolean once, boolean handler) {
			this.type = type;
			this.callback = callback;
			this.capture = capture;
			this.once = once;
			this.handler = handler;
		}

	}

}
