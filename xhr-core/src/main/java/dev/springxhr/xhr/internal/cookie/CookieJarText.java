package dev.springxhr.xhr.internal.cookie;

import java.time.Instant;
import java.util.List;

/**
 * The text form of a {@link CookieJar}'s state, for stores outside the JVM: a header line with the format and the
 * jar's sequence, then a line a cookie, its fields separated by tabs and percent-escaped ({@code %}, tab, CR and LF;
 * a cookie value may hold a tab).
 */
final class CookieJarText {

	private static final String HEADER = "xhr-cookie-jar/1";

	private static final int FIELDS = 12;

	private CookieJarText() {
	}

	/** Receives each cookie of a decoded state with the jar's bookkeeping. */
	interface EntrySink {

		void accept(StoredCookie cookie, long creationOrder, long accessOrder);

	}

	static String encode(List<CookieJar.Entry> entries, long sequence) {
		StringBuilder text = new StringBuilder(64 + entries.size() * 96);
		text.append(HEADER).append('\t').append(sequence);
		for (CookieJar.Entry entry : entries) {
			StoredCookie cookie = entry.cookie;
			text.append('\n');
			field(text, cookie.name()).append('\t');
			field(text, cookie.value()).append('\t');
			field(text, cookie.domain()).append('\t');
			text.append(cookie.hostOnly() ? '1' : '0').append('\t');
			field(text, cookie.path()).append('\t');
			text.append((cookie.expiry() != null) ? cookie.expiry().toString() : "-").append('\t');
			text.append(cookie.secure() ? '1' : '0').append('\t');
			text.append(cookie.httpOnly() ? '1' : '0').append('\t');
			text.append(cookie.sameSite().name()).append('\t');
			text.append(cookie.creation()).append('\t');
			text.append(entry.creationOrder).append('\t');
			text.append(entry.accessOrder);
		}
		return text.toString();
	}

	/** Decode a state, handing each cookie to the sink; returns the jar's sequence. */
	static long decode(String state, EntrySink sink) {
		String[] lines = state.split("\n", -1);
		String[] header = lines[0].split("\t", -1);
		if (header.length != 2 || !header[0].equals(HEADER)) {
			throw new IllegalArgumentException("Not a cookie jar state of format " + HEADER);
		}
		try {
			for (int i = 1; i < lines.length; i++) {
				String[] f = lines[i].split("\t", -1);
				if (f.length != FIELDS) {
					throw new IllegalArgumentException("cookie " + i + " has " + f.length + " fields");
				}
				Instant expiry = f[5].equals("-") ? null : Instant.parse(f[5]);
				StoredCookie cookie = new StoredCookie(unescape(f[0]), unescape(f[1]), unescape(f[2]),
						f[3].equals("1"), unescape(f[4]), expiry, f[6].equals("1"), f[7].equals("1"),
						SameSite.valueOf(f[8]), Instant.parse(f[9]));
				sink.accept(cookie, Long.parseLong(f[10]), Long.parseLong(f[11]));
			}
			return Long.parseLong(header[1]);
		}
		catch (RuntimeException ex) {
			// Never the state itself in the message: it holds cookie values.
			throw new IllegalArgumentException("Malformed cookie jar state of format " + HEADER, ex);
		}
	}

	private static StringBuilder field(StringBuilder text, String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '%' -> text.append("%25");
				case '\t' -> text.append("%09");
				case '\n' -> text.append("%0A");
				case '\r' -> text.append("%0D");
				default -> text.append(c);
			}
		}
		return text;
	}

	private static String unescape(String field) {
		if (field.indexOf('%') < 0) {
			return field;
		}
		StringBuilder out = new StringBuilder(field.length());
		for (int i = 0; i < field.length(); i++) {
			char c = field.charAt(i);
			if (c == '%' && i + 2 < field.length()) {
				out.append((char) Integer.parseInt(field, i + 1, i + 3, 16));
				i += 2;
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
