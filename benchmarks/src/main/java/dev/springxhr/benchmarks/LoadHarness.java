package dev.springxhr.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.Objects;

import org.springframework.context.support.GenericApplicationContext;

import dev.springxhr.autoconfigure.ApplicationEventXhrEventRelay;
import dev.springxhr.xhr.WebClientXhrFactory;
import dev.springxhr.xhr.XhrEventObserver;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.XhrSettings;

/**
 * Closed-loop load: {@code c} users, each sending its next GET of 1 KiB the moment the previous one ends, for a fixed
 * time; raw WebClient and async XHR in the same JVM, against the same server, over the same connection pool and event
 * loops, in alternating order, round after round. Prints throughput, p50 and p99 per client and concurrency, and the
 * ratios XHR / WebClient. Clients: {@code webclient}, {@code xhr} (no event observer), {@code xhr-relay} (the Spring
 * application-event relay with no listener, as the auto-configuration has it by default), {@code xhr-direct} (events
 * delivered on the event loop).
 *
 * <p>Options: {@code --concurrency=1,64,1024 --seconds=8 --warmup=4 --rounds=2 --body=1024 --clients=webclient,xhr
 * --out=results/load.json}.
 */
public final class LoadHarness {

	private static final int MAX_SAMPLES = 4_000_000;

	public static void main(String[] args) throws Exception {
		int[] concurrencies = Arrays.stream(Results.option(args, "concurrency", "1,64,1024").split(","))
			.mapToInt(Integer::parseInt)
			.toArray();
		double seconds = Double.parseDouble(Results.option(args, "seconds", "8"));
		double warmup = Double.parseDouble(Results.option(args, "warmup", "4"));
		int rounds = Integer.parseInt(Results.option(args, "rounds", "2"));
		int body = Integer.parseInt(Results.option(args, "body", "1024"));
		List<String> clientNames = List.of(Results.option(args, "clients", "webclient,xhr").split(","));
		Path out = Path.of(Results.option(args, "out", "results/load.json"));
		int maxConcurrency = Arrays.stream(concurrencies).max().orElse(1);

		Map<String, Object> result = new LinkedHashMap<>();
		result.put("bodyBytes", body);
		result.put("secondsPerRun", seconds);
		result.put("rounds", rounds);
		List<Map<String, Object>> rows = new ArrayList<>();
		// --base-url: a server of another process (benchmarks/run starts Debian's nginx), serving /bytes/<n> too.
		String externalBaseUrl = Results.option(args, "base-url", "");
		result.put("server", externalBaseUrl.isEmpty() ? "in-JVM Reactor Netty"
				: Results.option(args, "server-name", "a server of its own process at " + externalBaseUrl));
		try (BenchServer server = externalBaseUrl.isEmpty() ? BenchServer.start(1) : null;
				BenchClients clients = new BenchClients(maxConcurrency)) {
			String url = (server != null ? server.baseUrl() : externalBaseUrl) + "/bytes/" + body;
			XhrFactory xhr = clients.xhrFactory(XhrEventObserver.NONE);
			Map<String, BiConsumer<Runnable, AtomicInteger>> senders = new LinkedHashMap<>();
			senders.put("webclient", (done, errors) -> clients.webClientGet(url).whenComplete((bytes, ex) -> {
				if (ex != null || bytes.length != body) {
					errors.incrementAndGet();
				}
				done.run();
			}));
			senders.put("xhr", xhrSender(xhr, url, body));
			// The relay as the auto-configuration builds it, in a context with no XhrApplicationEvent listener.
			GenericApplicationContext context = new GenericApplicationContext();
			context.refresh();
			XhrFactory relayed = clients
				.xhrFactory(new ApplicationEventXhrEventRelay(context, EventRelayBenchmark.ALL_TYPES, false, Set.of()));
			senders.put("xhr-relay", xhrSender(relayed, url, body));
			XhrFactory direct = clients.directXhrFactory();
			senders.put("xhr-direct", xhrSender(direct, url, body));
			// Virtual threads as the event executor, where the runtime has them (Java 21+).
			try {
				XhrFactory virtual = new WebClientXhrFactory(clients.builder(), XhrSettings.defaults(),
						WebClientXhrFactory.virtualThreadEventExecutor(), XhrEventObserver.NONE);
				senders.put("xhr-virtual-threads", xhrSender(virtual, url, body));
			}
			catch (UnsupportedOperationException ex) {
				// Java 17: no virtual threads to measure
			}
			// EventDelivery.EVENT_LOOP: each user sends from an event loop, and the next send comes from loadend there.
			BiConsumer<Runnable, AtomicInteger> onLoop = xhrSender(clients.eventLoopXhrFactory(), url, body);
			senders.put("xhr-event-loop", (done, errors) -> clients.onEventLoop(() -> onLoop.accept(done, errors)));
			for (int concurrency : concurrencies) {
				Map<String, Run> totals = new LinkedHashMap<>();
				long xhrRequests = 0;
				long tasksBefore = 0;
				for (String name : clientNames) {
					run(Objects.requireNonNull(senders.get(name)), concurrency, warmup);
					totals.put(name, new Run());
				}
				for (int round = 0; round < rounds; round++) {
					List<String> order = new ArrayList<>(clientNames);
					if (round % 2 == 1) {
						java.util.Collections.reverse(order);
					}
					for (String name : order) {
						long tasks = clients.eventTasks();
						Run run = run(Objects.requireNonNull(senders.get(name)), concurrency, seconds);
						if (name.equals("xhr")) {
							xhrRequests += run.count;
							tasksBefore += clients.eventTasks() - tasks;
						}
						Objects.requireNonNull(totals.get(name)).add(run);
					}
				}
				for (Map.Entry<String, Run> entry : totals.entrySet()) {
					Run total = entry.getValue();
					Map<String, Object> row = new LinkedHashMap<>();
					row.put("client", entry.getKey());
					row.put("concurrency", concurrency);
					row.put("requests", total.count);
					row.put("errors", total.errors);
					row.put("throughput", total.count / total.seconds);
					row.put("p50Micros", total.percentile(0.50) / 1000.0);
					row.put("p99Micros", total.percentile(0.99) / 1000.0);
					// Less at the machine's mercy than requests/s: what one request costs this JVM's CPU.
					row.put("cpuMicrosPerRequest", total.count == 0 ? 0 : total.cpuNanos / 1000.0 / total.count);
					row.put("contextSwitchesPerRequest", total.count == 0 ? 0 : total.contextSwitches / (double) total.count);
					if (entry.getKey().equals("xhr") && xhrRequests > 0) {
						// Hand-offs from the event loop to an event thread; each may wake or start a thread.
						row.put("eventTasksPerRequest", tasksBefore / (double) xhrRequests);
					}
					rows.add(row);
					System.out.printf("c=%-5d %-10s %10.0f req/s  p50 %8.0f µs  p99 %8.0f µs  cpu %6.1f µs/req  switches %5.2f/req  errors %d  %s%n",
							concurrency, entry.getKey(), row.get("throughput"), row.get("p50Micros"), row.get("p99Micros"),
							row.get("cpuMicrosPerRequest"), row.get("contextSwitchesPerRequest"),
							total.errors, row.containsKey("eventTasksPerRequest")
									? String.format("event tasks/request %.2f", row.get("eventTasksPerRequest")) : "");
				}
				if (totals.containsKey("webclient") && totals.containsKey("xhr")) {
					Run raw = totals.get("webclient");
					Run ours = totals.get("xhr");
					System.out.printf("c=%-5d xhr/webclient: throughput %.3f, p50 %.3f, p99 %.3f%n", concurrency,
							(ours.count / ours.seconds) / (raw.count / raw.seconds),
							(double) ours.percentile(0.5) / raw.percentile(0.5),
							(double) ours.percentile(0.99) / raw.percentile(0.99));
				}
			}
		}
		result.put("runs", rows);
		Results.write(out, result);
		System.exit(0);
	}

	/** CPU time used by this JVM so far, every thread. */
	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/**
	 * Context switches of this JVM's live threads so far, voluntary and not, from {@code /proc/self/task/N/status}
	 * (Linux; 0 elsewhere). A hand-off to a thread that sleeps costs a switch on each side.
	 */
	private static long contextSwitches() {
		java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
		long total = 0;
		if (tasks == null) {
			return 0;
		}
		for (java.io.File task : tasks) {
			try {
				for (String line : java.nio.file.Files.readAllLines(task.toPath().resolve("status"))) {
					if (line.contains("ctxt_switches:")) {
						total += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
					}
				}
			}
			catch (java.io.IOException | RuntimeException ex) {
				// the thread ended meanwhile
			}
		}
		return total;
	}

	/** A sender of GETs through an XHR factory; a body of another length counts as an error. */
	private static BiConsumer<Runnable, AtomicInteger> xhrSender(XhrFactory factory, String url, int body) {
		return (done, errors) -> BenchClients.xhrGet(factory, url, (length) -> {
			if (length != body) {
				errors.incrementAndGet();
			}
			done.run();
		});
	}

	/** One timed run: {@code concurrency} users in a closed loop for {@code seconds}. */
	private static Run run(BiConsumer<Runnable, AtomicInteger> sender, int concurrency, double seconds)
			throws InterruptedException {
		Run run = new Run();
		long[] samples = new long[MAX_SAMPLES];
		AtomicInteger next = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		CountDownLatch users = new CountDownLatch(concurrency);
		long cpuBefore = processCpuNanos();
		long switchesBefore = contextSwitches();
		long start = System.nanoTime();
		long deadline = start + (long) (seconds * 1e9);
		AtomicLong lastEnd = new AtomicLong(start);
		for (int i = 0; i < concurrency; i++) {
			new User(sender, samples, next, errors, users, deadline, lastEnd).send();
		}
		if (!users.await((long) (seconds + 120), TimeUnit.SECONDS)) {
			throw new IllegalStateException("Requests still in flight 120 s after the end of the run");
		}
		int count = Math.min(next.get(), MAX_SAMPLES);
		run.samples.add(Arrays.copyOf(samples, count));
		run.count = count;
		run.errors = errors.get();
		run.seconds = (lastEnd.get() - start) / 1e9;
		run.cpuNanos = processCpuNanos() - cpuBefore;
		run.contextSwitches = contextSwitches() - switchesBefore;
		return run;
	}

	/** A user of the closed loop: sends, and on each end sends again until the deadline. */
	private static final class User {

		private final BiConsumer<Runnable, AtomicInteger> sender;

		private final long[] samples;

		private final AtomicInteger next;

		private final AtomicInteger errors;

		private final CountDownLatch users;

		private final long deadline;

		private final AtomicLong lastEnd;

		private long sentAt;

		User(BiConsumer<Runnable, AtomicInteger> sender, long[] samples, AtomicInteger next, AtomicInteger errors,
				CountDownLatch users, long deadline, AtomicLong lastEnd) {
			this.sender = sender;
			this.samples = samples;
			this.next = next;
			this.errors = errors;
			this.users = users;
			this.deadline = deadline;
			this.lastEnd = lastEnd;
		}

		void send() {
			this.sentAt = System.nanoTime();
			this.sender.accept(this::ended, this.errors);
		}

		private void ended() {
			long now = System.nanoTime();
			int index = this.next.getAndIncrement();
			if (index < this.samples.length) {
				this.samples[index] = now - this.sentAt;
			}
			this.lastEnd.accumulateAndGet(now, Math::max);
			if (now < this.deadline) {
				send();
			}
			else {
				this.users.countDown();
			}
		}

	}

	/** The requests of one or more runs of one client at one concurrency. */
	private static final class Run {

		final List<long[]> samples = new ArrayList<>();

		long count;

		long errors;

		double seconds;

		/** CPU time of this JVM (every thread: the client's, and the in-JVM server's when there is one). */
		long cpuNanos;

		/** Context switches of this JVM's threads (Linux): a thread that parks and is woken again counts one. */
		long contextSwitches;

		void add(Run other) {
			this.contextSwitches += other.contextSwitches;
			this.cpuNanos += other.cpuNanos;
			this.samples.addAll(other.samples);
			this.count += other.count;
			this.errors += other.errors;
			this.seconds += other.seconds;
		}

		long percentile(double p) {
			long[] all = this.samples.stream().flatMapToLong(Arrays::stream).sorted().toArray();
			if (all.length == 0) {
				return 0;
			}
			return all[(int) Math.min(all.length - 1, Math.ceil(p * all.length) - 1)];
		}

	}

}
