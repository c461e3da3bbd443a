package dev.springxhr.js;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * xhr2@0.2.1's own test suite, made ready as its Cakefile makes it: its CoffeeScript tests compiled, its test image
 * as a script, a self-signed certificate for its https server; with its test tools from npm at pinned versions (its
 * package.json asks for ">=" ranges). Its Express test server runs in Node on the ports its tests name (8911 https,
 * 8912 http).
 */
final class Xhr2Suite {

	static final String VERSION = "0.2.1";

	/** The test tools, pinned: the newest versions whose browser builds the suite's era expects. */
	static final String PACKAGE_JSON = """
			{"name": "xhr2-suite", "private": true, "dependencies": {"coffeescript": "2.7.0", "express": "4.21.2",
			 "mocha": "10.8.2", "chai": "4.5.0", "sinon": "17.0.1", "sinon-chai": "3.7.0", "open": "8.4.2"}}
			""";

	private static final Path DIR = Path.of("target", "xhr2-suite");

	private Xhr2Suite() {
	}

	/** The suite's directory, prepared once. */
	static synchronized Path prepare() throws IOException, InterruptedException {
		if (Files.exists(DIR.resolve("test/js/helpers/xhr2.png.js"))) {
			return DIR;
		}
		NpmPackages.file("xhr2", VERSION, "package.json");
		Path source = Path.of("target", "npm", "xhr2-" + VERSION, "package");
		copy(source, DIR);
		Files.move(DIR.resolve("package.json"), DIR.resolve("package.json.xhr2"), StandardCopyOption.REPLACE_EXISTING);
		Files.writeString(DIR.resolve("package.json"), PACKAGE_JSON);
		run(Duration.ofMinutes(5), "npm", "install", "--no-audit", "--no-fund", "--silent");
		run(Duration.ofMinutes(2), "node_modules/.bin/coffee", "--compile", "--output", "test/js", "test/src");
		// As the Cakefile's build: the binary test image as a script.
		byte[] png = Files.readAllBytes(DIR.resolve("test/fixtures/xhr2.png"));
		StringBuilder bytes = new StringBuilder();
		for (byte b : png) {
			bytes.append((bytes.length() > 0) ? "," : "").append(b & 0xFF);
		}
		Files.writeString(DIR.resolve("test/js/helpers/xhr2.png.js"),
				"((function(){ return this.global || this; })()).xhr2PngBytes = [" + bytes + "];");
		// As the Cakefile's ssl_cert.
		Files.createDirectories(DIR.resolve("test/ssl"));
		run(Duration.ofMinutes(1), "openssl", "req", "-new", "-x509", "-days", "365", "-nodes", "-sha256", "-newkey",
				"rsa:2048", "-batch", "-out", "test/ssl/cert.pem", "-keyout", "test/ssl/cert.pem", "-subj",
				"/O=xhr2.js/OU=Testing/CN=localhost");
		return DIR;
	}

	/** The suite's test server in Node, up once it answers; destroy the process to stop it. */
	static Process startServer() throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder("node", "-e", "require('./test/js/helpers/xhr_server.js');"
				+ " console.log('listening');").directory(DIR.toFile()).redirectErrorStream(true);
		builder.environment().put("NO_EXIT", "1");
		Process server = builder.start();
		BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
		String line = out.readLine();
		if (!"listening".equals(line)) {
			server.destroyForcibly();
			throw new IOException("The xhr2 test server did not start: " + line);
		}
		Thread drain = new Thread(() -> {
			try {
				while (out.readLine() != null) {
					// the server's log: drained so that it never blocks on a full pipe
				}
			}
			catch (IOException ex) {
				// the server stopped
			}
		}, "xhr2-server-log");
		drain.setDaemon(true);
		drain.start();
		return server;
	}

	/** Run the suite in Node with xhr2 itself: mocha's JSON report. */
	static String runInNode() throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("node_modules/.bin/mocha", "--exit", "--reporter", "json",
				"--timeout", "5000", "--require", "test/js/helpers/setup.js"));
		try (Stream<Path> tests = Files.list(DIR.resolve("test/js"))) {
			tests.map((path) -> "test/js/" + path.getFileName()).filter((name) -> name.endsWith("_test.js")).sorted()
				.forEach(command::add);
		}
		Process process = new ProcessBuilder(command).directory(DIR.toFile()).start();
		byte[] output = process.getInputStream().readAllBytes();
		process.waitFor(5, TimeUnit.MINUTES);
		return new String(output, StandardCharsets.UTF_8);
	}

	static String read(String path) throws IOException {
		return Files.readString(DIR.resolve(path), StandardCharsets.UTF_8);
	}

	private static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				Path target = to.resolve(from.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	private static void run(Duration limit, String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start();
		byte[] output = process.getInputStream().readAllBytes();
		if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IOException(String.join(" ", command) + " failed: " + new String(output, StandardCharsets.UTF_8));
		}
	}

}
