package dev.springxhr.autoconfigure;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event sequences an asynchronous GET may have (XHR §4.5.6 send(), §4.5.7 abort(), "request error steps"), as
 * {@code type@readyState}: the success path, or a prefix of it followed by readystatechange(4) and one of
 * abort/error/timeout, then loadend.
 */
final class SequenceRules {

	private SequenceRules() {
	}

	/**
	 * Assert that the sequence is one of these.
	 * @param events the events
	 * @return how the request ended: load, abort, error or timeout
	 */
	static String check(List<String> events) {
		assertThat(events).as("a request's events").isNotEmpty();
		assertThat(events.get(0)).as("%s", events).isEqualTo("readystatechange@1");
		assertThat(events.get(1)).as("%s", events).isEqualTo("loadstart@1");
		int end = events.size();
		String last = events.get(end - 1);
		assertThat(last).as("the last event of %s", events).startsWith("loadend@");
		String outcome = events.get(end - 2);
		String type = outcome.substring(0, outcome.indexOf('@'));
		assertThat(type).as("the event before loadend in %s", events).isIn("load", "abort", "error", "timeout");
		assertThat(events.get(end - 3)).as("%s", events).isEqualTo("readystatechange@4");
		// abort() sets the state to UNSENT after its events (§4.5.7 step 4); the listeners of loadend saw DONE.
		assertThat(outcome).as("%s", events).isEqualTo(type + "@4");
		assertThat(last).as("%s", events).isEqualTo("loadend@4");
		// Between loadstart and readystatechange(4): headers received once, then LOADING with its progress events.
		List<String> middle = events.subList(2, end - 3);
		int state = 1;
		for (String event : middle) {
			if (event.equals("readystatechange@2")) {
				assertThat(state).as("%s", events).isEqualTo(1);
				state = 2;
			}
			else if (event.equals("readystatechange@3")) {
				assertThat(state).as("%s", events).isIn(2, 3);
				state = 3;
			}
			else {
				assertThat(event).as("%s", events).isEqualTo("progress@3");
				assertThat(state).as("%s", events).isEqualTo(3);
			}
		}
		if (type.equals("load")) {
			assertThat(state).as("a load comes after the body: %s", events).isIn(2, 3);
		}
		return type;
	}

}
