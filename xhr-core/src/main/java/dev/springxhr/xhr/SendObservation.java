package dev.springxhr.xhr;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The Observation of one {@code send()}, named {@value #NAME}: it starts before {@code loadstart} and stops when the
 * send completes, after {@code loadend}. Its parent is the caller's current observation; it is the parent of
 * WebClient's per-hop {@code http.client.requests} observations, so a trace shows a send's redirects and CORS
 * preflights as its children. Its keys have low cardinality and never carry the URL: {@code method} (a method of
 * the Fetch standard, else {@code OTHER}), {@code outcome} (the event that ended the send: {@code load},
 * {@code error}, {@code timeout} or {@code abort}) and {@code status} (the HTTP status, {@code 0} without a
 * response).
 */
final class SendObservation {

	/** The name of the observation, and of the timer a meter handler makes of it. */
	static final String NAME = "xhr.request";

	private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS",
			"PATCH");

	private SendObservation() {
	}

	/**
	 * Start the observation of a send, stopped when the send's completion completes.
	 * @return the observation, or {@code null} when the factory has no (or a no-op) registry
	 */
	static @Nullable Observation start(ObservationRegistry registry, XMLHttpRequest xhr, String method,
			CompletableFuture<XMLHttpRequest> completion) {
		if (registry.isNoop()) {
			return null;
		}
		String upper = method.toUpperCase(Locale.ROOT);
		Observation observation = Observation.createNotStarted(NAME, registry)
			.contextualName("xhr " + (KNOWN_METHODS.contains(upper) ? upper : "request"))
			.lowCardinalityKeyValue("method", KNOWN_METHODS.contains(upper) ? upper : "OTHER")
			.start();
		completion.whenComplete((done, failure) -> stop(observation, xhr, failure));
		return observation;
	}

	private static void stop(Observation observation, XMLHttpRequest xhr, @Nullable Throwable failure) {
		Throwable cause = (failure instanceof CompletionException wrapped && wrapped.getCause() != null)
				? wrapped.getCause() : failure;
		String outcome = outcome(cause);
		// The request's lock is held by the thread completing the send, so the status is the send's own.
		int status = (cause == null) ? xhr.getStatus() : 0;
		observation.lowCardinalityKeyValue(KeyValue.of("outcome", outcome));
		observation.lowCardinalityKeyValue(KeyValue.of("status", Integer.toString(status)));
		if (cause != null && !"abort".equals(outcome)) {
			observation.error(cause);
		}
		observation.stop();
	}

	private static String outcome(@Nullable Throwable cause) {
		if (cause == null) {
			return "load";
		}
		if (cause instanceof DOMException exception) {
			return switch (exception.getName()) {
				case DOMException.TIMEOUT_ERROR -> "timeout";
				case DOMException.ABORT_ERROR -> "abort";
				default -> "error";
			};
		}
		return "error";
	}

}
