/**
 * Benchmarks of XMLHttpRequest against raw WebClient and the JDK HttpClient: JMH, a load harness, a scale check, a
 * large-body check and the report generator of docs/performance.md.
 */
@NullMarked
package dev.springxhr.benchmarks;

import org.jspecify.annotations.NullMarked;
