package dev.springxhr.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the report says about the machine: from /proc and the JVM. */
final class Machine {

	private Machine() {
	}

	static String cpuModel() {
		return field(Path.of("/proc/cpuinfo"), "model name", System.getProperty("os.arch"));
	}

	static String memory() {
		String total = field(Path.of("/proc/meminfo"), "MemTotal", "");
		if (total.endsWith("kB")) {
			double gib = Long.parseLong(total.replace("kB", "").trim()) / 1024.0 / 1024.0;
			return String.format(Locale.ROOT, "%.1f GiB", gib);
		}
		return total.isEmpty() ? "unknown" : total;
	}

	static String os() {
		String pretty = field(Path.of("/etc/os-release"), "PRETTY_NAME", "").replace("\"", "");
		return (pretty.isEmpty() ? System.getProperty("os.name") : pretty) + ", kernel " + System.getProperty("os.version")
				+ " (" + System.getProperty("os.arch") + ")";
	}

	private static String field(Path file, String name, String fallback) {
		try {
			List<String> lines = Files.readAllLines(file);
			for (String line : lines) {
				if (line.startsWith(name)) {
					int separator = line.indexOf(line.contains("=") && !line.contains(":") ? '=' : ':');
					return line.substring(separator + 1).trim();
				}
			}
		}
		catch (IOException ex) {
			// not Linux
		}
		return fallback;
	}

}
