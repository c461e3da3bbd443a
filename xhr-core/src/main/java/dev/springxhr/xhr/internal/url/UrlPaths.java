package dev.springxhr.xhr.internal.url;

import java.util.List;

/**
 * The URL Standard's steps around a URL's path used by {@link UrlParser}: the input's clean-up, dot segments,
 * "shorten a URL's path" and the Windows drive letter quirks of {@code file:} URLs.
 *
 * @see <a href="https://url.spec.whatwg.org/#url-miscellaneous">URL Standard: URL miscellaneous</a>
 */
final class UrlPaths {

	private UrlPaths() {
	}

	/**
	 * The basic URL parser's first steps: leading and trailing C0 controls and spaces removed, then every ASCII tab
	 * and newline; as code points.
	 */
	static int[] trimAndRemoveTabsAndNewlines(String input) {
		int start = 0;
		int end = input.length();
		while (start < end && input.charAt(start) <= 0x20) {
			start++;
		}
		while (end > start && input.charAt(end - 1) <= 0x20) {
			end--;
		}
		return input.substring(start, end).codePoints().filter((c) -> c != '\t' && c != '\n' && c != '\r').toArray();
	}

	/**
	 * The path state's end of a segment: {@code ..} goes up, {@code .} stays, anything else is appended (a drive
	 * letter first in a {@code file:} path as {@code C:}).
	 * @param slash whether the segment ended with a slash (then a dot segment appends no empty segment)
	 */
	static void endSegment(String scheme, List<String> path, StringBuilder buffer, boolean slash) {
		if (isDoubleDotSegment(buffer)) {
			shorten(scheme, path);
			if (!slash) {
				path.add("");
			}
		}
		else if (isSingleDotSegment(buffer)) {
			if (!slash) {
				path.add("");
			}
		}
		else {
			if (scheme.equals("file") && path.isEmpty() && isWindowsDriveLetter(buffer)) {
				buffer.setCharAt(1, ':');
			}
			path.add(buffer.toString());
		}
	}

	/** "Shorten a URL's path": drop the last segment, except a {@code file:} URL's lone drive letter. */
	static void shorten(String scheme, List<String> path) {
		if (scheme.equals("file") && path.size() == 1 && isNormalizedWindowsDriveLetter(path.get(0))) {
			return;
		}
		if (!path.isEmpty()) {
			path.remove(path.size() - 1);
		}
	}

	/** An ASCII letter followed by {@code :} or {@code |}. */
	static boolean isWindowsDriveLetter(CharSequence text) {
		return text.length() == 2 && isAsciiAlpha(text.charAt(0)) && (text.charAt(1) == ':' || text.charAt(1) == '|');
	}

	/** An ASCII letter followed by {@code :}. */
	static boolean isNormalizedWindowsDriveLetter(CharSequence text) {
		return isWindowsDriveLetter(text) && text.charAt(1) == ':';
	}

	/**
	 * Whether the code points from {@code start} start with a Windows drive letter: a drive letter, then the end or
	 * one of {@code / \ ? #}.
	 */
	static boolean startsWithWindowsDriveLetter(int[] input, int start) {
		int length = input.length - start;
		if (length < 2 || !isAsciiAlpha(input[start]) || (input[start + 1] != ':' && input[start + 1] != '|')) {
			return false;
		}
		if (length == 2) {
			return true;
		}
		int third = input[start + 2];
		return third == '/' || third == '\\' || third == '?' || third == '#';
	}

	private static boolean isSingleDotSegment(CharSequence segment) {
		return segment.length() == 1 && segment.charAt(0) == '.'
				|| segment.length() == 3 && isEncodedDot(segment, 0);
	}

	private static boolean isDoubleDotSegment(CharSequence segment) {
		return switch (segment.length()) {
			case 2 -> segment.charAt(0) == '.' && segment.charAt(1) == '.';
			case 4 -> (segment.charAt(0) == '.' && isEncodedDot(segment, 1))
					|| (isEncodedDot(segment, 0) && segment.charAt(3) == '.');
			case 6 -> isEncodedDot(segment, 0) && isEncodedDot(segment, 3);
			default -> false;
		};
	}

	/** {@code %2e} or {@code %2E} at {@code index}. */
	private static boolean isEncodedDot(CharSequence segment, int index) {
		return segment.charAt(index) == '%' && segment.charAt(index + 1) == '2'
				&& (segment.charAt(index + 2) == 'e' || segment.charAt(index + 2) == 'E');
	}

	private static boolean isAsciiAlpha(int c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

}
