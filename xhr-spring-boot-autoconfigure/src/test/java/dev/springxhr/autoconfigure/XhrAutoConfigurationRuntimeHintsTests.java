package dev.springxhr.autoconfigure;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.AbstractApplicationEventMulticaster;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configuration's runtime hints ({@link XhrAutoConfigurationRuntimeHints}) cover the method the relay's
 * listener check calls reflectively; the module's registrars (with the profiles' one) load from its
 * {@code aot.factories}.
 */
class XhrAutoConfigurationRuntimeHintsTests {

	@Test
	void theModulesRegistrarsAreListedInAotFactories() {
		assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)).extracting((registrar) -> registrar.getClass().getName())
			.contains(XhrAutoConfigurationRuntimeHints.class.getName(),
					"dev.springxhr.autoconfigure.profile.XhrProfilesRuntimeHints");
	}

	@Test
	void theMulticastersListenerLookUpIsRegisteredForInvocation() throws NoSuchMethodException {
		RuntimeHints hints = new RuntimeHints();
		new XhrAutoConfigurationRuntimeHints().registerHints(hints, getClass().getClassLoader());
		Method lookup = AbstractApplicationEventMulticaster.class.getDeclaredMethod("getApplicationListeners",
				ApplicationEvent.class, ResolvableType.class);
		assertThat(XhrApplicationEventListeners.lookup()).isEqualTo(lookup);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(lookup)).accepts(hints);
	}

}
