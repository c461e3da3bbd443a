/**
 * Fetch around the transport: main fetch with redirects, cookies, HTTP authentication and CORS for every hop, and
 * the response the XHR object reads. Internal: no compatibility promise; used by {@code dev.springxhr.xhr}
 * only.
 */
@NullMarked
package dev.springxhr.xhr.internal.fetch;

import org.jspecify.annotations.NullMarked;
