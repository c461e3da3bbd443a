package dev.springxhr.autoconfigure;

import dev.springxhr.xhr.XhrFactory;

/**
 * Shapes every auto-configured {@link XhrFactory.Builder} — the one the auto-configured {@code XhrFactory} is built
 * from, and each one injected to build more — after the {@code xhr.*} properties and the {@link XhrSettingsCustomizer}s.
 * Customizer beans are applied in their order ({@link org.springframework.core.Ordered},
 * {@link org.springframework.core.annotation.Order}).
 */
@FunctionalInterface
public interface XhrFactoryBuilderCustomizer {

	/**
	 * Customize the builder.
	 * @param builder the builder
	 */
	void customize(XhrFactory.Builder builder);

}
