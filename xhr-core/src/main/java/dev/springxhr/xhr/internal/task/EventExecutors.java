package dev.springxhr.xhr.internal.task;

import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default executor of event tasks: a cached pool of daemon threads named {@code xhr-event-N}. A thread is
 * busy only while it delivers events, so the pool grows with the number of requests whose listeners run at the
 * same moment — not with the number of requests in flight — and a listener that blocks never delays another
 * request. Idle threads end after 60 seconds.
 */
public final class EventExecutors {

	private EventExecutors() {
	}

	public static Executor shared() {
		return Holder.SHARED;
	}

	private static final class Holder {

		static final Executor SHARED = create();

		private static Executor create() {
			AtomicInteger counter = new AtomicInteger();
			return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
					(runnable) -> {
						Thread thread = new Thread(runnable, "xhr-event-" + counter.incrementAndGet());
						thread.setDaemon(true);
						return thread;
					});
		}

	}

}
