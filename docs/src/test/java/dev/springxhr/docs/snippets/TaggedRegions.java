package dev.springxhr.docs.snippets;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tagged regions of a source file, marked as Asciidoctor marks them: a line containing {@code tag::NAME[]} opens
 * the region NAME and one containing {@code end::NAME[]} closes it, in any comment syntax ({@code // tag::x[]},
 * {@code # tag::x[]}, {@code <!-- tag::x[] -->}). Regions may nest or overlap: tag lines of other regions are left
 * out of a region's text. A region may be opened and closed several times: its parts are joined, which leaves out
 * the lines in between (as Asciidoctor does).
 */
public final class TaggedRegions {

	private static final Pattern ANY_TAG_LINE = Pattern.compile(".*\\b(tag|end)::[\\w.-]+\\[].*");

	private TaggedRegions() {
	}

	/**
	 * Return the text of a region, as a docs block shows it: leading tabs as four spaces, the indentation common to
	 * its lines removed, trailing whitespace removed.
	 * @param sourceLines the source file's lines
	 * @param tag the region's name
	 * @return the region's lines, or empty when the file has no such region
	 * @throws IllegalArgumentException if the region is opened again before it is closed, or never closed
	 */
	public static Optional<List<String>> region(List<String> sourceLines, String tag) {
		String open = "tag::" + tag + "[]";
		String close = "end::" + tag + "[]";
		List<String> region = new ArrayList<>();
		boolean found = false;
		boolean inside = false;
		for (String line : sourceLines) {
			if (line.contains(open)) {
				if (inside) {
					throw new IllegalArgumentException("The region '" + tag + "' is opened again before " + close);
				}
				found = true;
				inside = true;
			}
			else if (line.contains(close)) {
				inside = false;
			}
			else if (inside && !ANY_TAG_LINE.matcher(line).matches()) {
				region.add(line);
			}
		}
		if (inside) {
			throw new IllegalArgumentException("The region '" + tag + "' is never closed (no " + close + ")");
		}
		return found ? Optional.of(normalize(region)) : Optional.empty();
	}

	/**
	 * Normalize lines for comparison: leading tabs become four spaces each, the indentation common to the non-blank
	 * lines is removed, trailing whitespace is removed, and blank lines at the start and end are dropped.
	 * @param lines the lines
	 * @return the normalized lines
	 */
	public static List<String> normalize(List<String> lines) {
		List<String> expanded = new ArrayList<>();
		for (String line : lines) {
			int tabs = 0;
			while (tabs < line.length() && line.charAt(tabs) == '\t') {
				tabs++;
			}
			expanded.add(("    ".repeat(tabs) + line.substring(tabs)).stripTrailing());
		}
		int common = expanded.stream()
			.filter((line) -> !line.isEmpty())
			.mapToInt((line) -> line.length() - line.stripLeading().length())
			.min()
			.orElse(0);
		List<String> normalized = new ArrayList<>();
		for (String line : expanded) {
			normalized.add(line.isEmpty() ? line : line.substring(common));
		}
		while (!normalized.isEmpty() && normalized.get(0).isEmpty()) {
			normalized.remove(0);
		}
		while (!normalized.isEmpty() && normalized.get(normalized.size() - 1).isEmpty()) {
			normalized.remove(normalized.size() - 1);
		}
		return normalized;
	}

}
