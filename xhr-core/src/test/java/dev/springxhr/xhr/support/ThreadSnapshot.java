package dev.springxhr.xhr.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live threads at one moment, by name, to check that a piece of work left no thread behind. Threads of
 * fixed-size pools that existed before (event loops, Reactor's parallel scheduler) may start lazily, so
 * {@link #awaitNoNewThreads(Map, Set)} takes name prefixes of pools whose size is bounded by construction and checks
 * those separately against a bound. Cached pools (the XHR event executor) keep idle threads for a while after work
 * that ran earlier in the same JVM, however much that was, so their size says nothing about this piece of work; what
 * does is that none of their threads is still busy.
 */
public final class ThreadSnapshot {

	/** Awaitility runs each condition in a thread of its own that ends with the await. */
	private static final String AWAITILITY = "awaitility";

	private final Set<String> names;

	private ThreadSnapshot(Set<String> names) {
		this.names = names;
	}

	/** @return the names of the live threads now */
	public static ThreadSnapshot take() {
		return new ThreadSnapshot(liveThreadNames());
	}

	private static Set<String> liveThreadNames() {
		return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
			.filter((name) -> !name.startsWith(AWAITILITY)).collect(Collectors.toSet());
	}

	/** @return the number of live threads in the snapshot */
	public int size() {
		return this.names.size();
	}

	/**
	 * Wait (up to 5 s) until every live thread either existed in this snapshot or belongs to a bounded pool.
	 * @param boundedPools name prefix of a pool → the most threads the pool may have
	 * @return the threads that were not in the snapshot (all of bounded pools)
	 */
	public List<String> awaitNoNewThreads(Map<String, Integer> boundedPools) {
		return awaitNoNewThreads(boundedPools, Set.of());
	}

	/**
	 * Wait (up to 5 s) until every live thread either existed in this snapshot, belongs to a bounded pool, or is an
	 * idle thread of a cached pool.
	 * @param boundedPools name prefix of a pool → the most threads the pool may have
	 * @param cachedPools name prefixes of {@link java.util.concurrent.ThreadPoolExecutor} pools of any size whose
	 * threads must all be idle (waiting for a task)
	 * @return the threads that were not in the snapshot
	 */
	public List<String> awaitNoNewThreads(Map<String, Integer> boundedPools, Set<String> cachedPools) {
		await().alias("threads beyond the baseline and the bounded pools " + boundedPools + ", or busy in the pools "
				+ cachedPools)
			.atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(20))
			.untilAsserted(() -> assertThat(unexpected(boundedPools, cachedPools))
				.as("new or busy threads (name → count)").isEmpty());
		return newThreads();
	}

	/** @return the threads alive now that were not in the snapshot */
	public List<String> newThreads() {
		return liveThreadNames().stream().filter((name) -> !this.names.contains(name)).sorted().toList();
	}

	private TreeMap<String, Long> unexpected(Map<String, Integer> boundedPools, Set<String> cachedPools) {
		TreeMap<String, Long> byKind = new TreeMap<>();
		Map<Thread, StackTraceElement[]> stacks = Thread.getAllStackTraces();
		Set<String> live = liveThreadNames();
		for (String name : live) {
			boolean pooled = boundedPools.keySet().stream().anyMatch(name::startsWith)
					|| cachedPools.stream().anyMatch(name::startsWith);
			if (!pooled && !this.names.contains(name)) {
				byKind.merge(name, 1L, Long::sum);
			}
		}
		for (Map.Entry<Thread, StackTraceElement[]> thread : stacks.entrySet()) {
			String name = thread.getKey().getName();
			if (thread.getKey().isAlive() && cachedPools.stream().anyMatch(name::startsWith)
					&& !waitingForTask(thread.getValue())) {
				byKind.merge(name + " (busy)", 1L, Long::sum);
			}
		}
		for (Map.Entry<String, Integer> pool : boundedPools.entrySet()) {
			long count = live.stream().filter((name) -> name.startsWith(pool.getKey())).count();
			if (count > pool.getValue()) {
				byKind.put(pool.getKey() + "*", count);
			}
		}
		return byKind;
	}

	/**
	 * An idle pool thread is parked in {@code ThreadPoolExecutor.getTask}, waiting for work; the default event
	 * executor's watchdog only ever waits for its next look.
	 */
	private static boolean waitingForTask(StackTraceElement[] stack) {
		for (StackTraceElement frame : stack) {
			if (frame.getClassName().equals("java.util.concurrent.ThreadPoolExecutor")
					&& frame.getMethodName().equals("getTask")) {
				return true;
			}
			if (frame.getClassName().equals("dev.springxhr.xhr.internal.task.ElasticEventExecutor")
					&& frame.getMethodName().equals("watch")) {
				return true;
			}
		}
		// A thread that has not started its first task yet, or is between tasks, shows no getTask frame for an
		// instant; the await polls again.
		return false;
	}

}
