package dev.springxhr.xhr.support;

import java.util.SplittableRandom;

/**
 * Generators of the strings that break HTTP code, for {@link PropertyCheck}: control characters (CR, LF and NUL
 * above all), the bytes 0x80–0xFF, characters above U+00FF, lone surrogates, HTTP whitespace, the separators of
 * headers, cookies and URLs, the empty string and very long strings, mixed with the plain ASCII of real input.
 */
public final class HostileStrings {

	/** The characters most likely to split a header line or a request, or to be mishandled. */
	private static final char[] EDGES = { '\r', '\n', '\0', '\t', ' ', '\u000b', '\u000c', '\u007f', ':', ';', ',',
			'=', '"', '\\', '/', '?', '#', '@', '%', '&', '+', '[', ']', '\u0080', '\u00a0', '\u00ff', '\u0100',
			'\u0130', '\u2028', '\ud800', '\udc00', '\ufeff', '\uffff' };

	private static final String TCHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

	private HostileStrings() {
	}

	/** One character: mostly edges and printable ASCII, then any C0, Latin-1 or BMP character. */
	public static char hostileChar(SplittableRandom random) {
		int pick = random.nextInt(11);
		if (pick < 4) {
			return EDGES[random.nextInt(EDGES.length)];
		}
		if (pick < 8) {
			return (char) random.nextInt('!', '~' + 1);
		}
		if (pick < 9) {
			return (char) random.nextInt(0x20);
		}
		if (pick < 10) {
			return (char) random.nextInt(0x80, 0x100);
		}
		return (char) random.nextInt(0x10000);
	}

	/** A string of 0 to {@code maxLength} hostile characters. */
	public static String hostile(SplittableRandom random, int maxLength) {
		int length = random.nextInt(maxLength + 1);
		StringBuilder result = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			result.append(hostileChar(random));
		}
		return result.toString();
	}

	/** Mostly short hostile strings (up to 40 characters), and one in twenty up to 9000 characters long. */
	public static String hostileOrLong(SplittableRandom random) {
		return hostile(random, (random.nextInt(20) == 0) ? 9000 : 40);
	}

	/** An HTTP token of 1 to {@code maxLength} characters. */
	public static String token(SplittableRandom random, int maxLength) {
		int length = random.nextInt(1, maxLength + 1);
		StringBuilder result = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			result.append(TCHARS.charAt(random.nextInt(TCHARS.length())));
		}
		return result.toString();
	}

	/** A token (half the time), a token with one hostile character inside or around it, or a hostile string. */
	public static String almostToken(SplittableRandom random) {
		int pick = random.nextInt(6);
		if (pick < 3) {
			return token(random, 12);
		}
		if (pick < 5) {
			String token = token(random, 12);
			int at = random.nextInt(token.length() + 1);
			return token.substring(0, at) + hostileChar(random) + token.substring(at);
		}
		return hostile(random, 20);
	}

	/** Pick one of {@code values}. */
	@SafeVarargs
	public static <T> T oneOf(SplittableRandom random, T... values) {
		return values[random.nextInt(values.length)];
	}

	/** The string with everything outside printable ASCII as {@code \\uXXXX}, for failure messages. */
	public static String escape(String value) {
		StringBuilder result = new StringBuilder("\"");
		int shown = Math.min(value.length(), 300);
		for (int i = 0; i < shown; i++) {
			char c = value.charAt(i);
			if (c >= 0x20 && c < 0x7F && c != '\\' && c != '"') {
				result.append(c);
			}
			else {
				result.append(String.format("\\u%04x", (int) c));
			}
		}
		if (shown < value.length()) {
			result.append("…(").append(value.length()).append(" chars)");
		}
		return result.append('"').toString();
	}

}
