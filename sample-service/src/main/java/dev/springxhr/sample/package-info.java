/**
 * A runnable Spring Boot application that uses spring-xhr the way a user would.
 */
@NullMarked
package dev.springxhr.sample;

import org.jspecify.annotations.NullMarked;
