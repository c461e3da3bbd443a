/**
 * Observability of XHR traffic: request statistics, the {@code xhr} health indicator and Micrometer metrics.
 */
@NullMarked
package dev.springxhr.actuate;

import org.jspecify.annotations.NullMarked;
