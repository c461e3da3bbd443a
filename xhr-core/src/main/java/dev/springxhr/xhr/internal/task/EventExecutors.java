package dev.springxhr.xhr.internal.task;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

import org.jspecify.annotations.Nullable;

/**
 * The executors of event tasks. The default one ({@link #shared()}) has as many daemon threads named
 * {@code xhr-event-N} as cores (at least two) taking tasks from one queue, and adds one whenever tasks have waited a
 * 5 ms tick behind threads that are all held by listeners that block ({@link ElasticEventExecutor}); idle threads
 * end after 60 seconds.
 */
public final class EventExecutors {

	private EventExecutors() {
	}

	public static Executor shared() {
		return Holder.SHARED;
	}

	/**
	 * The executor of event tasks on virtual threads, one a task, named {@code xhr-event-virtual-N}: Java 21 and
	 * later (this library is built for Java 17, so the API is found reflectively).
	 * @return the executor, one for the JVM
	 * @throws UnsupportedOperationException before Java 21
	 */
	public static Executor virtualThreads() {
		Executor executor = VirtualThreads.EXECUTOR;
		if (executor == null) {
			throw new UnsupportedOperationException("Virtual threads need Java 21 or later; this is Java "
					+ Runtime.version().feature());
		}
		return executor;
	}

	/** Whether this runtime has virtual threads (Java 21 and later). */
	public static boolean hasVirtualThreads() {
		return VirtualThreads.EXECUTOR != null;
	}

	private static final class VirtualThreads {

		static final @Nullable Executor EXECUTOR = create();

		private static @Nullable Executor create() {
			try {
				// Thread.ofVirtual().name("xhr-event-virtual-", 1).factory(), then Executors.newThreadPerTaskExecutor
				Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
				Class<?> builderType = Class.forName("java.lang.Thread$Builder");
				builder = builderType.getMethod("name", String.class, long.class)
					.invoke(builder, "xhr-event-virtual-", 1L);
				ThreadFactory factory = (ThreadFactory) builderType.getMethod("factory").invoke(builder);
				return (Executor) Executors.class.getMethod("newThreadPerTaskExecutor", ThreadFactory.class)
					.invoke(null, factory);
			}
			catch (NoSuchMethodException | ClassNotFoundException ex) {
				return null;
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("Cannot create the virtual-thread executor", ex);
			}
		}

	}

	private static final class Holder {

		/** How often the watchdog looks for tasks held up behind listeners that block. */
		static final Duration TICK = Duration.ofMillis(5);

		static final Executor SHARED = new ElasticEventExecutor("xhr-event-",
				Math.max(2, Runtime.getRuntime().availableProcessors()), TICK, Duration.ofSeconds(60));

	}

}
