/**
 * Auto-configuration of the Micrometer metrics of XHR traffic.
 */
@NullMarked
package dev.springxhr.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
