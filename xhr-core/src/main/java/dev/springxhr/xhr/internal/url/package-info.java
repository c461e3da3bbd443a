/**
 * The URL Standard as requests need it: parsing request URLs, hosts, IP literals, percent-encoding, the
 * application/x-www-form-urlencoded format, origins, and Fetch's data: URL processor. Internal: no compatibility promise; used by {@code dev.springxhr.xhr}
 * only.
 */
@NullMarked
package dev.springxhr.xhr.internal.url;

import org.jspecify.annotations.NullMarked;
