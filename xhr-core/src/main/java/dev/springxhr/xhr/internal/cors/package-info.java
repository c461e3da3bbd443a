/**
 * CORS as Fetch defines it: the safelisted request rules, the CORS and preflight checks, and the preflight cache. Internal: no compatibility promise; used by {@code dev.springxhr.xhr}
 * only.
 */
@NullMarked
package dev.springxhr.xhr.internal.cors;

import org.jspecify.annotations.NullMarked;
