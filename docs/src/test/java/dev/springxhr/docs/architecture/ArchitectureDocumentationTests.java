package dev.springxhr.docs.architecture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/architecture.md names real code: every file of its "from the standard to the code" table exists, every class
 * of its walk through one request is a main source of the engine, and every engine package is in its table.
 */
class ArchitectureDocumentationTests {

	private static final Set<String> EXTERNAL = Set.of("WebClient");

	private static final Path ENGINE = Path.of("..", "xhr-core", "src", "main", "java", "dev", "springxhr", "xhr");

	@Test
	void everyFileOfTheStandardTableExists() throws IOException {
		String table = section("## From the standard to the code", "## Tests");
		Matcher file = Pattern.compile("`([\\w/]+\\.java)`").matcher(table);
		List<String> missing = new ArrayList<>();
		int count = 0;
		while (file.find()) {
			count++;
			if (!Files.isRegularFile(ENGINE.resolve(file.group(1)))) {
				missing.add(file.group(1));
			}
		}
		assertThat(count).as("files named").isGreaterThan(40);
		assertThat(missing).as("files the table names that do not exist").isEmpty();
	}

	@Test
	void everyClassOfTheRequestWalkIsAMainSource() throws IOException {
		String walk = section("## One asynchronous request", "## From the standard to the code");
		Set<String> sources = mainSourceNames();
		// CamelCase names in backticks: classes (state names such as `DONE` are not)
		Matcher name = Pattern.compile("`([A-Z][a-z]\\w*)(?:\\.\\w+)?`").matcher(walk);
		Set<String> missing = new TreeSet<>();
		while (name.find()) {
			if (!sources.contains(name.group(1)) && !EXTERNAL.contains(name.group(1))) {
				missing.add(name.group(1));
			}
		}
		assertThat(missing).as("classes the walk names that are not main sources of xhr-core").isEmpty();
	}

	@Test
	void everyEnginePackageIsInThePackageTable() throws IOException {
		String table = section("## Packages of the engine", "## One asynchronous request");
		Set<String> packages;
		try (Stream<Path> dirs = Files.walk(ENGINE)) {
			packages = dirs.filter((dir) -> Files.isRegularFile(dir.resolve("package-info.java")))
				.map((dir) -> ENGINE.relativize(dir).toString().replace('/', '.'))
				.collect(Collectors.toCollection(TreeSet::new));
		}
		assertThat(packages).contains("internal.fetch");
		for (String pkg : packages) {
			String shown = pkg.isEmpty() ? "`dev.springxhr.xhr`" : pkg.startsWith("internal.")
					? "`…" + pkg + "`" : "`dev.springxhr.xhr." + pkg + "`";
			assertThat(table).as("the package table names " + shown).contains(shown);
		}
	}

	private static Set<String> mainSourceNames() throws IOException {
		try (Stream<Path> files = Files.walk(ENGINE)) {
			return files.map((file) -> file.getFileName().toString())
				.filter((file) -> file.endsWith(".java"))
				.map((file) -> file.substring(0, file.length() - ".java".length()))
				.collect(Collectors.toSet());
		}
	}

	private static String section(String heading, String nextHeading) throws IOException {
		String page = Files.readString(Path.of("architecture.md"), StandardCharsets.UTF_8);
		int start = page.indexOf(heading);
		int end = page.indexOf(nextHeading, start);
		assertThat(start).as(heading).isGreaterThanOrEqualTo(0);
		assertThat(end).as(nextHeading).isGreaterThan(start);
		return page.substring(start, end);
	}

}
