package dev.springxhr.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The peak heap of a section of a program: the largest sum of the heap pools' usage seen just before a collection
 * (GC notifications) or by a sampler every millisecond, after the pools' peaks were reset. The sum of the pools'
 * own peaks is reported too: an upper bound, as the pools need not peak at the same moment.
 */
final class HeapPeak implements AutoCloseable {

	private final AtomicLong peak = new AtomicLong();

	private final Thread sampler;

	private volatile boolean running = true;

	private final javax.management.NotificationListener listener;

	private HeapPeak() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
		this.listener = (notification, handback) -> {
			if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
				GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
					.from((CompositeData) notification.getUserData());
				record(sum(info.getGcInfo().getMemoryUsageBeforeGc()));
			}
		};
		for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			((NotificationEmitter) gc).addNotificationListener(this.listener, null, null);
		}
		this.sampler = new Thread(() -> {
			while (this.running) {
				record(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
				try {
					Thread.sleep(1);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "heap-peak-sampler");
		this.sampler.setDaemon(true);
		this.sampler.start();
	}

	/** Collect garbage, reset the peaks and start watching. */
	static HeapPeak start() {
		System.gc();
		return new HeapPeak();
	}

	private void record(long used) {
		this.peak.accumulateAndGet(used, Math::max);
	}

	private static long sum(Map<String, MemoryUsage> usage) {
		long total = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			MemoryUsage used = usage.get(pool.getName());
			if (pool.getType() == MemoryType.HEAP && used != null) {
				total += used.getUsed();
			}
		}
		return total;
	}

	/** The peak observed so far, in bytes. */
	long peak() {
		record(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
		return this.peak.get();
	}

	/** The sum of the heap pools' peak usage since the start, in bytes (an upper bound of the peak). */
	static long sumOfPoolPeaks() {
		long total = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				total += pool.getPeakUsage().getUsed();
			}
		}
		return total;
	}

	/** Heap in use after a full collection, in bytes. */
	static long usedAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	@Override
	public void close() throws Exception {
		this.running = false;
		this.sampler.interrupt();
		for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			((NotificationEmitter) gc).removeNotificationListener(this.listener);
		}
	}

}
