/**
 * JSON as responseType "json" gives it (JavaScript's JSON.parse), and typed JSON through the WebClient's codecs. Internal: no compatibility promise; used by {@code dev.springxhr.xhr}
 * only.
 */
@NullMarked
package dev.springxhr.xhr.internal.json;

import org.jspecify.annotations.NullMarked;
