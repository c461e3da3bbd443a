/**
 * A second upstream with settings of its own: a factory built from the auto-configured {@code XhrFactory.Builder}.
 */
@NullMarked
package dev.springxhr.sample.partner;

import org.jspecify.annotations.NullMarked;
