/**
 * Micrometer Observation of XHR sends: each {@code send()} is an {@code xhr.request} observation, described by an
 * {@link dev.springxhr.xhr.observation.XhrRequestObservationContext} and named and keyed by an
 * {@link dev.springxhr.xhr.observation.XhrRequestObservationConvention} (by default
 * {@link dev.springxhr.xhr.observation.DefaultXhrRequestObservationConvention}).
 */
@NullMarked
package dev.springxhr.xhr.observation;

import org.jspecify.annotations.NullMarked;
