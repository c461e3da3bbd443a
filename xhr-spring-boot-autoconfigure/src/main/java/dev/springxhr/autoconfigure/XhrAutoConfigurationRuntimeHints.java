package dev.springxhr.autoconfigure;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * {@link RuntimeHintsRegistrar} of the auto-configuration's reflection: the relay's check for application listeners
 * ({@link XhrApplicationEventListeners}) calls a protected method of Spring's multicaster. Without the hint, a native
 * image does not find the method, and every XHR event is published, listened to or not.
 */
class XhrAutoConfigurationRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		Method lookup = XhrApplicationEventListeners.lookup();
		if (lookup != null) {
			hints.reflection().registerMethod(lookup, ExecutableMode.INVOKE);
		}
	}

}
