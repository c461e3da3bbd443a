package dev.springxhr.xhr.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What an {@code xhr.request} observation knows of its send: the method when it starts; the outcome and the status
 * when it stops. It deliberately holds no URL and no header, so that no convention can leak credentials by accident.
 */
public class XhrRequestObservationContext extends Observation.Context {

	private final String method;

	private @Nullable String outcome;

	private int status;

	/**
	 * Create the context of one send.
	 * @param method the request method, as {@code open()} normalized it
	 */
	public XhrRequestObservationContext(String method) {
		this.method = method;
	}

	/**
	 * Return the request method.
	 * @return the method, as {@code open()} normalized it (standard methods in upper case, others as given)
	 */
	public String getMethod() {
		return this.method;
	}

	/**
	 * Return how the send ended.
	 * @return the type of the event that ended it — {@code load}, {@code error}, {@code timeout} or {@code abort} —
	 * or {@code null} while it runs
	 */
	public @Nullable String getOutcome() {
		return this.outcome;
	}

	/**
	 * Return the HTTP status of the response.
	 * @return the status, {@code 0} while there is none and when the send failed
	 */
	public int getStatus() {
		return this.status;
	}

	/**
	 * Record how the send ended; the engine calls this just before it stops the observation.
	 * @param outcome the type of the event that ended the send
	 * @param status the HTTP status, {@code 0} without a response
	 */
	public void setEnd(String outcome, int status) {
		this.outcome = outcome;
		this.status = status;
	}

}
