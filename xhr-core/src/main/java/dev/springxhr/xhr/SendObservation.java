package dev.springxhr.xhr;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.observation.DefaultXhrRequestObservationConvention;
import dev.springxhr.xhr.observation.XhrRequestObservationContext;
import dev.springxhr.xhr.observation.XhrRequestObservationConvention;

/**
 * The Observation of one {@code send()}, {@code xhr.request}: it starts before {@code loadstart} and stops when the
 * send ends, just before its completion completes. Its parent is the caller's current observation; it is the parent
 * of WebClient's per-hop {@code http.client.requests} observations, so a trace shows a send's redirects and CORS
 * preflights as its children. A {@link XhrRequestObservationConvention} registered globally with the registry
 * replaces the {@link DefaultXhrRequestObservationConvention default} names and keys.
 */
final class SendObservation {

	private static final XhrRequestObservationConvention DEFAULT_CONVENTION =
			new DefaultXhrRequestObservationConvention();

	private final Observation observation;

	private final XhrRequestObservationContext context;

	private SendObservation(Observation observation, XhrRequestObservationContext context) {
		this.observation = observation;
		this.context = context;
	}

	/**
	 * Start the observation of a send.
	 * @return the observation, or {@code null} when the factory has no (or a no-op) registry
	 */
	static @Nullable SendObservation start(ObservationRegistry registry, String method) {
		if (registry.isNoop()) {
			return null;
		}
		XhrRequestObservationContext context = new XhrRequestObservationContext(method);
		Observation observation = Observation
			.createNotStarted((XhrRequestObservationConvention) null, DEFAULT_CONVENTION, () -> context, registry)
			.start();
		return new SendObservation(observation, context);
	}

	/** The observation, the parent of the WebClient's. */
	Observation observation() {
		return this.observation;
	}

	/**
	 * Make a send's observation the current one while its fetch starts.
	 * @param observation the send's observation, or {@code null} when it is not observed
	 * @return the scope to close
	 */
	static Observation.Scope openScope(@Nullable Observation observation) {
		return (observation != null) ? observation.openScope() : Observation.Scope.NOOP;
	}

	/**
	 * Record the end and stop: an error or a timeout is the observation's error; an abort is the caller's choice
	 * and is not.
	 * @param outcome the type of the event that ended the send: {@code load}, {@code error}, {@code timeout} or
	 * {@code abort}
	 * @param failure the exception of an error, a timeout or an abort, {@code null} for a load
	 * @param status the HTTP status, {@code 0} without a response
	 */
	void stop(String outcome, @Nullable DOMException failure, int status) {
		this.context.setEnd(outcome, status);
		if (failure != null && !XMLHttpRequestEventTarget.ABORT.equals(outcome)) {
			this.observation.error(failure);
		}
		this.observation.stop();
	}

}
