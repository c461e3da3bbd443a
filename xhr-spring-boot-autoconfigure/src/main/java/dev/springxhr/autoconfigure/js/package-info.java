/**
 * Auto-configuration of the GraalJS bridge: {@link dev.springxhr.autoconfigure.js.XhrJsContexts} creates
 * JavaScript contexts on the application's {@code XhrFactory}.
 */
@NullMarked
package dev.springxhr.autoconfigure.js;

import org.jspecify.annotations.NullMarked;
