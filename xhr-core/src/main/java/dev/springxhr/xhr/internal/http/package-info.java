/**
 * HTTP as Fetch defines it: tokens and header values, methods, forbidden request headers, the author request
 * headers of one request, and response header lists. Internal: no compatibility promise; used by {@code dev.springxhr.xhr}
 * only.
 */
@NullMarked
package dev.springxhr.xhr.internal.http;

import org.jspecify.annotations.NullMarked;
