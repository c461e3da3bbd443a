package dev.springxhr.test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link RecordedXhrRequest}: its event sequence, its upload's, its ready states and its
 * status.
 */
public final class RecordedXhrRequestAssert extends AbstractAssert<RecordedXhrRequestAssert, RecordedXhrRequest> {

	RecordedXhrRequestAssert(RecordedXhrRequest actual) {
		super(actual, RecordedXhrRequestAssert.class);
	}

	/**
	 * Verify the types of the events fired at the request itself, {@code readystatechange} left out, are exactly
	 * these, in this order: e.g. {@code hasEventSequence("loadstart", "progress", "load", "loadend")}.
	 * @param types the expected event types
	 * @return this assertion
	 */
	public RecordedXhrRequestAssert hasEventSequence(String... types) {
		return hasSequence("event", this.actual.eventTypes(), Arrays.asList(types));
	}

	/**
	 * Verify the types of the events fired at the request's {@code upload} object are exactly these, in order.
	 * @param types the expected upload event types, none for a request that fired none
	 * @return this assertion
	 */
	public RecordedXhrRequestAssert hasUploadEventSequence(String... types) {
		return hasSequence("upload event", this.actual.uploadEventTypes(), Arrays.asList(types));
	}

	/**
	 * Verify the states of the {@code readystatechange} events are exactly these, in order: e.g.
	 * {@code hasReadyStateSequence(1, 2, 3, 4)}.
	 * @param states the expected ready states
	 * @return this assertion
	 */
	public RecordedXhrRequestAssert hasReadyStateSequence(int... states) {
		return hasSequence("ready state", this.actual.readyStates(), IntStream.of(states).boxed().toList());
	}

	/**
	 * Verify the request's status when its last event fired.
	 * @param status the expected HTTP status (0 for a network error, a timeout or an abort)
	 * @return this assertion
	 */
	public RecordedXhrRequestAssert hasStatus(int status) {
		isNotNull();
		if (this.actual.status() != status) {
			failWithMessage("Expected %s to end with status %d but it was %d", this.actual, status,
					this.actual.status());
		}
		return this;
	}

	/**
	 * Verify the request's method.
	 * @param method the expected method
	 * @return this assertion
	 */
	public RecordedXhrRequestAssert hasMethod(String method) {
		isNotNull();
		if (!this.actual.method().equals(method)) {
			failWithMessage("Expected %s to have method %s", this.actual, method);
		}
		return this;
	}

	/**
	 * Verify the request's URL as opened.
	 * @param url the expected URL (without userinfo and fragment)
	 * @return this assertion
	 */
	public RecordedXhrRequestAssert hasUrl(String url) {
		isNotNull();
		if (!this.actual.url().toString().equals(url)) {
			failWithMessage("Expected %s to have URL %s but it was %s", this.actual, url, this.actual.url());
		}
		return this;
	}

	private <T> RecordedXhrRequestAssert hasSequence(String what, List<T> actualSequence, List<T> expected) {
		isNotNull();
		if (!actualSequence.equals(expected)) {
			failWithMessage("Expected the %s sequence%n  %s%nbut %s fired%n  %s", what, expected, this.actual,
					actualSequence);
		}
		return this;
	}

}
