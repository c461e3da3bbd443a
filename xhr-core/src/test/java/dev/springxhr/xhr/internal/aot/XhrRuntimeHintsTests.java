package dev.springxhr.xhr.internal.aot;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.List;
import java.util.MissingResourceException;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.ibm.icu.text.IDNA;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.ExecutableHint;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeHint;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine's runtime hints ({@link XhrRuntimeHints}) name resources that exist and cover what the engine reads and
 * reaches reflectively; ICU's UTS #46 runs with only the ICU resources they register. No native image is built here.
 */
class XhrRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	XhrRuntimeHintsTests() {
		new XhrRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void theRegistrarIsListedInAotFactories() {
		assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)).hasAtLeastOneElementOfType(XhrRuntimeHints.class);
	}

	@Test
	void theEngineDataIsRegistered() {
		assertThat(RuntimeHintsPredicates.resource()
			.forResource("dev/springxhr/xhr/internal/cookie/public_suffix_list.dat.gz")).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.resource()
			.forResource("dev/springxhr/xhr/internal/encoding/encoding-indexes.bin.gz")).accepts(this.hints);
	}

	@Test
	void everyRegisteredResourceIsOnTheClassPath() {
		// Spring adds each file's parent directories, and "/"
		List<String> patterns = registeredPatterns().filter((pattern) -> !pattern.equals("/")).toList();
		assertThat(patterns).containsAll(XhrRuntimeHints.ENGINE_RESOURCES)
			.containsAll(XhrRuntimeHints.ICU_RESOURCES);
		for (String pattern : patterns) {
			// exact names, so that a renamed or moved file fails here rather than in a native image
			assertThat(pattern).doesNotContain("*");
			assertThat(getClass().getClassLoader().getResource(pattern)).as(pattern).isNotNull();
		}
	}

	@Test
	void icuRunsUts46WithTheRegisteredResourcesOnly() throws Exception {
		try (URLClassLoader icu = icuSeeing(this.hints)) {
			// a mapped label, a bidi (Arabic) label and a joiner (CheckJoiners): normalization, bidi, properties
			assertThat(toAscii(icu, "Faß.example")).isEqualTo("xn--fa-hia.example");
			assertThat(toAscii(icu, "\u0627\u0644\u0639\u0631\u0628\u064A\u0629.example"))
				.isEqualTo("xn--mgbcd4a2b0d2b.example");
			assertThat(toAscii(icu, "\u0915\u094D\u200D.example")).isEqualTo("xn--11b6iy14e.example");
		}
	}

	@Test
	void icuFailsWithoutTheHints() throws Exception {
		try (URLClassLoader icu = icuSeeing(new RuntimeHints())) {
			assertThatThrownBy(() -> toAscii(icu, "Faß.example"))
				.hasRootCauseInstanceOf(MissingResourceException.class);
		}
	}

	@Test
	void theVirtualThreadApiIsRegisteredForInvocationByName() {
		assertThat(invokedMethods(TypeReference.of(Thread.class))).containsExactly("ofVirtual()");
		assertThat(invokedMethods(TypeReference.of(XhrRuntimeHints.THREAD_BUILDER)))
			.containsExactlyInAnyOrder("name(java.lang.String, long)", "factory()");
		assertThat(invokedMethods(TypeReference.of(Executors.class)))
			.containsExactly("newThreadPerTaskExecutor(java.util.concurrent.ThreadFactory)");
	}

	@Test
	void theVirtualThreadApiHintsMatchTheRealMethods() throws ReflectiveOperationException {
		if (Runtime.version().feature() < 21) {
			// The hinted API is Java 21's (EventExecutors reaches it reflectively); this JVM has none of it. The
			// virtual-threads execution runs this test on Java 21 or later, where the hints are checked.
			assertThat(Arrays.stream(Thread.class.getMethods()).map(Method::getName)).doesNotContain("ofVirtual");
			return;
		}
		Class<?> builder = Class.forName(XhrRuntimeHints.THREAD_BUILDER);
		for (Method method : List.of(Thread.class.getMethod("ofVirtual"),
				builder.getMethod("name", String.class, long.class), builder.getMethod("factory"),
				Executors.class.getMethod("newThreadPerTaskExecutor", ThreadFactory.class))) {
			assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(method)).as(method.toString())
				.accepts(this.hints);
		}
	}

	@Test
	void slf4jMdcIsRegisteredForItsLookUpByName() {
		assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of("org.slf4j.MDC"))).accepts(this.hints);
	}

	private Stream<String> registeredPatterns() {
		return this.hints.resources()
			.resourcePatternHints()
			.flatMap((patterns) -> patterns.getIncludes().stream())
			.map((include) -> include.getPattern());
	}

	private Set<String> invokedMethods(TypeReference type) {
		TypeHint hint = this.hints.reflection().getTypeHint(type);
		assertThat(hint).as(type.getName()).isNotNull();
		return hint.methods()
			.filter((method) -> method.getMode() == ExecutableMode.INVOKE)
			.map(XhrRuntimeHintsTests::signature)
			.collect(Collectors.toSet());
	}

	private static String signature(ExecutableHint method) {
		return method.getName() + "("
				+ String.join(", ", method.getParameterTypes().stream().map(TypeReference::getName).toList()) + ")";
	}

	/**
	 * ICU in a class loader of its own that finds only the resources the hints register, as a native image would:
	 * ICU reads its data through its own class loader.
	 */
	private static URLClassLoader icuSeeing(RuntimeHints hints) {
		URL jar = IDNA.class.getProtectionDomain().getCodeSource().getLocation();
		return new URLClassLoader(new URL[] { jar }, ClassLoader.getPlatformClassLoader()) {

			@Override
			public URL findResource(String name) {
				return (RuntimeHintsPredicates.resource().forResource(name).test(hints)) ? super.findResource(name)
						: null;
			}

		};
	}

	private static String toAscii(ClassLoader icu, String domain) throws Exception {
		Thread thread = Thread.currentThread();
		ClassLoader context = thread.getContextClassLoader();
		thread.setContextClassLoader(icu);
		try {
			Class<?> idna = Class.forName(IDNA.class.getName(), true, icu);
			Class<?> info = Class.forName(IDNA.Info.class.getName(), true, icu);
			Object uts46 = idna.getMethod("getUTS46Instance", int.class)
				.invoke(null, IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.NONTRANSITIONAL_TO_UNICODE | IDNA.CHECK_BIDI
						| IDNA.CHECK_CONTEXTJ);
			Object result = info.getConstructor().newInstance();
			StringBuilder ascii = new StringBuilder();
			idna.getMethod("nameToASCII", CharSequence.class, StringBuilder.class, info)
				.invoke(uts46, domain, ascii, result);
			assertThat((Set<?>) info.getMethod("getErrors").invoke(result)).as(domain).isEmpty();
			return ascii.toString();
		}
		finally {
			thread.setContextClassLoader(context);
		}
	}

}
