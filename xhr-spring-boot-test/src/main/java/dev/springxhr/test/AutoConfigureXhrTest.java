package dev.springxhr.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * On a {@code @SpringBootTest} class: an {@link XhrEventRecorder} bean that records the requests of every factory
 * built by the auto-configured builder (cleared before each test method), and, when the property
 * {@code xhr.test.upstream} is set (e.g. from a {@code @DynamicPropertySource} to a WireMock's base URL), an
 * {@link XhrTestUpstream} pointing every request at it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration(XhrTestAutoConfiguration.class)
public @interface AutoConfigureXhrTest {

}
