/**
 * The upstream watch: checks the configured upstreams through {@code XMLHttpRequest}, on a schedule and on demand.
 */
@NullMarked
package dev.springxhr.sample.watch;

import org.jspecify.annotations.NullMarked;
