/**
 * The SSRF guard's machinery: IP networks, host patterns and the rules checked on every hop and connection. Internal: no compatibility promise; used by {@code dev.springxhr.xhr}
 * only.
 */
@NullMarked
package dev.springxhr.xhr.internal.net;

import org.jspecify.annotations.NullMarked;
