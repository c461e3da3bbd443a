package dev.springxhr.xhr.internal.task;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;

import org.springframework.util.ClassUtils;

/**
 * The caller's thread-local context at {@code send()} — SLF4J's MDC, and what the libraries on the class path
 * register with Micrometer's context propagation (the current Observation, Spring Security's context) — captured so
 * that the listeners of the request's network events, which run on other threads, see it. The registry is the
 * engine's own: registering the MDC here changes nothing for other users of context propagation.
 */
public final class CallerContexts {

	private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder()
		.contextRegistry(registry())
		.build();

	private CallerContexts() {
	}

	/**
	 * Load the registry now (it reads {@code META-INF/services} files): called where a factory is built, so that
	 * the first {@code send()} from an event loop does not read files there.
	 */
	public static void initialize() {
		// Loading the class builds the registry.
	}

	/**
	 * Capture the calling thread's context.
	 * @return the snapshot, whose {@code setThreadLocals()} restores it on another thread
	 */
	public static ContextSnapshot capture() {
		return SNAPSHOTS.captureAll();
	}

	private static ContextRegistry registry() {
		ContextRegistry registry = new ContextRegistry().loadThreadLocalAccessors();
		if (ClassUtils.isPresent("org.slf4j.MDC", CallerContexts.class.getClassLoader())) {
			registry.registerThreadLocalAccessor(new Slf4jThreadLocalAccessor());
		}
		return registry;
	}

}
