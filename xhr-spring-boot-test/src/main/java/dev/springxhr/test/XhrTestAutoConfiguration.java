package dev.springxhr.test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import dev.springxhr.autoconfigure.XhrAutoConfiguration;

/**
 * The beans of {@link AutoConfigureXhrTest}: imported by that annotation only, never by an application.
 */
@AutoConfiguration(before = XhrAutoConfiguration.class)
public final class XhrTestAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	XhrEventRecorder xhrEventRecorder() {
		return new XhrEventRecorder();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty("xhr.test.upstream")
	XhrTestUpstream xhrTestUpstream(Environment environment) {
		return XhrTestUpstream.to(environment.getRequiredProperty("xhr.test.upstream"));
	}

}
