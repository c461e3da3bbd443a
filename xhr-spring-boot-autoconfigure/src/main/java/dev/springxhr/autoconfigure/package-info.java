/**
 * Spring Boot auto-configuration of spring-xhr: the {@code XhrFactory} bean, {@code xhr.*} properties, and XHR
 * events as Spring application events.
 */
@NullMarked
package dev.springxhr.autoconfigure;

import org.jspecify.annotations.NullMarked;
