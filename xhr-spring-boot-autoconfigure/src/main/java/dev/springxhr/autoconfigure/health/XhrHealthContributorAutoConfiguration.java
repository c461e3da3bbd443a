package dev.springxhr.autoconfigure.health;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

import dev.springxhr.actuate.XhrHealthIndicator;
import dev.springxhr.actuate.XhrRequestStatistics;
import dev.springxhr.autoconfigure.XhrAutoConfiguration;
import dev.springxhr.autoconfigure.XhrProperties;
import dev.springxhr.autoconfigure.profile.XhrCookieStores;
import dev.springxhr.xhr.XhrFactory;

/**
 * Auto-configuration of the {@code xhr} health indicator (switch: {@code management.health.xhr.enabled}), when
 * Spring Boot's health support is on the classpath.
 */
@AutoConfiguration(after = XhrAutoConfiguration.class)
@ConditionalOnClass(AbstractReactiveHealthIndicator.class)
@ConditionalOnBean(XhrFactory.class)
@ConditionalOnEnabledHealthIndicator("xhr")
public final class XhrHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	XhrRequestStatistics xhrRequestStatistics(XhrProperties properties) {
		return new XhrRequestStatistics(properties.getHealth().getWindow());
	}

	@Bean
	@ConditionalOnMissingBean(name = "xhrHealthIndicator")
	XhrHealthIndicator xhrHealthIndicator(XhrFactory xhrFactory, XhrRequestStatistics statistics,
			XhrProperties properties, ObjectProvider<XhrCookieStores> cookieStores) {
		List<XhrHealthIndicator.Probe> probes = properties.getHealth()
			.getProbes()
			.entrySet()
			.stream()
			.map((entry) -> new XhrHealthIndicator.Probe(entry.getKey(), entry.getValue().getUrl(),
					entry.getValue().getExpectedStatus(), entry.getValue().getTimeout()))
			.toList();
		// A store outside the JVM is reported: unreachable, it fails every request with cookies.
		XhrCookieStores stores = cookieStores.getIfAvailable();
		XhrHealthIndicator.CookieStoreCheck cookieStore = (stores != null && !"in-memory".equals(stores.getType()))
				? new XhrHealthIndicator.CookieStoreCheck(stores.getType(), stores::check) : null;
		return new XhrHealthIndicator(xhrFactory, statistics, probes, cookieStore);
	}

}
