/**
 * XMLHttpRequest for JavaScript on the JVM: {@link dev.springxhr.js.XhrJsContext} is a GraalJS context whose
 * {@code XMLHttpRequest}, events, {@code DOMException}, timers and microtasks are WebIDL-shaped globals over
 * spring-xhr's engine, with an event loop of its own.
 */
@NullMarked
package dev.springxhr.js;

import org.jspecify.annotations.NullMarked;
