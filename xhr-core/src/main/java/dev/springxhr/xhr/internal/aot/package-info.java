/**
 * What a GraalVM native image of an application using the engine must know in advance: the engine's
 * {@code RuntimeHints}, registered through {@code META-INF/spring/aot.factories}. Internal: no compatibility promise.
 */
@NullMarked
package dev.springxhr.xhr.internal.aot;

import org.jspecify.annotations.NullMarked;
