/**
 * Synchronous XHR and the {@code sync-xhr} policy.
 */
@NullMarked
package dev.springxhr.sample.sync;

import org.jspecify.annotations.NullMarked;
