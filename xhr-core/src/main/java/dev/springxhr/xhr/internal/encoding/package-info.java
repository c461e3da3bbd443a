/**
 * The Encoding Standard: encoding labels, UTF-8 decoding with its error handling, and USV strings. Internal: no compatibility promise; used by {@code dev.springxhr.xhr}
 * only.
 */
@NullMarked
package dev.springxhr.xhr.internal.encoding;

import org.jspecify.annotations.NullMarked;
