package dev.springxhr.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link BenchServer} in a JVM of its own (same Java, same class path), so that the heap and threads measured in
 * the check's JVM are the client's alone. It ends when the check closes it or exits.
 */
final class ServerProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private ServerProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	static ServerProcess start(String maxHeap, int threads) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		Process process = new ProcessBuilder(List.of(java, "-Xmx" + maxHeap, "-cp", System.getProperty("java.class.path"),
				BenchServer.class.getName(), Integer.toString(threads)))
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = out.readLine()) != null) {
			if (line.startsWith("PORT ")) {
				return new ServerProcess(process, Integer.parseInt(line.substring(5).trim()));
			}
		}
		throw new IOException("The server process ended before it printed its port");
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	@Override
	public void close() throws Exception {
		this.process.getOutputStream().close();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroy();
		}
	}

}
