package dev.springxhr.js;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real JavaScript clients, unmodified, from the npm registry at a pinned version: {@code npm pack} fetches the
 * package's tarball once into {@code target/npm}, {@code tar} unpacks it. {@code .ci/run} installs Node and npm.
 */
final class NpmPackages {

	private static final Path CACHE = Path.of("target", "npm");

	private NpmPackages() {
	}

	/** A file of a package, e.g. {@code file("axios", "1.21.1", "dist/axios.js")}. */
	static synchronized String file(String name, String version, String path) throws IOException, InterruptedException {
		Path unpacked = CACHE.resolve(name + "-" + version);
		if (!Files.isDirectory(unpacked.resolve("package"))) {
			Files.createDirectories(unpacked);
			run(unpacked, Duration.ofMinutes(3), "npm", "pack", name + "@" + version, "--silent");
			run(unpacked, Duration.ofMinutes(1), "tar", "-xzf", name + "-" + version + ".tgz");
		}
		return Files.readString(unpacked.resolve("package").resolve(path), StandardCharsets.UTF_8);
	}

	private static void run(Path directory, Duration limit, String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(List.of(command)).directory(directory.toFile())
			.redirectErrorStream(true)
			.start();
		byte[] output = process.getInputStream().readAllBytes();
		if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IOException(String.join(" ", command) + " failed in " + directory + ": "
					+ new String(output, StandardCharsets.UTF_8));
		}
	}

}
