/**
 * The browser's {@code XMLHttpRequest} on Spring's {@code WebClient}: create requests with an
 * {@link dev.springxhr.xhr.XhrFactory}. No Spring Boot types are used here.
 */
@NullMarked
package dev.springxhr.xhr;

import org.jspecify.annotations.NullMarked;
