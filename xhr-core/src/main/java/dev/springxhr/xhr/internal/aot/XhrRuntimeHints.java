package dev.springxhr.xhr.internal.aot;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

/**
 * The engine's {@link RuntimeHintsRegistrar}: the class path resources it reads, and the types and methods it reaches
 * reflectively. A native image holds only the resources and reflective members it is told about; everything else the
 * engine does is plain calls that the image's static analysis sees.
 *
 * @see <a href="https://docs.spring.io/spring-framework/reference/core/aot.html#aot.hints">Runtime hints</a>
 */
public final class XhrRuntimeHints implements RuntimeHintsRegistrar {

	/** The engine's own data: the Public Suffix List and the Encoding Standard's index tables. */
	static final List<String> ENGINE_RESOURCES = List.of("dev/springxhr/xhr/internal/cookie/public_suffix_list.dat.gz",
			"dev/springxhr/xhr/internal/encoding/encoding-indexes.bin.gz");

	/**
	 * What ICU4J reads for UTS #46 with CheckBidi and CheckJoiners (internal.url's DomainToAscii): its configuration,
	 * the UTS #46 normalization data, the bidi properties and the character properties, 268 KB; the rest of ICU's
	 * 28 MB of data (locales, collation, time zones, …) stays out of the image.
	 */
	static final List<String> ICU_RESOURCES = List.of("com/ibm/icu/ICUConfig.properties",
			"com/ibm/icu/impl/data/icudata/uts46.nrm", "com/ibm/icu/impl/data/icudata/ubidi.icu",
			"com/ibm/icu/impl/data/icudata/uprops.icu");

	/** The virtual-thread API (Java 21), which internal.task's EventExecutors calls reflectively from Java 17 code. */
	static final String THREAD_BUILDER = "java.lang.Thread$Builder";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		ENGINE_RESOURCES.forEach(hints.resources()::registerPattern);
		ICU_RESOURCES.forEach(hints.resources()::registerPattern);
		// Thread.ofVirtual().name(prefix, start).factory(), then Executors.newThreadPerTaskExecutor(factory); by
		// name, as these do not exist in the Java 17 API this is compiled against
		hints.reflection()
			.registerType(Thread.class, (type) -> type.withMethod("ofVirtual", List.of(), ExecutableMode.INVOKE))
			.registerType(TypeReference.of(THREAD_BUILDER),
					(type) -> type
						.withMethod("name", List.of(TypeReference.of(String.class), TypeReference.of(long.class)),
								ExecutableMode.INVOKE)
						.withMethod("factory", List.of(), ExecutableMode.INVOKE))
			.registerType(Executors.class, (type) -> type.withMethod("newThreadPerTaskExecutor",
					List.of(TypeReference.of(ThreadFactory.class)), ExecutableMode.INVOKE));
		// internal.task's CallerContexts looks SLF4J's MDC up by name (ClassUtils.isPresent)
		hints.reflection().registerTypeIfPresent(classLoader, "org.slf4j.MDC");
	}

}
