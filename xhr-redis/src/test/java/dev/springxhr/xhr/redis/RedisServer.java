package dev.springxhr.xhr.redis;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.awaitility.Awaitility.await;

/**
 * A real {@code redis-server} (Debian's package; {@code .ci/run} installs it) for a test class, on a free loopback
 * port, with an append-only file in a directory of its own: it can be stopped mid-test and started again on the same
 * port with its data, as a Redis that restarts.
 */
public final class RedisServer implements BeforeAllCallback, AfterAllCallback {

	private @Nullable Process process;

	private @Nullable Path directory;

	private int port;

	@Override
	public synchronized void beforeAll(ExtensionContext context) throws Exception {
		this.directory = Files.createTempDirectory("xhr-redis");
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			this.port = socket.getLocalPort();
		}
		start();
	}

	@Override
	public synchronized void afterAll(ExtensionContext context) throws Exception {
		stop();
		if (this.directory != null) {
			try (var files = Files.walk(this.directory)) {
				files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

	/** Start the server (again), on its port, with the data it had. */
	public synchronized void start() {
		if (this.process != null) {
			return;
		}
		String executable = executable();
		try {
			this.process = new ProcessBuilder(List.of(executable, "--port", String.valueOf(this.port), "--bind",
					"127.0.0.1", "--dir", String.valueOf(this.directory), "--appendonly", "yes", "--appendfsync",
					"always", "--save", "", "--protected-mode", "no"))
				.redirectErrorStream(true)
				.redirectOutput(this.directory.resolve("redis.log").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		await().atMost(Duration.ofSeconds(20)).until(this::accepts);
	}

	/** Stop the server (SIGTERM: Redis writes its append-only file and exits); clients see it gone. */
	public synchronized void stop() throws InterruptedException {
		Process running = this.process;
		if (running == null) {
			return;
		}
		running.destroy();
		if (!running.waitFor(20, TimeUnit.SECONDS)) {
			running.destroyForcibly().waitFor();
		}
		this.process = null;
	}

	public int port() {
		return this.port;
	}

	/** A Lettuce connection factory to this server, started. */
	public LettuceConnectionFactory connectionFactory() {
		// Fail fast while Redis is away (Lettuce queues commands until they time out by default), as the docs advise.
		LettuceClientConfiguration client = LettuceClientConfiguration.builder()
			.commandTimeout(Duration.ofSeconds(2))
			.clientOptions(ClientOptions.builder()
				.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
				.build())
			.build();
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", this.port), client);
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	private boolean accepts() {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String executable() {
		for (String candidate : List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server")) {
			if (new File(candidate).canExecute()) {
				return candidate;
			}
		}
		throw new IllegalStateException("These tests need a real redis-server: install Debian's package "
				+ "(apt-get install redis-server; .ci/run does)");
	}

}
