package dev.springxhr.xhr.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import dev.springxhr.xhr.WebClientXhrFactory;

/**
 * The page's event loop, for the replay: a scenario's top-level script runs to completion before any network event
 * of its requests is delivered, as in the browser that recorded the traces (a listener added by an {@code on} step
 * right after {@code send} is in place before {@code loadend}, however fast the server). The engine's event tasks
 * handed over while the script runs wait here; {@code waitFor}, {@code sleep} and the end of the script let them
 * run, in the order they came.
 */
final class ScriptEventLoop implements Executor {

	private final Executor delegate = WebClientXhrFactory.defaultEventExecutor();

	private final List<Runnable> held = new ArrayList<>();

	private boolean scriptRunning;

	@Override
	public void execute(Runnable task) {
		synchronized (this.held) {
			if (this.scriptRunning) {
				this.held.add(task);
				return;
			}
		}
		this.delegate.execute(task);
	}

	/** The script runs: event tasks wait until it yields. */
	void scriptRuns() {
		synchronized (this.held) {
			this.scriptRunning = true;
		}
	}

	/** The script waits or ends: the event tasks that waited run now, and new ones at once. */
	void scriptYields() {
		List<Runnable> waiting;
		synchronized (this.held) {
			this.scriptRunning = false;
			waiting = new ArrayList<>(this.held);
			this.held.clear();
		}
		waiting.forEach(this.delegate::execute);
	}

}
