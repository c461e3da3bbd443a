package dev.springxhr.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A summary of a JFR recording: the hottest methods by CPU samples (top frame, and where our engine is on the stack)
 * and the classes allocated most by weight ({@code jdk.ObjectAllocationSample}).
 */
final class JfrSummary {

	final Map<String, Long> topFrames = new HashMap<>();

	final Map<String, Long> engineFrames = new HashMap<>();

	final Map<String, Long> allocations = new HashMap<>();

	/** {@code jdk.ThreadPark} events (recorded only with a threshold of 0) by the parking thread's pool. */
	final Map<String, Long> parksByThread = new HashMap<>();

	/** {@code jdk.ThreadPark} events by the first frame below {@code LockSupport} / {@code Unsafe}. */
	final Map<String, Long> parksBySite = new HashMap<>();

	long samples;

	long allocatedBytes;

	static JfrSummary of(Path recording) throws IOException {
		JfrSummary summary = new JfrSummary();
		for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
			String name = event.getEventType().getName();
			if (name.equals("jdk.ExecutionSample")) {
				summary.samples++;
				RecordedStackTrace stack = event.getStackTrace();
				if (stack == null || stack.getFrames().isEmpty()) {
					continue;
				}
				List<RecordedFrame> frames = stack.getFrames();
				summary.topFrames.merge(method(frames.get(0)), 1L, Long::sum);
				for (RecordedFrame frame : frames) {
					String method = method(frame);
					if (method.startsWith("dev.springxhr.xhr.")) {
						summary.engineFrames.merge(method, 1L, Long::sum);
						break;
					}
				}
			}
			else if (name.equals("jdk.ThreadPark")) {
				String thread = (event.getThread() != null) ? event.getThread().getJavaName() : "?";
				summary.parksByThread.merge(pool(thread), 1L, Long::sum);
				RecordedStackTrace stack = event.getStackTrace();
				if (stack != null) {
					stack.getFrames()
						.stream()
						.map(JfrSummary::method)
						.filter((method) -> !method.startsWith("java.util.concurrent.locks.")
								&& !method.startsWith("jdk.internal.misc.Unsafe"))
						.findFirst()
						.ifPresent((site) -> summary.parksBySite.merge(site, 1L, Long::sum));
				}
			}
			else if (name.equals("jdk.ObjectAllocationSample")) {
				long weight = event.getLong("weight");
				summary.allocatedBytes += weight;
				summary.allocations.merge(event.getClass("objectClass").getName(), weight, Long::sum);
			}
		}
		return summary;
	}

	/** A thread's pool: its name without the trailing number ({@code xhr-event-3} → {@code xhr-event-*}). */
	private static String pool(String thread) {
		String pool = thread.replaceAll("-?\\d+$", "");
		return pool.equals(thread) ? thread : pool + "-*";
	}

	private static String method(RecordedFrame frame) {
		return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
	}

	static Map<String, Long> top(Map<String, Long> counts, int limit) {
		Map<String, Long> top = new LinkedHashMap<>();
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(limit)
			.forEach((entry) -> top.put(entry.getKey(), entry.getValue()));
		return top;
	}

}
