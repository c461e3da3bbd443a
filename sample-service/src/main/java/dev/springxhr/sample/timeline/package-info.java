/**
 * The live timeline: relayed XHR events, check results and health, streamed to the page.
 */
@NullMarked
package dev.springxhr.sample.timeline;

import org.jspecify.annotations.NullMarked;
