package dev.springxhr.autoconfigure.js;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.springxhr.autoconfigure.XhrAutoConfiguration;
import dev.springxhr.js.XhrJsContext;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.XhrSettings;

/**
 * Auto-configuration of JavaScript contexts on the GraalJS bridge, when {@code xhr-graaljs} is on the classpath:
 * {@link XhrJsContexts} on the application's {@link XhrFactory}, whose global scope ({@code xhr.global-scope}) the
 * scripts get too.
 */
@AutoConfiguration(after = XhrAutoConfiguration.class)
@ConditionalOnClass(XhrJsContext.class)
@ConditionalOnBean(XhrFactory.class)
public final class XhrJsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	XhrJsContexts xhrJsContexts(XhrFactory xhrFactory, XhrSettings settings) {
		return new XhrJsContexts(xhrFactory, settings.globalScope());
	}

}
