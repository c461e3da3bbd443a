package dev.springxhr.docs.snippets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The snippet check itself: what makes it fail, and what it accepts.
 */
class SnippetVerifierTests {

	@TempDir
	Path sources;

	private SnippetVerifier verifier;

	@BeforeEach
	void writeASource() throws IOException {
		Files.createDirectories(this.sources.resolve("dev/example"));
		Files.writeString(this.sources.resolve("dev/example/ExampleSnippets.java"), """
				class ExampleSnippets {
				\tvoid run() {
				\t\t// tag::greeting[]
				\t\tString greeting = "hello";
				\t\tif (greeting.isEmpty()) {
				\t\t\t// tag::inner[]
				\t\t\tthrow new IllegalStateException();
				\t\t\t// end::inner[]
				\t\t}
				\t\t// end::greeting[]
				\t\t// tag::parts[]
				\t\tint first = 1;
				\t\t// end::parts[]
				\t\tint hidden = 2;
				\t\t// tag::parts[]
				\t\tint third = 3;
				\t\t// end::parts[]
				\t\t// tag::unclosed[]
				\t}
				}
				""");
		Files.writeString(this.sources.resolve("application.yml"), """
				# tag::yaml[]
				xhr:
				  timeout: 5s
				# end::yaml[]
				""");
		this.verifier = new SnippetVerifier(List.of(this.sources));
	}

	@Test
	void aBlockEqualToItsRegionPassesWhateverTheIndentation() {
		assertThat(this.verifier.problems("doc.md", lines("""
				Text.

				<!-- snippet: ExampleSnippets.java#greeting -->
				```java
				String greeting = "hello";
				if (greeting.isEmpty()) {
				    throw new IllegalStateException();
				}
				```
				"""))).isEmpty();
	}

	@Test
	void aBlockInsideAListItemPasses() {
		assertThat(this.verifier.problems("doc.md", lines("""
				- Item:
				  <!-- snippet: application.yml#yaml -->
				  ```yaml
				  xhr:
				    timeout: 5s
				  ```
				"""))).isEmpty();
	}

	@Test
	void aBlockThatDiffersFromItsRegionFailsAndShowsBoth() {
		assertThat(this.verifier.problems("doc.md", lines("""
				<!-- snippet: application.yml#yaml -->
				```yaml
				xhr:
				  timeout: 10s
				```
				"""))).singleElement()
			.asString()
			.startsWith("doc.md:2 (```yaml) differs from application.yml#yaml")
			.contains("timeout: 10s", "timeout: 5s");
	}

	@Test
	void aJavaYamlPropertiesOrXmlBlockWithoutMarkerFails() {
		assertThat(this.verifier.problems("doc.md", lines("""
				```java
				int x = 1;
				```

				```properties
				xhr.timeout=5s
				```

				```yaml
				xhr: {}
				```

				```xml
				<a/>
				```
				"""))).hasSize(4).allSatisfy((problem) -> assertThat(problem).contains("has no <!-- snippet:"));
	}

	@Test
	void shellOutputAndUnlabelledBlocksNeedNoMarker() {
		assertThat(this.verifier.problems("doc.md", lines("""
				```sh
				./mvnw verify
				```

				```json
				{"status": "UP"}
				```

				```
				rsc(1)
				```
				"""))).isEmpty();
	}

	@Test
	void aMarkerNamingAMissingFileOrTagFails() {
		assertThat(this.verifier.problems("doc.md", lines("""
				<!-- snippet: MissingSnippets.java#greeting -->
				```java
				String greeting = "hello";
				```

				<!-- snippet: ExampleSnippets.java#farewell -->
				```java
				String greeting = "hello";
				```

				<!-- snippet: ExampleSnippets.java#unclosed -->
				```java
				}
				```
				"""))).satisfiesExactly((problem) -> assertThat(problem).contains("'MissingSnippets.java'"),
						(problem) -> assertThat(problem).contains("no tag::farewell[]"),
						(problem) -> assertThat(problem).contains("never closed"));
	}

	@Test
	void aRegionOpenedSeveralTimesIsItsPartsJoined() {
		assertThat(this.verifier.problems("doc.md", lines("""
				<!-- snippet: ExampleSnippets.java#parts -->
				```java
				int first = 1;
				int third = 3;
				```
				"""))).isEmpty();
	}

	@Test
	void aMarkerSeparatedFromItsBlockByTextDoesNotCount() {
		assertThat(this.verifier.problems("doc.md", lines("""
				<!-- snippet: ExampleSnippets.java#inner -->
				Some text in between.
				```java
				throw new IllegalStateException();
				```
				"""))).singleElement().asString().contains("has no <!-- snippet:");
	}

	@Test
	void updateRewritesMarkedBlocksFromTheirRegionsAndKeepsTheRest() {
		List<String> updated = this.verifier.update(lines("""
				- Item:
				  <!-- snippet: application.yml#yaml -->
				  ```yaml
				  old: value
				  ```

				```sh
				./mvnw verify
				```

				<!-- snippet: ExampleSnippets.java#inner -->
				```java
				stale();
				more();
				```
				"""));
		assertThat(String.join("\n", updated)).isEqualTo("""
				- Item:
				  <!-- snippet: application.yml#yaml -->
				  ```yaml
				  xhr:
				    timeout: 5s
				  ```

				```sh
				./mvnw verify
				```

				<!-- snippet: ExampleSnippets.java#inner -->
				```java
				throw new IllegalStateException();
				```""");
		assertThat(this.verifier.problems("doc.md", updated)).isEmpty();
	}

	@Test
	void anUnclosedFenceIsAnError() {
		assertThatIllegalArgumentException().isThrownBy(() -> MarkdownCodeBlock.parse(lines("""
				```java
				int x;
				""")));
	}

	private static List<String> lines(String text) {
		return text.lines().toList();
	}

}
