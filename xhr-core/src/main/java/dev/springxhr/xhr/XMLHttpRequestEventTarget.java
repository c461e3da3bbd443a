package dev.springxhr.xhr;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.event.Event;
import dev.springxhr.xhr.event.EventListener;
import dev.springxhr.xhr.event.EventTarget;
import dev.springxhr.xhr.event.ProgressEvent;
import dev.springxhr.xhr.event.XhrEventType;

/**
 * The target of XHR's seven progress events, shared by {@link XMLHttpRequest} and its
 * {@link XMLHttpRequestUpload}: {@code loadstart}, {@code progress}, {@code abort}, {@code error}, {@code load},
 * {@code timeout} and {@code loadend}, each with an {@code on…} event handler.
 *
 * @see <a href="https://xhr.spec.whatwg.org/#xmlhttprequesteventtarget">XHR §3.1 XMLHttpRequestEventTarget</a>
 */
public class XMLHttpRequestEventTarget extends EventTarget {

	// The DOM dispatches by type string: the send paths fire these, the strings of XhrEventType's constants.
	static final String LOADSTART = XhrEventType.LOADSTART.type();

	static final String PROGRESS = XhrEventType.PROGRESS.type();

	static final String ABORT = XhrEventType.ABORT.type();

	static final String ERROR = XhrEventType.ERROR.type();

	static final String LOAD = XhrEventType.LOAD.type();

	static final String TIMEOUT = XhrEventType.TIMEOUT.type();

	static final String LOADEND = XhrEventType.LOADEND.type();

	/** What tells the factory's observer about this target's events; {@code null} when nothing observes. */
	private @Nullable EventReporter reporter;

	/** Whether this is the upload object, whose events the observer sees as upload events. */
	private boolean upload;

	XMLHttpRequestEventTarget() {
	}

	final void reportTo(EventReporter reporter, boolean upload) {
		this.reporter = reporter;
		this.upload = upload;
	}

	/** @return the {@code loadstart} handler, or {@code null} */
	public @Nullable EventListener getOnloadstart() {
		return getEventHandler(LOADSTART);
	}

	/** @param handler the {@code loadstart} handler, or {@code null} to remove it */
	public void setOnloadstart(@Nullable EventListener handler) {
		setEventHandler(LOADSTART, handler);
	}

	/** @return the {@code progress} handler, or {@code null} */
	public @Nullable EventListener getOnprogress() {
		return getEventHandler(PROGRESS);
	}

	/** @param handler the {@code progress} handler, or {@code null} to remove it */
	public void setOnprogress(@Nullable EventListener handler) {
		setEventHandler(PROGRESS, handler);
	}

	/** @return the {@code abort} handler, or {@code null} */
	public @Nullable EventListener getOnabort() {
		return getEventHandler(ABORT);
	}

	/** @param handler the {@code abort} handler, or {@code null} to remove it */
	public void setOnabort(@Nullable EventListener handler) {
		setEventHandler(ABORT, handler);
	}

	/** @return the {@code error} handler, or {@code null} */
	public @Nullable EventListener getOnerror() {
		return getEventHandler(ERROR);
	}

	/** @param handler the {@code error} handler, or {@code null} to remove it */
	public void setOnerror(@Nullable EventListener handler) {
		setEventHandler(ERROR, handler);
	}

	/** @return the {@code load} handler, or {@code null} */
	public @Nullable EventListener getOnload() {
		return getEventHandler(LOAD);
	}

	/** @param handler the {@code load} handler, or {@code null} to remove it */
	public void setOnload(@Nullable EventListener handler) {
		setEventHandler(LOAD, handler);
	}

	/** @return the {@code timeout} handler, or {@code null} */
	public @Nullable EventListener getOntimeout() {
		return getEventHandler(TIMEOUT);
	}

	/** @param handler the {@code timeout} handler, or {@code null} to remove it */
	public void setOntimeout(@Nullable EventListener handler) {
		setEventHandler(TIMEOUT, handler);
	}

	/** @return the {@code loadend} handler, or {@code null} */
	public @Nullable EventListener getOnloadend() {
		return getEventHandler(LOADEND);
	}

	/** @param handler the {@code loadend} handler, or {@code null} to remove it */
	public void setOnloadend(@Nullable EventListener handler) {
		setEventHandler(LOADEND, handler);
	}

	boolean hasAnyListeners() {
		return hasAnyEventListener();
	}

	/**
	 * XHR "fire a progress event" with (transmitted, length): {@code total} and {@code lengthComputable} only
	 * when the length is known. No event is built when nothing listens.
	 */
	final void fireProgressEvent(String type, long transmitted, long length) {
		boolean computable = length > 0;
		long total = computable ? length : 0;
		observe(type, transmitted, total, computable);
		if (hasEventListener(type)) {
			fireEvent(new ProgressEvent(type, computable, transmitted, total));
		}
	}

	final void fireSimpleEvent(String type) {
		observe(type, 0, 0, false);
		if (hasEventListener(type)) {
			fireEvent(new Event(type));
		}
	}

	/** Tell the factory's observer about an event, before its listeners run (so nested events follow it). */
	private void observe(String type, long loaded, long total, boolean computable) {
		EventReporter current = this.reporter;
		if (current != null) {
			current.report(type, this.upload, loaded, total, computable);
		}
	}

}
