/**
 * The HTTP exchange on WebClient (Reactor Netty): request bodies and their upload progress, the response head
 * and the received body bytes. Internal: no compatibility promise; used by {@code dev.springxhr.xhr}
 * only.
 */
@NullMarked
package dev.springxhr.xhr.internal.transport;

import org.jspecify.annotations.NullMarked;
