package dev.springxhr.xhr.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and keys {@code xhr.request} observations. Register an implementation that is also a
 * {@link io.micrometer.observation.GlobalObservationConvention} with the {@code ObservationRegistry} (Spring Boot
 * does so for such beans) to replace or extend {@link DefaultXhrRequestObservationConvention}.
 */
public interface XhrRequestObservationConvention extends ObservationConvention<XhrRequestObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof XhrRequestObservationContext;
	}

}
