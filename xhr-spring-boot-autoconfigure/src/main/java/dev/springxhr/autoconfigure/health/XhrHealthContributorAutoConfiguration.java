package dev.springxhr.autoconfigure.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.context.annotation.Bean;

import dev.springxhr.actuate.XhrHealthIndicator;
import dev.springxhr.actuate.XhrRequestStatisticsRegistry;
import dev.springxhr.autoconfigure.XhrAutoConfiguration;
import dev.springxhr.autoconfigure.XhrProperties;
import dev.springxhr.autoconfigure.profile.XhrCookieStores;
import dev.springxhr.xhr.XhrFactory;

/**
 * Auto-configuration of the {@code xhr} health contributor (switch: {@code management.health.xhr.enabled}), when
 * Spring Boot's health support is on the classpath: the {@link XhrHealthIndicator} of the context's one
 * {@link XhrFactory}, or, with several, a composite of one indicator per factory, by bean name.
 */
@AutoConfiguration(after = XhrAutoConfiguration.class)
@ConditionalOnClass(AbstractReactiveHealthIndicator.class)
@ConditionalOnBean(XhrFactory.class)
@ConditionalOnEnabledHealthIndicator("xhr")
public final class XhrHealthContributorAutoConfiguration {

	/** The bean name of the auto-configured factory, where probes go when there are several. */
	private static final String DEFAULT_FACTORY = "xhrFactory";

	@Bean
	@ConditionalOnMissingBean
	XhrRequestStatisticsRegistry xhrRequestStatisticsRegistry(XhrProperties properties) {
		return new XhrRequestStatisticsRegistry(properties.getHealth().getWindow());
	}

	@Bean
	@ConditionalOnMissingBean(name = { "xhrHealthIndicator", "xhrHealthContributor" })
	ReactiveHealthContributor xhrHealthContributor(ListableBeanFactory beanFactory,
			XhrRequestStatisticsRegistry statistics, XhrProperties properties,
			ObjectProvider<XhrCookieStores> cookieStores) {
		// Every factory bean, those declared with defaultCandidate = false (the way to add one beside the
		// auto-configured factory) included: injecting a Map would leave them out.
		Map<String, XhrFactory> factories = beanFactory.getBeansOfType(XhrFactory.class);
		Map<String, List<XhrHealthIndicator.Probe>> probes = probesByFactory(properties, factories);
		// A store outside the JVM is reported: unreachable, it fails every request with cookies.
		XhrCookieStores stores = cookieStores.getIfAvailable();
		XhrHealthIndicator.CookieStoreCheck cookieStore = (stores != null && !"in-memory".equals(stores.getType()))
				? new XhrHealthIndicator.CookieStoreCheck(stores.getType(), stores::check) : null;
		Map<String, XhrHealthIndicator> indicators = new LinkedHashMap<>();
		factories.forEach((name, factory) -> {
			// Factories built by the auto-configured builder have statistics and use the profiles' cookie stores.
			boolean built = statistics.get(factory) != null;
			indicators.put(name, new XhrHealthIndicator(factory, statistics.get(factory),
					probes.getOrDefault(name, List.of()), built ? cookieStore : null));
		});
		return (indicators.size() == 1) ? indicators.values().iterator().next()
				: CompositeReactiveHealthContributor.fromMap(indicators);
	}

	private static Map<String, List<XhrHealthIndicator.Probe>> probesByFactory(XhrProperties properties,
			Map<String, XhrFactory> factories) {
		Map<String, List<XhrHealthIndicator.Probe>> probes = new LinkedHashMap<>();
		properties.getHealth().getProbes().forEach((name, probe) -> {
			String factory = factoryOf(name, probe.getFactory(), factories);
			probes.computeIfAbsent(factory, (key) -> new ArrayList<>())
				.add(new XhrHealthIndicator.Probe(name, probe.getUrl(), probe.getExpectedStatus(), probe.getTimeout()));
		});
		return probes;
	}

	private static String factoryOf(String probe, @Nullable String named, Map<String, XhrFactory> factories) {
		String property = "xhr.health.probes." + probe + ".factory";
		if (named != null) {
			if (!factories.containsKey(named)) {
				throw new InvalidConfigurationPropertyValueException(property, named,
						"There is no XhrFactory bean of that name; the XhrFactory beans are " + factories.keySet());
			}
			return named;
		}
		if (factories.size() == 1) {
			return factories.keySet().iterator().next();
		}
		if (factories.containsKey(DEFAULT_FACTORY)) {
			return DEFAULT_FACTORY;
		}
		throw new InvalidConfigurationPropertyValueException(property, null,
				"The context has several XhrFactory beans " + factories.keySet() + "; name the probe's");
	}

}
