package dev.springxhr.js;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * The event loop of one JavaScript context (HTML §8.1.7): one thread runs its tasks one at a time, in the order they
 * were queued, then the timers that are due, earliest first. Network events of the context's requests are queued to
 * it from the engine's threads; a task that runs JavaScript runs it to completion before the next one starts.
 */
final class JsEventLoop implements AutoCloseable {

	private static final AtomicInteger THREADS = new AtomicInteger();

	private final Object lock = new Object();

	private final Deque<Runnable> tasks = new ArrayDeque<>();

	private final PriorityQueue<Timer> timers = new PriorityQueue<>();

	private final Map<Integer, Timer> timersById = new HashMap<>();

	private final Thread thread;

	private int nextTimerId = 1;

	private long timerSequence;

	/** Requests sent and not yet ended: the loop is not idle while one is in flight. */
	private int inFlight;

	private boolean running;

	private boolean closed;

	private @Nullable Runnable onClose;

	JsEventLoop() {
		this.thread = new Thread(this::run, "xhr-js-" + THREADS.incrementAndGet());
		this.thread.setDaemon(true);
	}

	void start(Runnable first) {
		synchronized (this.lock) {
			this.tasks.add(first);
		}
		this.thread.start();
	}

	boolean inLoop() {
		return Thread.currentThread() == this.thread;
	}

	/** Queue a task; a closed loop drops it. */
	void execute(Runnable task) {
		synchronized (this.lock) {
			if (this.closed) {
				return;
			}
			this.tasks.add(task);
			this.lock.notifyAll();
		}
	}

	/** Run the task now when on the loop (an event the standard fires inside a call), else queue it. */
	void executeOrRun(Runnable task) {
		if (inLoop()) {
			task.run();
		}
		else {
			execute(task);
		}
	}

	int setTimer(Runnable task, long delayMillis, boolean repeat) {
		synchronized (this.lock) {
			int id = this.nextTimerId++;
			Timer timer = new Timer(id, task, Math.max(0, delayMillis), repeat,
					System.nanoTime() + Duration.ofMillis(Math.max(0, delayMillis)).toNanos(), this.timerSequence++);
			this.timers.add(timer);
			this.timersById.put(id, timer);
			this.lock.notifyAll();
			return id;
		}
	}

	void clearTimer(int id) {
		synchronized (this.lock) {
			Timer timer = this.timersById.remove(id);
			if (timer != null) {
				this.timers.remove(timer);
			}
		}
	}

	void requestStarted() {
		synchronized (this.lock) {
			this.inFlight++;
		}
	}

	void requestEnded() {
		synchronized (this.lock) {
			this.inFlight--;
			this.lock.notifyAll();
		}
	}

	/**
	 * Wait until the loop has nothing left to do: no task, no timer, no request in flight, and no task running.
	 * @return whether it got there within the limit
	 */
	boolean awaitIdle(Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		synchronized (this.lock) {
			while (!idle()) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				this.lock.wait(Math.max(1, Duration.ofNanos(left).toMillis()));
			}
			return true;
		}
	}

	private boolean idle() {
		return this.closed || (this.tasks.isEmpty() && this.timers.isEmpty() && this.inFlight == 0 && !this.running);
	}

	/** Close the loop: the last task (closing the context) runs on the loop's thread, then the thread ends. */
	void close(Runnable last) {
		synchronized (this.lock) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			this.onClose = last;
			this.tasks.clear();
			this.timers.clear();
			this.timersById.clear();
			this.lock.notifyAll();
		}
	}

	@Override
	public void close() {
		close(() -> {
		});
	}

	void join(Duration limit) throws InterruptedException {
		if (!inLoop()) {
			this.thread.join(limit.toMillis());
		}
	}

	private void run() {
		while (true) {
			Runnable task;
			synchronized (this.lock) {
				task = next();
				while (task == null && !this.closed) {
					long wait = waitMillis();
					try {
						this.lock.wait(wait);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						this.closed = true;
					}
					task = next();
				}
				if (task == null) {
					Runnable last = this.onClose;
					this.onClose = null;
					this.lock.notifyAll();
					if (last != null) {
						last.run();
					}
					return;
				}
				this.running = true;
			}
			try {
				task.run();
			}
			finally {
				synchronized (this.lock) {
					this.running = false;
					this.lock.notifyAll();
				}
			}
		}
	}

	/** The next task: a queued one, else a due timer (a repeating one is scheduled again). */
	private @Nullable Runnable next() {
		if (this.closed) {
			return null;
		}
		Runnable task = this.tasks.poll();
		if (task != null) {
			return task;
		}
		Timer timer = this.timers.peek();
		if (timer == null || timer.dueNanos - System.nanoTime() > 0) {
			return null;
		}
		this.timers.poll();
		if (timer.repeat) {
			Timer again = new Timer(timer.id, timer.task, timer.delayMillis, true,
					System.nanoTime() + Duration.ofMillis(Math.max(1, timer.delayMillis)).toNanos(),
					this.timerSequence++);
			this.timers.add(again);
			this.timersById.put(timer.id, again);
		}
		else {
			this.timersById.remove(timer.id);
		}
		return timer.task;
	}

	private long waitMillis() {
		Timer timer = this.timers.peek();
		if (timer == null) {
			return 0; // until notified
		}
		return Math.max(1, Duration.ofNanos(timer.dueNanos - System.nanoTime()).toMillis());
	}

	private record Timer(int id, Runnable task, long delayMillis, boolean repeat, long dueNanos, long sequence)
			implements Comparable<Timer> {

		@Override
		public int compareTo(Timer other) {
			int byDue = Long.compare(this.dueNanos, other.dueNanos);
			return (byDue != 0) ? byDue : Long.compare(this.sequence, other.sequence);
		}

	}

}
