package dev.springxhr.xhr.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.util.ResourceLeakDetector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Netty's leak detector, recording every leak it reports so that a test can fail on it (Netty itself only logs).
 * Netty creates it instead of its own when the JVM runs with
 * {@code -Dio.netty.customResourceLeakDetector=dev.springxhr.xhr.support.RecordingLeakDetector} (the
 * {@code reliability} execution of surefire does, with {@code -Dio.netty.leakDetection.level=paranoid}: every buffer
 * is tracked, not a sample).
 *
 * <p>Netty reports a leak when a buffer that was never released has been garbage collected, at the next allocation:
 * {@link #assertNoLeaks()} collects garbage and allocates until the reference queue has been drained.
 * @param <T> the type of resource tracked
 */
public class RecordingLeakDetector<T> extends ResourceLeakDetector<T> {

	private static final Queue<String> LEAKS = new ConcurrentLinkedQueue<>();

	private static volatile boolean installed;

	/**
	 * The constructor Netty's {@code DefaultResourceLeakDetectorFactory} calls.
	 * @param resourceType the type of resource tracked
	 * @param samplingInterval how often a resource is tracked below PARANOID
	 */
	public RecordingLeakDetector(Class<?> resourceType, int samplingInterval) {
		super(resourceType, samplingInterval);
		installed = true;
	}

	/** @return whether Netty uses this detector (the JVM was started with the property) */
	public static boolean isInstalled() {
		return installed;
	}

	@Override
	protected boolean needReport() {
		return true;
	}

	@Override
	protected void reportTracedLeak(String resourceType, String records) {
		LEAKS.add("LEAK: " + resourceType + records);
		super.reportTracedLeak(resourceType, records);
	}

	@Override
	protected void reportUntracedLeak(String resourceType) {
		LEAKS.add("LEAK: " + resourceType + " (untraced)");
		super.reportUntracedLeak(resourceType);
	}

	/**
	 * Assert that the detector is installed, that Netty tracks every buffer (PARANOID), and that no leak was
	 * reported, after garbage collection and allocations that make Netty look at every collected buffer.
	 */
	public static void assertNoLeaks() {
		assertNoLeaks(6);
	}

	/**
	 * As {@link #assertNoLeaks()}, with fewer rounds of collection (a quick check after each case of a matrix, a
	 * thorough one at the end).
	 * @param rounds how many times to collect garbage and allocate
	 */
	public static void assertNoLeaks(int rounds) {
		assertThat(isInstalled()).as("Netty uses RecordingLeakDetector (-Dio.netty.customResourceLeakDetector)")
			.isTrue();
		assertThat(ResourceLeakDetector.getLevel()).as("-Dio.netty.leakDetection.level")
			.isEqualTo(ResourceLeakDetector.Level.PARANOID);
		for (int round = 0; round < rounds; round++) {
			System.gc();
			// Let the reference handler enqueue what the collection found; then every tracked allocation drains
			// the queue of its detector (the ByteBuf detector is shared by all allocators).
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(25));
			ByteBufAllocator.DEFAULT.buffer(16).release();
			ByteBufAllocator.DEFAULT.directBuffer(16).release();
			PooledByteBufAllocator.DEFAULT.directBuffer(16).release();
			Unpooled.buffer(16).release();
		}
		assertThat(reportedLeaks()).as("buffers Netty reported as leaked").isEmpty();
	}

	/** @return the leaks reported so far */
	public static List<String> reportedLeaks() {
		return new ArrayList<>(LEAKS);
	}

}
