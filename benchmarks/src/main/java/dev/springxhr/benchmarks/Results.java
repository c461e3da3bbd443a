package dev.springxhr.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes the JSON result files of the harnesses (one file per harness, in the results folder). */
final class Results {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private Results() {
	}

	static void write(Path file, Map<String, ?> result) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.writeString(file, JSON.writeValueAsString(result));
		System.out.println("Wrote " + file);
	}

	/** The JSON file {@code name} in {@code dir}, or {@code null} when that step did not run. */
	static @Nullable JsonNode readOrNull(Path dir, String name) throws IOException {
		Path file = dir.resolve(name);
		return Files.exists(file) ? read(file) : null;
	}

	static JsonNode read(Path file) throws IOException {
		return JSON.readTree(Files.readString(file));
	}

	/** The value of {@code --name=value} among the arguments, or the default. */
	static String option(String[] args, String name, String defaultValue) {
		String prefix = "--" + name + "=";
		for (String arg : args) {
			if (arg.startsWith(prefix)) {
				return arg.substring(prefix.length());
			}
		}
		return defaultValue;
	}

}
