package dev.springxhr.docs.snippets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A fenced code block of a Markdown file (CommonMark's backtick fences), with the snippet marker that precedes it.
 *
 * @param language the info string's first word, lower-case ({@code ""} when none)
 * @param marker the {@code <!-- snippet: File#tag -->} on the nearest non-blank line before the fence, if any
 * @param fenceLine index of the opening fence line in the file's lines (0-based)
 * @param closingLine index of the closing fence line; the content is the lines in between
 * @param indent the opening fence's indentation, which the content lines share (a block inside a list)
 * @param content the content lines without the fence's indentation
 */
public record MarkdownCodeBlock(String language, @Nullable SnippetMarker marker, int fenceLine, int closingLine,
		String indent, List<String> content) {

	private static final Pattern OPENING_FENCE = Pattern.compile("^( {0,3})(`{3,})\\s*([^`\\s]*)[^`]*$");

	/**
	 * Find the fenced code blocks of a Markdown file.
	 * @param lines the file's lines
	 * @return its code blocks, in order
	 * @throws IllegalArgumentException if a fence is never closed
	 */
	public static List<MarkdownCodeBlock> parse(List<String> lines) {
		List<MarkdownCodeBlock> blocks = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Matcher opening = OPENING_FENCE.matcher(lines.get(i));
			if (!opening.matches()) {
				continue;
			}
			String indent = opening.group(1);
			String fence = opening.group(2);
			int closing = i + 1;
			// CommonMark: the closing fence is at least as long as the opening one, with nothing after it
			while (closing < lines.size() && !isClosingFence(lines.get(closing), fence)) {
				closing++;
			}
			if (closing == lines.size()) {
				throw new IllegalArgumentException("The code fence on line " + (i + 1) + " is never closed");
			}
			List<String> content = new ArrayList<>();
			for (String line : lines.subList(i + 1, closing)) {
				content.add(line.startsWith(indent) ? line.substring(indent.length()) : line.stripLeading());
			}
			blocks.add(new MarkdownCodeBlock(opening.group(3).toLowerCase(java.util.Locale.ROOT),
					markerBefore(lines, i), i, closing, indent, List.copyOf(content)));
			i = closing;
		}
		return blocks;
	}

	private static boolean isClosingFence(String line, String fence) {
		String trimmed = line.strip();
		return trimmed.startsWith(fence) && trimmed.chars().allMatch((c) -> c == '`');
	}

	private static @Nullable SnippetMarker markerBefore(List<String> lines, int fenceLine) {
		for (int i = fenceLine - 1; i >= 0; i--) {
			if (!lines.get(i).isBlank()) {
				return SnippetMarker.parse(lines.get(i));
			}
		}
		return null;
	}

	/**
	 * Return the line number of the opening fence, as an editor shows it (1-based).
	 * @return the line number
	 */
	public int lineNumber() {
		return this.fenceLine + 1;
	}

}
