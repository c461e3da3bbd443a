package dev.springxhr.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.springxhr.actuate.XhrMetricsObserver;

/**
 * Auto-configuration of the Micrometer metrics of XHR traffic ({@code xhr.requests}, {@code xhr.requests.active}),
 * when a {@link MeterRegistry} exists.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" },
		beforeName = "dev.springxhr.autoconfigure.XhrAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public final class XhrMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	XhrMetricsObserver xhrMetricsObserver(MeterRegistry meterRegistry) {
		return new XhrMetricsObserver(meterRegistry);
	}

}
