/**
 * The tasks of the requests' events: the shared event executor and the per-request serial task queue. Internal: no compatibility promise; used by {@code dev.springxhr.xhr}
 * only.
 */
@NullMarked
package dev.springxhr.xhr.internal.task;

import org.jspecify.annotations.NullMarked;
