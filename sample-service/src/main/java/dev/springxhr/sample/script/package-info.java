/**
 * A check written in JavaScript, run through the GraalJS bridge.
 */
@NullMarked
package dev.springxhr.sample.script;

import org.jspecify.annotations.NullMarked;
