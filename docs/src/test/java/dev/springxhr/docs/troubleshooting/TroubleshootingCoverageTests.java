package dev.springxhr.docs.troubleshooting;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.springxhr.xhr.DOMException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/troubleshooting.md has a section for each {@code DOMException} name: every name that the engine's sources
 * throw ({@code DOMException.NETWORK_ERROR} and the like, outside {@code DOMException} itself) and every name
 * {@code DOMException} declares.
 */
class TroubleshootingCoverageTests {

	private static final Path ENGINE_SOURCES = Path.of("..", "xhr-core", "src", "main", "java");

	private static final Pattern NAME_CONSTANT = Pattern.compile("DOMException\\.([A-Z_]+_ERROR)\\b");

	@Test
	void everyDomExceptionNameHasASection() throws Exception {
		Set<String> thrown = new TreeSet<>();
		try (Stream<Path> sources = Files.walk(ENGINE_SOURCES)) {
			for (Path source : sources.filter((path) -> path.toString().endsWith(".java"))
				.filter((path) -> !path.endsWith("DOMException.java"))
				.toList()) {
				Matcher matcher = NAME_CONSTANT.matcher(Files.readString(source, StandardCharsets.UTF_8));
				while (matcher.find()) {
					thrown.add(nameOf(matcher.group(1)));
				}
			}
		}
		Set<String> declared = new TreeSet<>();
		for (Field field : DOMException.class.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
				declared.add((String) field.get(null));
			}
		}
		String troubleshooting = Files.readString(Path.of("troubleshooting.md"), StandardCharsets.UTF_8);

		assertThat(thrown).contains("InvalidStateError", "SyntaxError", "SecurityError", "NetworkError",
				"AbortError", "TimeoutError", "InvalidAccessError");
		assertThat(declared).containsAll(thrown);
		assertThat(declared).allSatisfy((name) -> assertThat(troubleshooting).as("troubleshooting.md")
			.contains("### `" + name + "`"));
	}

	private static String nameOf(String constant) throws IOException {
		try {
			return (String) DOMException.class.getField(constant).get(null);
		}
		catch (ReflectiveOperationException ex) {
			throw new IOException("DOMException has no constant " + constant, ex);
		}
	}

}
