package dev.springxhr.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.springxhr.docs.snippets.MarkdownCodeBlock;
import dev.springxhr.docs.snippets.SnippetVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every code snippet of the docs ({@code docs/*.md} and {@code README.md}) is the tagged region of a test source of
 * this module, which compiles it and runs it (Java) or binds it with the real {@code XhrProperties} (YAML,
 * properties). A snippet that has drifted from its source, a ```java/```yaml/```properties/```xml block without a
 * {@code <!-- snippet: File#tag -->} marker, and a marker that names a missing file or tag fail here.
 *
 * <p>Shell commands ({@code ```sh}), output and wire samples ({@code ```text}, {@code ```json}) and blocks without a
 * language need no marker: they are not code a test could compile (see {@link SnippetVerifier}).
 *
 * <p>With {@code -Ddocs.snippets.update=true} ({@code ./mvnw -pl docs test -Ddocs.snippets.update=true}) the blocks
 * are first rewritten from their sources, so that changing a snippet means changing its test.
 */
class DocumentationSnippetsTests {

	private static final Path DOCS = Path.of("").toAbsolutePath();

	// xhr-core's tests hold the examples that must run without Spring Boot on the classpath
	private final SnippetVerifier verifier = new SnippetVerifier(List.of(DOCS.resolve("src/test/java"),
			DOCS.resolve("src/test/resources"), DOCS.resolveSibling("xhr-core").resolve("src/test/java"),
			DOCS.resolveSibling("xhr-redis").resolve("src/test/java"),
			DOCS.resolveSibling("xhr-spring-boot-autoconfigure").resolve("src/test/java"),
			DOCS.resolveSibling("xhr-spring-boot-autoconfigure").resolve("src/test/resources")));

	@TestFactory
	Stream<DynamicTest> everyCodeBlockIsTheTaggedRegionItsMarkerNames() throws IOException {
		boolean update = Boolean.getBoolean("docs.snippets.update");
		return markdownFiles().stream().map((file) -> DynamicTest.dynamicTest(DOCS.relativize(file).toString(), () -> {
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			if (update) {
				List<String> updated = this.verifier.update(lines);
				if (!updated.equals(lines)) {
					Files.writeString(file, String.join("\n", updated) + "\n", StandardCharsets.UTF_8);
					lines = updated;
				}
			}
			assertThat(this.verifier.problems(DOCS.relativize(file).toString(), lines)).isEmpty();
		}));
	}

	@Test
	void theDocsHaveMarkedSnippetsInEveryLanguageThatNeedsThem() throws IOException {
		List<MarkdownCodeBlock> marked = new ArrayList<>();
		for (Path file : markdownFiles()) {
			MarkdownCodeBlock.parse(Files.readAllLines(file, StandardCharsets.UTF_8))
				.stream()
				.filter((block) -> block.marker() != null)
				.forEach(marked::add);
		}
		// a parser that finds no block would pass every check above
		assertThat(marked).extracting(MarkdownCodeBlock::language).contains("java", "yaml", "properties", "xml");
		assertThat(marked).filteredOn((block) -> block.language().equals("java")).hasSizeGreaterThan(30);
	}

	@Test
	void theReadmeExampleIsATestedSnippet() throws IOException {
		List<MarkdownCodeBlock> blocks = MarkdownCodeBlock
			.parse(Files.readAllLines(DOCS.resolveSibling("README.md"), StandardCharsets.UTF_8));
		assertThat(blocks).filteredOn((block) -> block.language().equals("java"))
			.isNotEmpty()
			.allSatisfy((block) -> assertThat(block.marker()).isNotNull());
	}

	/**
	 * The docs' Markdown files: the module's own (not those under src/ or target/) and the project's README.
	 */
	static List<Path> markdownFiles() throws IOException {
		List<Path> files = new ArrayList<>();
		files.add(DOCS.resolveSibling("README.md"));
		try (Stream<Path> paths = Files.walk(DOCS)) {
			paths.filter((path) -> path.toString().endsWith(".md"))
				.filter((path) -> !DOCS.relativize(path).startsWith("src") && !DOCS.relativize(path).startsWith("target"))
				.sorted()
				.forEach(files::add);
		}
		return files;
	}

}
