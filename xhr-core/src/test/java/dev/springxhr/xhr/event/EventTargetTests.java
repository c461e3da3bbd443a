package dev.springxhr.xhr.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.springxhr.xhr.DOMException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The DOM EventTarget rules the XHR objects inherit (DOM §2.7–2.10), on a plain target: no HTTP involved.
 */
class EventTargetTests {

	private final EventTarget target = new EventTarget();

	private final List<String> calls = new CopyOnWriteArrayList<>();

	@Test
	void listenersRunInRegistrationOrderAndADuplicateRegistrationIsIgnored() {
		EventListener first = (e) -> this.calls.add("first");
		this.target.addEventListener("ping", first);
		this.target.addEventListener("ping", (e) -> this.calls.add("second"));
		this.target.addEventListener("ping", first);
		this.target.addEventListener("ping", null);

		this.target.dispatchEvent(new Event("ping"));

		assertThat(this.calls).containsExactly("first", "second");
	}

	@Test
	void theSameListenerWithAnotherCaptureFlagIsASecondRegistration() {
		EventListener listener = (e) -> this.calls.add("called");
		this.target.addEventListener("ping", listener);
		this.target.addEventListener("ping", listener, new AddEventListenerOptions(true, false, false));

		this.target.dispatchEvent(new Event("ping"));
		this.target.removeEventListener("ping", listener, true);
		this.target.dispatchEvent(new Event("ping"));

		assertThat(this.calls).containsExactly("called", "called", "called");
	}

	@Test
	void onceListenerIsRemovedBeforeItsFirstCall() {
		this.target.addEventListener("ping", (e) -> {
			this.calls.add("once");
			this.target.dispatchEvent(new Event("ping"));
		}, AddEventListenerOptions.once());

		this.target.dispatchEvent(new Event("ping"));
		this.target.dispatchEvent(new Event("ping"));

		assertThat(this.calls).containsExactly("once");
	}

	@Test
	void dispatchEventOfAnEventBeingDispatchedThrowsInvalidStateError() {
		List<DOMException> thrown = new CopyOnWriteArrayList<>();
		this.target.addEventListener("ping", (e) -> {
			try {
				this.target.dispatchEvent(e);
			}
			catch (DOMException ex) {
				thrown.add(ex);
			}
		});

		this.target.dispatchEvent(new Event("ping"));

		assertThat(thrown).singleElement().extracting(DOMException::getName).isEqualTo("InvalidStateError");
	}

	@Test
	void dispatchedByTheCallerIsUntrustedAndTargetIsSetOnlyDuringDispatch() {
		Event event = new Event("ping");
		this.target.addEventListener("ping", (e) -> this.calls.add(e.isTrusted() + " " + (e.getCurrentTarget() == this.target)
				+ " " + e.getEventPhase()));

		this.target.dispatchEvent(event);

		assertThat(this.calls).containsExactly("false true 2");
		assertThat(event.getTarget()).isSameAs(this.target);
		assertThat(event.getCurrentTarget()).isNull();
		assertThat(event.getEventPhase()).isEqualTo(Event.NONE);
	}

	@Test
	void stopImmediatePropagationSkipsTheRemainingListeners() {
		this.target.addEventListener("ping", (e) -> {
			this.calls.add("first");
			e.stopImmediatePropagation();
		});
		this.target.addEventListener("ping", (e) -> this.calls.add("second"));

		this.target.dispatchEvent(new Event("ping"));

		assertThat(this.calls).containsExactly("first");
	}

	@Test
	void aListenerRemovedDuringDispatchIsNotCalledAndOneAddedIsNotCalledEither() {
		EventListener second = (e) -> this.calls.add("second");
		this.target.addEventListener("ping", (e) -> {
			this.calls.add("first");
			this.target.removeEventListener("ping", second);
			this.target.addEventListener("ping", (x) -> this.calls.add("added"));
		});
		this.target.addEventListener("ping", second);

		this.target.dispatchEvent(new Event("ping"));

		assertThat(this.calls).containsExactly("first");
	}

	@Test
	void aThrowingListenerIsReportedAndTheOthersStillRun() {
		List<Throwable> reported = new CopyOnWriteArrayList<>();
		EventTarget reporting = new EventTarget() {
			@Override
			protected void reportException(Event event, Throwable ex) {
				reported.add(ex);
			}
		};
		reporting.addEventListener("ping", (e) -> {
			throw new IllegalStateException("boom");
		});
		reporting.addEventListener("ping", (e) -> this.calls.add("after"));

		boolean notCanceled = reporting.dispatchEvent(new Event("ping"));

		assertThat(notCanceled).isTrue();
		assertThat(reported).singleElement().extracting(Throwable::getMessage).isEqualTo("boom");
		assertThat(this.calls).containsExactly("after");
	}

	@Test
	void preventDefaultOnlyCancelsCancelableEvents() {
		this.target.addEventListener("ping", Event::preventDefault);

		assertThat(this.target.dispatchEvent(new Event("ping", false, true))).isFalse();
		assertThat(this.target.dispatchEvent(new Event("ping", false, false))).isTrue();
	}

	@Test
	void progressEventCarriesItsCounts() {
		ProgressEvent event = new ProgressEvent("progress", true, 5, 10);

		assertThat(event.getLengthComputable()).isTrue();
		assertThat(event.getLoaded()).isEqualTo(5);
		assertThat(event.getTotal()).isEqualTo(10);
		assertThat(event.getBubbles()).isFalse();
		assertThat(event.getCancelable()).isFalse();
	}

}
