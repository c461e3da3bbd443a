/**
 * The sample's own demo upstreams, so that it runs with no outside network.
 */
@NullMarked
package dev.springxhr.sample.demo;

import org.jspecify.annotations.NullMarked;
