/**
 * Testing code that uses {@code XhrFactory}: {@link dev.springxhr.test.XhrEventRecorder} records the events of
 * requests for AssertJ assertions, {@link dev.springxhr.test.XhrTestUpstream} points the application's factories at a
 * mock server, and {@link dev.springxhr.test.AutoConfigureXhrTest} sets both up in a {@code @SpringBootTest}.
 */
@NullMarked
package dev.springxhr.test;

import org.jspecify.annotations.NullMarked;
