package dev.springxhr.xhr.internal.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The default executor of event tasks: a few threads share one queue, so short tasks never add threads; tasks that
 * block get threads added beside them, so that the tasks queued behind them still run; the extra threads end when
 * the blocking is over, all of them after the keep-alive time, and the watchdog with them.
 */
class ElasticEventExecutorTests {

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void releaseBlockedTasks() {
		this.release.countDown();
	}

	@Test
	void shortTasksRunOnTheBaseThreadsOnly() {
		// A watchdog tick longer than the test: only the queue decides, not a machine too busy to end a task in 5 ms.
		ElasticEventExecutor executor = new ElasticEventExecutor("test-short-", 2, Duration.ofSeconds(30),
				Duration.ofSeconds(60));
		Set<String> threads = ConcurrentHashMap.newKeySet();
		AtomicInteger done = new AtomicInteger();
		for (int i = 0; i < 20_000; i++) {
			executor.execute(() -> {
				threads.add(Thread.currentThread().getName());
				done.incrementAndGet();
			});
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> done.get() == 20_000);
		assertThat(threads).isSubsetOf("test-short-1", "test-short-2").isNotEmpty();
		assertThat(executor.threads()).isLessThanOrEqualTo(2);
	}

	@Test
	void tasksQueuedBehindBlockingTasksStillRun() throws InterruptedException {
		ElasticEventExecutor executor = new ElasticEventExecutor("test-blocked-", 2, Duration.ofMillis(5),
				Duration.ofSeconds(60));
		CountDownLatch blocked = new CountDownLatch(5);
		for (int i = 0; i < 5; i++) {
			executor.execute(() -> {
				blocked.countDown();
				awaitRelease();
			});
		}
		// Five tasks block, more than the two base threads: the watchdog adds threads until all five run.
		assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
		CountDownLatch after = new CountDownLatch(100);
		for (int i = 0; i < 100; i++) {
			executor.execute(after::countDown);
		}
		assertThat(after.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(executor.threads()).isGreaterThanOrEqualTo(6);
		this.release.countDown();
		// The blocking is over: the pool shrinks back to its base threads.
		await().atMost(Duration.ofSeconds(10)).until(() -> executor.threads() <= 2);
	}

	@Test
	void everyThreadAndTheWatchdogEndWhenIdleForTheKeepAliveTime() {
		ElasticEventExecutor executor = new ElasticEventExecutor("test-idle-", 2, Duration.ofMillis(5),
				Duration.ofMillis(500));
		List<Thread> seen = new ArrayList<>();
		CountDownLatch ran = new CountDownLatch(1);
		executor.execute(() -> {
			synchronized (seen) {
				seen.add(Thread.currentThread());
			}
			ran.countDown();
		});
		// execute() starts the watchdog; it ends only once every thread has been idle for the keep-alive time.
		assertThat(executor.watching()).isTrue();
		await().atMost(Duration.ofSeconds(5)).until(() -> ran.getCount() == 0);
		synchronized (seen) {
			assertThat(seen.get(0).isDaemon()).isTrue();
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> executor.threads() == 0 && !executor.watching());
		// A task after the idle period starts a thread and the watchdog again.
		CountDownLatch again = new CountDownLatch(1);
		executor.execute(again::countDown);
		await().atMost(Duration.ofSeconds(5)).until(() -> again.getCount() == 0);
	}

	@Test
	void aTaskThatBlocksLongerThanTheKeepAliveDoesNotLoseTheWatchdog() throws InterruptedException {
		ElasticEventExecutor executor = new ElasticEventExecutor("test-long-", 1, Duration.ofMillis(5),
				Duration.ofMillis(50));
		CountDownLatch started = new CountDownLatch(1);
		executor.execute(() -> {
			started.countDown();
			awaitRelease();
		});
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
		// For longer than the keep-alive: the blocked thread still counts, and the watchdog stays.
		await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(executor::watching);
		CountDownLatch behind = new CountDownLatch(1);
		executor.execute(behind::countDown);
		assertThat(behind.await(10, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void rejectsLessThanOneBaseThread() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ElasticEventExecutor("x-", 0, Duration.ofMillis(5), Duration.ofSeconds(1)))
			.withMessageContaining("baseThreads");
	}

	private void awaitRelease() {
		try {
			this.release.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
