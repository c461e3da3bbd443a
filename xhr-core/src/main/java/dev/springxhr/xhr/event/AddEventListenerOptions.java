package dev.springxhr.xhr.event;

/**
 * Options of {@link EventTarget#addEventListener(String, EventListener, AddEventListenerOptions)}, the DOM's
 * {@code AddEventListenerOptions} dictionary. Immutable.
 */
public final class AddEventListenerOptions {

	private static final AddEventListenerOptions DEFAULTS = new AddEventListenerOptions(false, false, false);

	private static final AddEventListenerOptions ONCE = new AddEventListenerOptions(false, true, false);

	private final boolean capture;

	private final boolean once;

	private final boolean passive;

	/**
	 * Create options.
	 * @param capture whether the listener is for the capture phase; a target without a tree only uses it to tell
	 * two registrations of the same listener apart, as the DOM does
	 * @param once whether the listener is removed before it is invoked for the first time
	 * @param passive whether the listener promises not to call {@link Event#preventDefault()}
	 */
	public AddEventListenerOptions(boolean capture, boolean once, boolean passive) {
		this.capture = capture;
		this.once = once;
		this.passive = passive;
	}

	/**
	 * Return the default options: not capture, not once, not passive.
	 * @return the default options
	 */
	public static AddEventListenerOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * Return options for a listener that is invoked at most once, as {@code {once: true}}.
	 * @return options with {@code once} set
	 */
	public static AddEventListenerOptions once() {
		return ONCE;
	}

	/** @return whether the listener is for the capture phase */
	public boolean isCapture() {
		return this.capture;
	}

	/** @return whether the listener is removed before its first invocation */
	public boolean isOnce() {
		return this.once;
	}

	/** @return whether the listener promises not to cancel the event */
	public boolean isPassive() {
		return this.passive;
	}

	@Override
	public String toString() {
		return "AddEventListenerOptions[capture=" + this.capture + ", once=" + this.once + ", passive=" + this.passive
				+ "]";
	}

}
