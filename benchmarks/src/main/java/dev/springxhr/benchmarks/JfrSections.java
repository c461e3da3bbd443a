package dev.springxhr.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The sections of docs/performance.md read from the JFR recordings that {@code benchmarks/run} keeps: CPU samples
 * and allocation at c=64, and thread parks at c=1.
 */
final class JfrSections {

	private static final double MIB = 1024 * 1024;

	private final Path results;

	private final StringBuilder md;

	JfrSections(Path results, StringBuilder md) {
		this.results = results;
		this.md = md;
	}

	/** CPU samples and allocation of the load at c=64, one recording per client. */
	void cpuAndAllocation() throws IOException {
		Path xhr = this.results.resolve("load-xhr.jfr");
		Path raw = this.results.resolve("load-webclient.jfr");
		if (!Files.exists(xhr) || !Files.exists(raw)) {
			return;
		}
		line("## Profile: JFR of the load harness at c=64 (1 KiB)");
		line();
		line("Recorded by `benchmarks/run` (JFR `profile` settings), one JVM per client. The recordings are kept in "
				+ "`benchmarks/target/results/`; open them in JDK Mission Control for flame graphs.");
		line();
		for (Path file : new Path[] { raw, xhr }) {
			JfrSummary summary = JfrSummary.of(file);
			String who = file.equals(xhr) ? "async XHR" : "raw WebClient";
			line("### " + who + ": " + summary.samples + " CPU samples, " + ReportGenerator.fmt(summary.allocatedBytes / MIB, 0)
					+ " MiB allocation sampled");
			line();
			line("| hottest top frames | samples |");
			line("| --- | ---: |");
			JfrSummary.top(summary.topFrames, 12).forEach((k, v) -> line("| `" + k + "` | " + v + " |"));
			line();
			if (!summary.engineFrames.isEmpty()) {
				line("| innermost engine frame on the CPU stacks | samples |");
				line("| --- | ---: |");
				JfrSummary.top(summary.engineFrames, 10).forEach((k, v) -> line("| `" + k + "` | " + v + " |"));
				line();
			}
			line("| allocated class (sampled weight) | MiB |");
			line("| --- | ---: |");
			JfrSummary.top(summary.allocations, 10).forEach((k, v) -> line("| `" + k + "` | " + ReportGenerator.fmt(v / MIB, 1) + " |"));
			line();
		}
	}

	/** Where threads park at c=1: each park is a thread that must be woken again for the next request. */
	void threadParks() throws IOException {
		Path xhr = this.results.resolve("parks-xhr.jfr");
		Path raw = this.results.resolve("parks-webclient.jfr");
		JsonNode xhrRun = readOrNull("parks-xhr.json");
		JsonNode rawRun = readOrNull("parks-webclient.json");
		if (!Files.exists(xhr) || !Files.exists(raw) || xhrRun == null || rawRun == null) {
			return;
		}
		line("## Profile: thread parks at c=1 (1 KiB)");
		line();
		line("One user in a closed loop, recorded by `benchmarks/run` with JFR's `jdk.ThreadPark` at a threshold of 0 "
				+ "(every park of a Java thread; recording them slows the run, so only the counts per request matter "
				+ "here). A thread that parks must be woken for the next request: a context switch on each side. "
				+ "Netty's event loops wait in `epoll_wait`, which JFR does not count as a park; the load tables' "
				+ "context switches per request count them.");
		line();
		line("| client | requests | parks / request | by thread | where (top frames below `LockSupport`) |");
		line("| --- | ---: | ---: | --- | --- |");
		for (Object[] one : new Object[][] { { "raw WebClient", raw, rawRun }, { "async XHR", xhr, xhrRun } }) {
			JfrSummary summary = JfrSummary.of((Path) one[1]);
			long requests = 0;
			for (JsonNode run : ((JsonNode) one[2]).get("runs")) {
				requests += run.get("requests").asLong();
			}
			long parks = summary.parksByThread.values().stream().mapToLong(Long::longValue).sum();
			double per = requests == 0 ? 0 : parks / (double) requests;
			long total = requests;
			StringBuilder byThread = new StringBuilder();
			JfrSummary.top(summary.parksByThread, 4).forEach((k, v) -> byThread.append(byThread.isEmpty() ? "" : ", ")
				.append("`").append(k).append("` ").append(ReportGenerator.fmt(v / (double) Math.max(1, total), 2)));
			StringBuilder bySite = new StringBuilder();
			JfrSummary.top(summary.parksBySite, 3).forEach((k, v) -> bySite.append(bySite.isEmpty() ? "" : ", ")
				.append("`").append(k.substring(k.lastIndexOf('.', k.lastIndexOf('.') - 1) + 1)).append("` ")
				.append(ReportGenerator.fmt(v / (double) Math.max(1, total), 2)));
			line("| " + one[0] + " | " + requests + " | " + ReportGenerator.fmt(per, 2) + " | " + byThread + " | " + bySite + " |");
		}
		line();
	}

	private @Nullable JsonNode readOrNull(String name) throws IOException {
		return Results.readOrNull(this.results, name);
	}

	private void line(String text) {
		this.md.append(text).append('\n');
	}

	private void line() {
		this.md.append('\n');
	}

}
