package dev.springxhr.autoconfigure;

import dev.springxhr.xhr.XhrSettings;

/**
 * Changes the auto-configured {@link XhrSettings}, which start from the bound {@code xhr.*} properties: declaring one
 * to change one value keeps every other property. Customizer beans are applied in their order
 * ({@link org.springframework.core.Ordered}, {@link org.springframework.core.annotation.Order}).
 */
@FunctionalInterface
public interface XhrSettingsCustomizer {

	/**
	 * Customize the settings.
	 * @param settings the settings so far (the properties', and earlier customizers' changes)
	 * @return the settings to use, e.g. {@code settings.withMaxRedirects(5)}
	 */
	XhrSettings customize(XhrSettings settings);

}
