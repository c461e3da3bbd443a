package dev.springxhr.xhr.event;

import org.jspecify.annotations.Nullable;

/**
 * A DOM {@code Event}. Events created by the engine are trusted ({@link #isTrusted()}), do not bubble and are not
 * cancelable, as every event of {@code XMLHttpRequest}.
 *
 * <p>An event is only valid during its dispatch: keep the values you need, not the event.
 */
public class Event {

	/** {@link #getEventPhase()} when the event is not being dispatched. */
	public static final short NONE = 0;

	/** {@link #getEventPhase()} while the event is dispatched at its target. */
	public static final short AT_TARGET = 2;

	private final String type;

	private final boolean bubbles;

	private final boolean cancelable;

	private final long timeStamp;

	private @Nullable EventTarget target;

	private @Nullable EventTarget currentTarget;

	private boolean trusted;

	private boolean dispatching;

	private boolean stopPropagation;

	private boolean stopImmediatePropagation;

	private boolean canceled;

	/**
	 * Create an untrusted event that does not bubble and is not cancelable, as {@code new Event(type)}.
	 * @param type the event type, e.g. {@code "load"}
	 */
	public Event(String type) {
		this(type, false, false);
	}

	/**
	 * Create an untrusted event, as {@code new Event(type, {bubbles, cancelable})}.
	 * @param type the event type
	 * @param bubbles whether the event bubbles
	 * @param cancelable whether the event is cancelable
	 */
	public Event(String type, boolean bubbles, boolean cancelable) {
		if (type == null) {
			throw new IllegalArgumentException("'type' must not be null");
		}
		this.type = type;
		this.bubbles = bubbles;
		this.cancelable = cancelable;
		this.timeStamp = System.currentTimeMillis();
	}

	/**
	 * Return the event type.
	 * @return the type, e.g. {@code "readystatechange"}
	 */
	public String getType() {
		return this.type;
	}

	/**
	 * Return the object the event was dispatched at, or {@code null} before the dispatch.
	 * @return the target
	 */
	public @Nullable EventTarget getTarget() {
		return this.target;
	}

	/**
	 * Return the object whose listener is being invoked, or {@code null} outside a dispatch.
	 * @return the current target
	 */
	public @Nullable EventTarget getCurrentTarget() {
		return this.currentTarget;
	}

	/**
	 * Return the phase of the dispatch: {@link #AT_TARGET} while listeners run, else {@link #NONE}.
	 * @return the event phase
	 */
	public short getEventPhase() {
		return this.dispatching ? AT_TARGET : NONE;
	}

	/**
	 * Return when the event was created, in milliseconds since the Unix epoch. A browser measures from the page's
	 * time origin; a server has no page, so the epoch is the origin.
	 * @return the creation time in epoch milliseconds
	 */
	public long getTimeStamp() {
		return this.timeStamp;
	}

	/**
	 * Return whether the event bubbles.
	 * @return {@code false} for every event of XMLHttpRequest
	 */
	public boolean getBubbles() {
		return this.bubbles;
	}

	/**
	 * Return whether the event is cancelable.
	 * @return {@code false} for every event of XMLHttpRequest
	 */
	public boolean getCancelable() {
		return this.cancelable;
	}

	/**
	 * Return whether the engine created and dispatched the event (as opposed to {@link EventTarget#dispatchEvent}).
	 * @return whether the event is trusted
	 */
	public boolean isTrusted() {
		return this.trusted;
	}

	/**
	 * Return whether {@link #preventDefault()} took effect (only for cancelable events).
	 * @return whether the event was canceled
	 */
	public boolean getDefaultPrevented() {
		return this.canceled;
	}

	/** Cancel the event if it is cancelable; no effect otherwise. */
	public void preventDefault() {
		if (this.cancelable) {
			this.canceled = true;
		}
	}

	/** Stop propagation to other targets; a target without a tree has none, so listeners of this target still run. */
	public void stopPropagation() {
		this.stopPropagation = true;
	}

	/** Stop the dispatch: no further listener is invoked for this event. */
	public void stopImmediatePropagation() {
		this.stopPropagation = true;
		this.stopImmediatePropagation = true;
	}

	boolean isDispatching() {
		return this.dispatching;
	}

	boolean isImmediatePropagationStopped() {
		return this.stopImmediatePropagation;
	}

	void beginDispatch(EventTarget target, boolean trusted) {
		this.trusted = trusted;
		this.dispatching = true;
		this.target = target;
		this.currentTarget = target;
	}

	void endDispatch() {
		// DOM dispatch: the flags are cleared and currentTarget unset when the dispatch ends.
		this.dispatching = false;
		this.currentTarget = null;
		this.stopPropagation = false;
		this.stopImmediatePropagation = false;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[type=" + this.type + "]";
	}

}
