package dev.springxhr.xhr.internal.task;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The default executor of event tasks: a few threads ({@code xhr-event-N}, as many as cores and at least two) take
 * the tasks from one queue, so under load a thread that ends a task takes the next one without being woken — where a
 * cached pool wakes (or starts) a thread for every task, which on a small machine costs more than the task itself.
 * <p>
 * A listener that blocks must still not stall other requests: a watchdog looks every tick, and when tasks wait while
 * no task has ended since the last tick (every thread is held by a listener that blocks, or runs long), it adds a
 * thread. Tasks of other requests therefore wait at most about two ticks behind listeners that block, however many
 * block. The extra threads end when the queue is empty again, every thread after the keep-alive time idle, and the
 * watchdog when no thread is left.
 */
public final class ElasticEventExecutor implements Executor {

	private final ThreadPoolExecutor pool;

	private final int baseThreads;

	private final long tickNanos;

	private final String namePrefix;

	private final AtomicBoolean watching = new AtomicBoolean();

	/**
	 * Create an executor.
	 * @param namePrefix the prefix of its threads' names, followed by a number
	 * @param baseThreads the threads that take tasks from the queue (more only for listeners that block)
	 * @param tick how often the watchdog looks for tasks that wait behind busy threads
	 * @param keepAlive how long a thread stays idle before it ends
	 */
	public ElasticEventExecutor(String namePrefix, int baseThreads, Duration tick, Duration keepAlive) {
		if (baseThreads < 1) {
			throw new IllegalArgumentException("baseThreads must be at least 1: " + baseThreads);
		}
		this.namePrefix = namePrefix;
		this.baseThreads = baseThreads;
		this.tickNanos = tick.toNanos();
		AtomicInteger counter = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(baseThreads, baseThreads, keepAlive.toNanos(), TimeUnit.NANOSECONDS,
				new LinkedBlockingQueue<>(), (runnable) -> daemon(runnable, namePrefix + counter.incrementAndGet()));
		this.pool.allowCoreThreadTimeOut(true);
	}

	@Override
	public void execute(Runnable task) {
		this.pool.execute(task);
		// A volatile read per task; the watchdog starts with the first task after an idle period.
		if (!this.watching.get() && this.watching.compareAndSet(false, true)) {
			daemon(this::watch, this.namePrefix + "watchdog").start();
		}
	}

	/** The threads now in the pool (for tests and diagnostics). */
	public int threads() {
		return this.pool.getPoolSize();
	}

	/** Whether the watchdog thread runs (for tests). */
	boolean watching() {
		return this.watching.get();
	}

	private void watch() {
		long lastCompleted = -1;
		while (true) {
			LockSupport.parkNanos(this.tickNanos);
			long completed = this.pool.getCompletedTaskCount();
			boolean waiting = !this.pool.getQueue().isEmpty();
			if (waiting && completed == lastCompleted) {
				grow();
			}
			else if (!waiting) {
				shrink();
			}
			lastCompleted = completed;
			if (this.pool.getPoolSize() == 0 && !stillNeeded()) {
				return;
			}
		}
	}

	/** Called with no thread left: stop watching, unless a task came in meanwhile (its execute() saw us running). */
	private boolean stillNeeded() {
		this.watching.set(false);
		boolean busy = this.pool.getPoolSize() > 0 || !this.pool.getQueue().isEmpty();
		return busy && this.watching.compareAndSet(false, true);
	}

	private void grow() {
		int threads = this.pool.getCorePoolSize() + 1;
		this.pool.setMaximumPoolSize(Math.max(threads, this.pool.getMaximumPoolSize()));
		// Starts a thread at once for the waiting tasks.
		this.pool.setCorePoolSize(threads);
	}

	private void shrink() {
		int core = this.pool.getCorePoolSize();
		if (core == this.baseThreads) {
			return;
		}
		// Keep one free thread beside those still held by a listener; idle extra threads end now.
		int threads = Math.min(core, Math.max(this.baseThreads, this.pool.getActiveCount() + 1));
		this.pool.setCorePoolSize(threads);
		this.pool.setMaximumPoolSize(threads);
	}

	private static Thread daemon(Runnable runnable, String name) {
		Thread thread = new Thread(runnable, name);
		thread.setDaemon(true);
		return thread;
	}

}
