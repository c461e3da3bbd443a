package dev.springxhr.xhr.internal.task;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The "event loop" of one request: tasks run one at a time, in submission order, on a shared executor. Requests
 * share the executor's threads but never a running task, so a listener that blocks holds up only its own request.
 */
public final class SerialTaskQueue implements Executor {

	private static final Log logger = LogFactory.getLog(SerialTaskQueue.class);

	private final Executor executor;

	private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

	private final AtomicInteger pending = new AtomicInteger();

	public SerialTaskQueue(Executor executor) {
		this.executor = executor;
	}

	/** The executor the tasks run on. */
	public Executor executor() {
		return this.executor;
	}

	@Override
	public void execute(Runnable task) {
		this.tasks.add(task);
		if (this.pending.getAndIncrement() == 0) {
			handOver();
		}
	}

	/**
	 * Hand the drain to the executor. On a Netty event loop, once the loop has finished what it is doing (Netty runs
	 * queued tasks after the current read): the tasks of one read — a small response's headers, body and end — then
	 * reach the executor in one hand-off instead of one each, and the tasks themselves are queued at once, in order.
	 */
	private void handOver() {
		EventExecutor eventLoop = ThreadExecutorMap.currentExecutor();
		if (eventLoop != null && eventLoop == this.executor) {
			// Events delivered on this very loop: after what it is doing now (never inside the caller's code).
			this.executor.execute(this::drain);
			return;
		}
		if (eventLoop != null && eventLoop.inEventLoop()) {
			try {
				eventLoop.execute(() -> this.executor.execute(this::drain));
				return;
			}
			catch (RejectedExecutionException ex) {
				// the loop is shutting down: hand over now
			}
		}
		this.executor.execute(this::drain);
	}

	private void drain() {
		// Reactor's work-in-progress pattern: whoever moves "pending" from 0 drains until it returns to 0.
		int missed = 1;
		do {
			Runnable task;
			while ((task = this.tasks.poll()) != null) {
				try {
					task.run();
				}
				catch (VirtualMachineError ex) {
					throw ex;
				}
				catch (Throwable ex) {
					// A failed task must not stall the tasks behind it.
					logger.error("XMLHttpRequest task failed", ex);
				}
			}
			missed = this.pending.addAndGet(-missed);
		}
		while (missed != 0);
	}

}
