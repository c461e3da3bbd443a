package dev.springxhr.docs.snippets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks that every code block of a Markdown file is the tagged region of a tested source file that its marker names,
 * and rewrites blocks from their sources on request.
 *
 * <p>Blocks in {@code java}, {@code yaml}/{@code yml}, {@code properties} and {@code xml} must have a marker: they
 * are code a reader copies. Shell commands ({@code sh}, {@code bash}, {@code shell}), output and wire samples
 * ({@code text}, {@code json}, {@code http}) and blocks without a language need none — they are not code that a test
 * could compile or bind — but are checked like the others when they have one.
 */
public final class SnippetVerifier {

	/** Languages whose blocks must come from a tagged region. */
	public static final Set<String> LANGUAGES_NEEDING_A_MARKER = Set.of("java", "yaml", "yml", "properties", "xml");

	private final List<Path> sourceRoots;

	/**
	 * Create a verifier that finds the files that markers name under the given directories.
	 * @param sourceRoots the directories (e.g. {@code src/test/java}, {@code src/test/resources})
	 */
	public SnippetVerifier(List<Path> sourceRoots) {
		this.sourceRoots = List.copyOf(sourceRoots);
	}

	/**
	 * Check a Markdown text.
	 * @param name the file's name, for the messages
	 * @param markdown the file's lines
	 * @return one message per problem, each naming the file and line; empty when every block is as its source
	 */
	public List<String> problems(String name, List<String> markdown) {
		List<String> problems = new ArrayList<>();
		for (MarkdownCodeBlock block : MarkdownCodeBlock.parse(markdown)) {
			String where = name + ":" + block.lineNumber() + " (```" + block.language() + ")";
			SnippetMarker marker = block.marker();
			if (marker == null) {
				if (LANGUAGES_NEEDING_A_MARKER.contains(block.language())) {
					problems.add(where + " has no <!-- snippet: File#tag --> marker on the line before it; put the "
							+ "code into a test source between tag::NAME[] and end::NAME[] and name it there");
				}
				continue;
			}
			try {
				List<String> expected = regionOf(marker);
				List<String> actual = TaggedRegions.normalize(block.content());
				if (!expected.equals(actual)) {
					problems.add(where + " differs from " + marker + " (run ./mvnw -pl docs test "
							+ "-Ddocs.snippets.update=true to rewrite it):\n--- docs\n" + String.join("\n", actual)
							+ "\n--- " + marker + "\n" + String.join("\n", expected));
				}
			}
			catch (IllegalArgumentException ex) {
				problems.add(where + ": " + ex.getMessage());
			}
		}
		return problems;
	}

	/**
	 * Rewrite every marked block of a Markdown text from its tagged region (blocks whose marker is broken are kept).
	 * @param markdown the file's lines
	 * @return the rewritten lines
	 */
	public List<String> update(List<String> markdown) {
		List<String> updated = new ArrayList<>(markdown);
		List<MarkdownCodeBlock> blocks = MarkdownCodeBlock.parse(markdown);
		// from the last block to the first, so that the line numbers of the earlier ones stay right
		for (int b = blocks.size() - 1; b >= 0; b--) {
			MarkdownCodeBlock block = blocks.get(b);
			if (block.marker() == null) {
				continue;
			}
			List<String> region;
			try {
				region = regionOf(block.marker());
			}
			catch (IllegalArgumentException ex) {
				continue;
			}
			List<String> indented = region.stream()
				.map((line) -> line.isEmpty() ? line : block.indent() + line)
				.toList();
			updated.subList(block.fenceLine() + 1, block.closingLine()).clear();
			updated.addAll(block.fenceLine() + 1, indented);
		}
		return updated;
	}

	private List<String> regionOf(SnippetMarker marker) {
		Path source = find(marker.file());
		Optional<List<String>> region = TaggedRegions.region(readLines(source), marker.tag());
		return region.orElseThrow(() -> new IllegalArgumentException(
				"the marker " + marker + " names a tag that " + source + " does not have (no tag::" + marker.tag()
						+ "[])"));
	}

	private Path find(String file) {
		List<Path> matches = new ArrayList<>();
		for (Path root : this.sourceRoots) {
			if (!Files.isDirectory(root)) {
				continue;
			}
			try (Stream<Path> paths = Files.walk(root)) {
				paths.filter(Files::isRegularFile)
					.filter((path) -> path.endsWith(file))
					.forEach(matches::add);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		if (matches.isEmpty()) {
			throw new IllegalArgumentException("the marker names '" + file + "', which is in none of "
					+ this.sourceRoots);
		}
		if (matches.size() > 1) {
			throw new IllegalArgumentException("the marker names '" + file + "', which is ambiguous: " + matches
					+ "; name it by a longer path");
		}
		return matches.get(0);
	}

	private static List<String> readLines(Path path) {
		try {
			return Files.readAllLines(path, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
