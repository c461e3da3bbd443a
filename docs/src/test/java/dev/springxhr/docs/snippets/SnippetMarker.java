package dev.springxhr.docs.snippets;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The comment that says where a code block of the docs comes from: {@code <!-- snippet: File.java#tag -->}.
 *
 * @param file the name of a file of the docs module's test sources or resources ({@code GettingStartedSnippets.java},
 * {@code snippets/application.yml}): a file name, or a path that ends a unique file's path
 * @param tag the name of the tagged region in that file
 */
public record SnippetMarker(String file, String tag) {

	private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*snippet:\\s*([^#\\s]+)#([\\w.-]+)\\s*-->\\s*$");

	/**
	 * Parse a line as a marker.
	 * @param line a line of Markdown
	 * @return the marker, or {@code null} when the line is not one
	 */
	public static @Nullable SnippetMarker parse(String line) {
		Matcher matcher = MARKER.matcher(line);
		return matcher.matches() ? new SnippetMarker(matcher.group(1), matcher.group(2)) : null;
	}

	@Override
	public String toString() {
		return this.file + "#" + this.tag;
	}

}
