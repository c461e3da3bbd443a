package dev.springxhr.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One concept per file, split along the standard's own steps: no main source of the engine is over 400 lines, but
 * {@code XMLHttpRequest}, whose public Javadoc is half of it.
 */
class SourceSizeTests {

	private static final Path MAIN_SOURCES = Path.of("src", "main", "java");

	private static final int LIMIT = 400;

	private static final Map<String, Integer> EXCEPTIONS = Map.of("XMLHttpRequest.java", 520);

	@Test
	void noMainSourceIsOverItsLimit() throws IOException {
		Map<String, Long> tooLong = new TreeMap<>();
		int sources = 0;
		try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				sources++;
				long lines;
				try (Stream<String> content = Files.lines(file)) {
					lines = content.count();
				}
				if (lines > EXCEPTIONS.getOrDefault(file.getFileName().toString(), LIMIT)) {
					tooLong.put(MAIN_SOURCES.relativize(file).toString(), lines);
				}
			}
		}
		assertThat(sources).as("main sources found").isGreaterThan(100);
		assertThat(tooLong).as("main sources over " + LIMIT + " lines").isEmpty();
	}

}
