package dev.springxhr.xhr.event;

/**
 * A DOM {@code ProgressEvent}: the events of {@code XMLHttpRequest} and its upload object other than
 * {@code readystatechange}.
 *
 * @see <a href="https://xhr.spec.whatwg.org/#interface-progressevent">XHR §6 Interface ProgressEvent</a>
 */
public class ProgressEvent extends Event {

	private final boolean lengthComputable;

	private final long loaded;

	private final long total;

	/**
	 * Create an untrusted progress event with {@code lengthComputable = false, loaded = 0, total = 0}.
	 * @param type the event type
	 */
	public ProgressEvent(String type) {
		this(type, false, 0, 0);
	}

	/**
	 * Create an untrusted progress event, as {@code new ProgressEvent(type, {lengthComputable, loaded, total})}.
	 * @param type the event type
	 * @param lengthComputable whether {@code total} is known
	 * @param loaded the bytes transferred so far
	 * @param total the total bytes, or 0 when unknown
	 */
	public ProgressEvent(String type, boolean lengthComputable, long loaded, long total) {
		super(type);
		this.lengthComputable = lengthComputable;
		this.loaded = loaded;
		this.total = total;
	}

	/**
	 * Return whether the total length is known.
	 * @return whether {@link #getTotal()} is meaningful
	 */
	public boolean getLengthComputable() {
		return this.lengthComputable;
	}

	/**
	 * Return the bytes transferred so far (for the response: of the decoded body).
	 * @return the loaded byte count
	 */
	public long getLoaded() {
		return this.loaded;
	}

	/**
	 * Return the total bytes, or 0 when not {@linkplain #getLengthComputable() computable}.
	 * @return the total byte count
	 */
	public long getTotal() {
		return this.total;
	}

	@Override
	public String toString() {
		return "ProgressEvent[type=" + getType() + ", loaded=" + this.loaded + ", total=" + this.total
				+ ", lengthComputable=" + this.lengthComputable + "]";
	}

}
