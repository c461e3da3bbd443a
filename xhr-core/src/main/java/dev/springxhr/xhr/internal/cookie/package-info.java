/**
 * Cookies (RFC 6265bis): the Set-Cookie and cookie-date parsers, the cookie jar and the public suffix list behind its
 * domain rules. Internal: no compatibility promise; used by {@code dev.springxhr.xhr}
 * only.
 */
@NullMarked
package dev.springxhr.xhr.internal.cookie;

import org.jspecify.annotations.NullMarked;
