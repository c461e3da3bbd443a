package dev.springxhr.xhr.oracle;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The browser oracle's scenario server ({@code src/test/resources/oracle/server.py}, a verbatim copy of the tool's),
 * run with {@code python3} on free loopback ports: origin {A} on port P, origin {B} on P+1, and {C}, a port the
 * server found free and left closed.
 *
 * <p>The same control endpoints as the browser runner uses: {@code /__config}, {@code /__begin?sid=},
 * {@code /__end?sid=} (the requests logged for a scenario).
 */
final class OracleServer implements AutoCloseable {

	private static final int START_ATTEMPTS = 5;

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);

	private final Process process;

	/** Stops the server if the JVM ends without {@link #close()} (e.g. a killed test run): no leaked process. */
	private final Thread shutdownHook;

	private final int portA;

	private final int portB;

	private final int closedPort;

	private OracleServer(Process process, int portA, int portB, int closedPort) {
		this.process = process;
		this.shutdownHook = new Thread(() -> stop(process), "oracle-server-shutdown");
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
		this.portA = portA;
		this.portB = portB;
		this.closedPort = closedPort;
	}

	/**
	 * Start the server, retrying on other ports if a port pair was taken by someone else in the meantime.
	 * @param script the path of server.py
	 * @param scenarios the scenarios file (served as /scenarios.json, unused by the replay)
	 * @param workDir where the server's log and its {@code --out} directory go
	 */
	static OracleServer start(Path script, Path scenarios, Path workDir) throws IOException, InterruptedException {
		Files.createDirectories(workDir);
		IOException last = null;
		for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
			int port = freePortPair();
			Path log = workDir.resolve("server-" + port + ".log");
			ProcessBuilder builder = new ProcessBuilder("python3", script.toString(), Integer.toString(port),
					Integer.toString(port + 1), "--scenarios", scenarios.toString(), "--out",
					workDir.resolve("out").toString())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			Process process = builder.start();
			boolean started = false;
			try {
				Map<?, ?> config = awaitConfig(process, port);
				if (config != null) {
					List<?> ports = (List<?>) config.get("ports");
					OracleServer server = new OracleServer(process, ((Number) ports.get(0)).intValue(),
							((Number) ports.get(1)).intValue(), ((Number) config.get("closedPort")).intValue());
					started = true;
					return server;
				}
				last = new IOException("server.py did not start on ports " + port + "/" + (port + 1) + " (exit "
						+ (process.isAlive() ? "still running" : process.exitValue()) + "): "
						+ Files.readString(log));
			}
			finally {
				if (!started) {
					stop(process);
				}
			}
		}
		throw last;
	}

	/** {A}: {@code http://127.0.0.1:P}. */
	String originA() {
		return "http://127.0.0.1:" + this.portA;
	}

	/** {B}: {@code http://127.0.0.1:P+1}, the cross-origin server. */
	String originB() {
		return "http://127.0.0.1:" + this.portB;
	}

	/** {C}: a closed port. */
	String originC() {
		return "http://127.0.0.1:" + this.closedPort;
	}

	int portA() {
		return this.portA;
	}

	int portB() {
		return this.portB;
	}

	int closedPort() {
		return this.closedPort;
	}

	/** {@code GET /__begin?sid=}: start the request log of a scenario. */
	void begin(String sid) throws IOException {
		get(this.portA, "/__begin?sid=" + URLEncoder.encode(sid, StandardCharsets.UTF_8));
	}

	/** {@code GET /__end?sid=}: the requests the server logged for the scenario. */
	List<Object> end(String sid) throws IOException {
		String body = get(this.portA, "/__end?sid=" + URLEncoder.encode(sid, StandardCharsets.UTF_8));
		@SuppressWarnings("unchecked")
		List<Object> entries = (List<Object>) Json.parse(body);
		return entries;
	}

	@Override
	public void close() {
		stop(this.process);
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// the JVM is shutting down already
		}
	}

	private static void stop(Process process) {
		process.destroy();
		try {
			if (!process.waitFor(5, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private static Map<?, ?> awaitConfig(Process process, int port) throws InterruptedException {
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				return null;
			}
			try {
				return (Map<?, ?>) Json.parse(get(port, "/__config"));
			}
			catch (IOException ex) {
				Thread.sleep(50);
			}
		}
		return null;
	}

	private static String get(int port, String pathAndQuery) throws IOException {
		URL url;
		try {
			url = new URI("http://127.0.0.1:" + port + pathAndQuery).toURL();
		}
		catch (URISyntaxException ex) {
			throw new IOException(ex);
		}
		HttpURLConnection connection = (HttpURLConnection) url.openConnection(Proxy.NO_PROXY);
		connection.setConnectTimeout(2000);
		connection.setReadTimeout(10000);
		connection.setUseCaches(false);
		try (InputStream in = connection.getInputStream()) {
			if (connection.getResponseCode() != 200) {
				throw new IOException("GET " + pathAndQuery + " answered " + connection.getResponseCode());
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		finally {
			connection.disconnect();
		}
	}

	/** A port P on 127.0.0.1 such that P and P+1 are both free right now. */
	private static int freePortPair() throws IOException {
		InetAddress loopback = InetAddress.getByName("127.0.0.1");
		for (int i = 0; i < 50; i++) {
			int port;
			try (ServerSocket first = new ServerSocket(0, 1, loopback)) {
				port = first.getLocalPort();
			}
			if (port >= 65535) {
				continue;
			}
			try (ServerSocket a = new ServerSocket(port, 1, loopback);
					ServerSocket b = new ServerSocket(port + 1, 1, loopback)) {
				return port;
			}
			catch (IOException taken) {
				// try another pair
			}
		}
		throw new IOException("no free pair of adjacent loopback ports found");
	}

}
