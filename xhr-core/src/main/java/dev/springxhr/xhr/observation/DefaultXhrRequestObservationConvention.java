package dev.springxhr.xhr.observation;

import java.util.Locale;
import java.util.Set;

import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * The default names and keys of {@code xhr.request} observations, all of low cardinality and none carrying the URL:
 * {@code method} (a method of the Fetch standard, else {@code OTHER}), {@code outcome} ({@code load}, {@code error},
 * {@code timeout}, {@code abort}; {@code none} while running) and {@code status} (the HTTP status, {@code 0} without
 * a response). The contextual name, a span's name, is {@code xhr GET} ({@code xhr request} for other methods).
 */
public class DefaultXhrRequestObservationConvention implements XhrRequestObservationConvention {

	/** The name of the observation, and of the timer a meter handler makes of it. */
	public static final String NAME = "xhr.request";

	private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS",
			"PATCH");

	/** Create the default convention; subclasses may add or change keys. */
	public DefaultXhrRequestObservationConvention() {
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(XhrRequestObservationContext context) {
		String method = knownMethod(context);
		return "xhr " + ((method != null) ? method : "request");
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(XhrRequestObservationContext context) {
		String method = knownMethod(context);
		String outcome = context.getOutcome();
		return KeyValues.of("method", (method != null) ? method : "OTHER", "outcome",
				(outcome != null) ? outcome : "none", "status", Integer.toString(context.getStatus()));
	}

	private static @Nullable String knownMethod(XhrRequestObservationContext context) {
		String upper = context.getMethod().toUpperCase(Locale.ROOT);
		return KNOWN_METHODS.contains(upper) ? upper : null;
	}

}
