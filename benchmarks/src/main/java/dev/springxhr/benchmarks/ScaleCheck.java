package dev.springxhr.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.springxhr.xhr.XhrEventObserver;
import dev.springxhr.xhr.XhrFactory;

/**
 * 10,000 async XHRs in flight at once against a server (in its own JVM) that holds every response until all of
 * them arrived and were counted here: they all complete; event-loop threads, all threads and the heap per request in
 * flight are reported. The XHR factory is built on a user's {@code WebClient.Builder} whose Reactor Netty
 * {@code ConnectionProvider} allows 10,000 connections (the default pool allows 500 and queues the rest).
 *
 * <p>Options: {@code --requests=10000 --out=results/scale.json}.
 */
public final class ScaleCheck {

	public static void main(String[] args) throws Exception {
		int requests = Integer.parseInt(Results.option(args, "requests", "10000"));
		Path out = Path.of(Results.option(args, "out", "results/scale.json"));
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Map<String, Object> result = new LinkedHashMap<>();
		HttpClient control = HttpClient.newHttpClient();
		try (ServerProcess server = ServerProcess.start("2g", 2); BenchClients clients = new BenchClients(requests)) {
			XhrFactory factory = clients.xhrFactory(XhrEventObserver.NONE);
			// Warm up: classes loaded, the loops started, as in a running application.
			for (int i = 0; i < 200; i++) {
				BenchClients.xhrGet(factory, server.baseUrl() + "/bytes/1024").get(10, TimeUnit.SECONDS);
			}
			long heapBefore = HeapPeak.usedAfterGc();
			int threadsBefore = threads.getThreadCount();
			threads.resetPeakThreadCount();
			ThreadSampler sampler = ThreadSampler.start();

			CountDownLatch ended = new CountDownLatch(requests);
			AtomicInteger ok = new AtomicInteger();
			long start = System.nanoTime();
			for (int i = 0; i < requests; i++) {
				BenchClients.xhrGet(factory, server.baseUrl() + "/slow/scale", (length) -> {
					if (length == 1024) {
						ok.incrementAndGet();
					}
					ended.countDown();
				});
			}
			long sentNanos = System.nanoTime() - start;
			int arrived = 0;
			long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(100);
			while (arrived < requests && System.nanoTime() < waitUntil) {
				Thread.sleep(100);
				arrived = Integer.parseInt(get(control, server.baseUrl() + "/arrived/scale"));
			}
			long allArrivedNanos = System.nanoTime() - start;
			// Everything is in flight now: the server holds every response.
			Map<String, Integer> inFlightThreads = ThreadSampler.countByPrefix();
			int totalThreadsInFlight = threads.getThreadCount();
			long heapInFlight = HeapPeak.usedAfterGc();
			get(control, server.baseUrl() + "/release/scale");
			boolean allEnded = ended.await(120, TimeUnit.SECONDS);
			long totalNanos = System.nanoTime() - start;
			sampler.stop();

			result.put("requests", requests);
			result.put("arrivedAtServer", arrived);
			result.put("completedWith200", ok.get());
			result.put("allEnded", allEnded);
			result.put("cores", Runtime.getRuntime().availableProcessors());
			result.put("secondsToSend", sentNanos / 1e9);
			result.put("secondsUntilAllInFlight", allArrivedNanos / 1e9);
			result.put("secondsTotal", totalNanos / 1e9);
			result.put("threadsBefore", threadsBefore);
			result.put("threadsInFlight", totalThreadsInFlight);
			result.put("eventLoopThreadsInFlight", inFlightThreads.getOrDefault("reactor-http-", 0));
			result.put("xhrEventThreadsInFlight", inFlightThreads.getOrDefault("xhr-event-", 0));
			result.put("peakThreads", threads.getPeakThreadCount());
			result.put("peakEventLoopThreads", sampler.peak("reactor-http-"));
			result.put("peakXhrEventThreads", sampler.peak("xhr-event-"));
			result.put("heapBeforeBytes", heapBefore);
			result.put("heapInFlightBytes", heapInFlight);
			result.put("heapPerRequestBytes", (heapInFlight - heapBefore) / (double) requests);
			result.put("maxHeap", Runtime.getRuntime().maxMemory());
		}
		System.out.println(result);
		Results.write(out, result);
		System.exit(0);
	}

	private static String get(HttpClient client, String url) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

	/** Samples the live threads' names every 10 ms and keeps the largest count per name prefix. */
	private static final class ThreadSampler {

		private static final String[] PREFIXES = { "reactor-http-", "xhr-event-" };

		private final Map<String, Integer> peaks = new java.util.concurrent.ConcurrentHashMap<>();

		private final Thread thread;

		private volatile boolean running = true;

		private ThreadSampler() {
			this.thread = new Thread(() -> {
				while (this.running) {
					countByPrefix().forEach((prefix, count) -> this.peaks.merge(prefix, count, Math::max));
					try {
						Thread.sleep(10);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "thread-sampler");
			this.thread.setDaemon(true);
		}

		static ThreadSampler start() {
			ThreadSampler sampler = new ThreadSampler();
			sampler.thread.start();
			return sampler;
		}

		static Map<String, Integer> countByPrefix() {
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			Map<String, Integer> counts = new LinkedHashMap<>();
			for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
				if (info == null) {
					continue;
				}
				for (String prefix : PREFIXES) {
					if (info.getThreadName().startsWith(prefix)) {
						counts.merge(prefix, 1, Integer::sum);
					}
				}
			}
			return counts;
		}

		int peak(String prefix) {
			return this.peaks.getOrDefault(prefix, 0);
		}

		void stop() throws InterruptedException {
			countByPrefix().forEach((prefix, count) -> this.peaks.merge(prefix, count, Math::max));
			this.running = false;
			this.thread.join(1000);
		}

	}

}
