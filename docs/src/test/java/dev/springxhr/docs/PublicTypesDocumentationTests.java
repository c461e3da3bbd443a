package dev.springxhr.docs;

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
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public type of the engine ({@code dev.springxhr.xhr}, {@code dev.springxhr.xhr.event}), of the
 * auto-configuration ({@code dev.springxhr.autoconfigure} and its subpackages) and of the actuator support
 * ({@code dev.springxhr.actuate}) is named, as code, somewhere in the docs: {@code `XhrSettings`} or
 * {@code `XhrSettings.defaults()`}; a public nested type as {@code `XhrProperties.Probe`}. The types are read from
 * the sources, so a new public type without docs fails here.
 */
class PublicTypesDocumentationTests {

	// the public packages, each under the main sources of its module
	private static final List<Path> PACKAGES = List.of(Path.of("..", "xhr-core", "src", "main", "java", "dev", "springxhr", "xhr"),
			Path.of("..", "xhr-redis", "src", "main", "java", "dev", "springxhr", "xhr", "redis"),
			Path.of("..", "xhr-spring-boot-autoconfigure", "src", "main", "java", "dev", "springxhr", "autoconfigure"),
			Path.of("..", "xhr-spring-boot-autoconfigure", "src", "main", "java", "dev", "springxhr", "actuate"),
			Path.of("..", "xhr-spring-boot-test", "src", "main", "java", "dev", "springxhr", "test"),
			Path.of("..", "xhr-graaljs", "src", "main", "java", "dev", "springxhr", "js"));

	private static final Pattern TOP_LEVEL_TYPE = Pattern
		.compile("(?m)^public (?:final |abstract |sealed |non-sealed )*(class|interface|record|enum|@interface) (\\w+)");

	private static final Pattern NESTED_TYPE = Pattern
		.compile("(?m)^\\s+public (?:static |final |abstract |sealed |non-sealed )*(?:class|interface|record|enum) (\\w+)");

	// a member type of an interface is public without the keyword: XhrFactory.Builder
	private static final Pattern INTERFACE_MEMBER_TYPE = Pattern
		.compile("(?m)^\\t(?:static |sealed |non-sealed )*(?:class|interface|record|enum) (\\w+)");

	@Test
	void everyPublicTypeIsNamedInTheDocs() throws IOException {
		Set<String> types = publicTypes();
		String docs = allDocs();
		assertThat(types).as("public types found in the sources")
			.contains("XMLHttpRequest", "ProgressEvent", "XhrAutoConfiguration", "XhrProperties.Probe",
					"XhrHealthIndicator", "XhrFactory.Builder");
		List<String> undocumented = new ArrayList<>();
		for (String type : types) {
			if (!Pattern.compile("`" + Pattern.quote(type) + "[`.(<#\\[ ]").matcher(docs).find()) {
				undocumented.add(type);
			}
		}
		assertThat(undocumented).as("public types that no page of docs/ names as `Type`").isEmpty();
	}

	@Test
	void everyTypeOfThePublicTypesTableExists() throws IOException {
		String index = Files.readString(Path.of("index.md"), StandardCharsets.UTF_8);
		String table = index.substring(index.indexOf("## Public types"));
		Matcher row = Pattern.compile("(?m)^\\| `([\\w.]+)` \\|").matcher(table);
		Set<String> listed = new TreeSet<>();
		while (row.find()) {
			listed.add(row.group(1));
		}
		assertThat(listed).isNotEmpty();
		assertThat(publicTypes()).containsAll(listed);
		assertThat(listed).as("the table lists every public type").containsAll(publicTypes());
	}

	static Set<String> publicTypes() throws IOException {
		Set<String> types = new TreeSet<>();
		for (Path pkg : PACKAGES) {
			try (Stream<Path> sources = Files.walk(pkg)) {
				// dev.springxhr.xhr.internal.* is public for the engine's own packages only, not API
				for (Path source : sources.filter((path) -> path.toString().endsWith(".java"))
					.filter((path) -> !pkg.relativize(path).startsWith("internal"))
					.toList()) {
					String text = Files.readString(source, StandardCharsets.UTF_8);
					Matcher topLevel = TOP_LEVEL_TYPE.matcher(text);
					if (!topLevel.find()) {
						continue;   // package-private, or package-info
					}
					String outer = topLevel.group(2);
					types.add(outer);
					Matcher nested = NESTED_TYPE.matcher(text);
					while (nested.find()) {
						types.add(outer + "." + nested.group(1));
					}
					if (topLevel.group(1).endsWith("interface")) {
						Matcher member = INTERFACE_MEMBER_TYPE.matcher(text);
						while (member.find()) {
							types.add(outer + "." + member.group(1));
						}
					}
				}
			}
		}
		return types;
	}

	private static String allDocs() throws IOException {
		StringBuilder docs = new StringBuilder();
		for (Path file : DocumentationSnippetsTests.markdownFiles()) {
			docs.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
		}
		return docs.toString();
	}

}
