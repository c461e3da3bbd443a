package dev.springxhr.autoconfigure.profile;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * {@link RuntimeHintsRegistrar} of profiles: with {@code xhr.profiles.scope=session}, the {@link SessionProfile}
 * is a session attribute, which a session store (Spring Session on Redis or JDBC, a servlet container persisting
 * sessions) writes and reads with Java serialization.
 */
class XhrProfilesRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.reflection().registerJavaSerialization(SessionProfile.class);
	}

}
