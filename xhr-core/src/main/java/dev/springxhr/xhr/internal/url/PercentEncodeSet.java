package dev.springxhr.xhr.internal.url;

/**
 * The URL Standard's percent-encode sets (§1.3), each a superset of the one before it, and UTF-8 percent-encoding
 * of a code point with one of them.
 *
 * @see <a href="https://url.spec.whatwg.org/#percent-encoded-bytes">URL Standard: percent-encoded bytes</a>
 */
enum PercentEncodeSet {

	/** C0 controls and every code point above U+007E. */
	C0_CONTROL(""),

	/** C0 controls, space, {@code " < > `}: fragments. */
	FRAGMENT(" \"<>`"),

	/** C0 controls, space, {@code " # < >}: the query of a URL that is not special. */
	QUERY(" \"#<>"),

	/** The query set and {@code '}: the query of a special URL. */
	SPECIAL_QUERY(" \"#<>'"),

	/** The query set and {@code ? ^ ` { }}: path segments. */
	PATH(" \"#<>?^`{}"),

	/** The path set and {@code / : ; = @ [ \ ] ^ |}: username and password. */
	USERINFO(" \"#<>?^`{}/:;=@[\\]|");

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	/** Membership of the printable ASCII code points U+0020 to U+007E. */
	private final boolean[] printable = new boolean[0x7F];

	PercentEncodeSet(String printableMembers) {
		for (int i = 0; i < printableMembers.length(); i++) {
			this.printable[printableMembers.charAt(i)] = true;
		}
	}

	/** Whether the code point is in this set. */
	boolean contains(int codePoint) {
		return codePoint < 0x20 || codePoint > 0x7E || this.printable[codePoint];
	}

	/** URL §1.3 "UTF-8 percent-encode" {@code codePoint} using this set, appended to {@code out}. */
	void encode(int codePoint, StringBuilder out) {
		if (!contains(codePoint)) {
			out.append((char) codePoint);
			return;
		}
		if (codePoint < 0x80) {
			appendByte(codePoint, out);
		}
		else if (codePoint < 0x800) {
			appendByte(0xC0 | (codePoint >> 6), out);
			appendByte(0x80 | (codePoint & 0x3F), out);
		}
		else if (codePoint < 0x10000) {
			// A lone surrogate is encoded as U+FFFD, as the standard's UTF-8 encoder does with scalar values only.
			int scalar = (codePoint >= 0xD800 && codePoint <= 0xDFFF) ? 0xFFFD : codePoint;
			appendByte(0xE0 | (scalar >> 12), out);
			appendByte(0x80 | ((scalar >> 6) & 0x3F), out);
			appendByte(0x80 | (scalar & 0x3F), out);
		}
		else {
			appendByte(0xF0 | (codePoint >> 18), out);
			appendByte(0x80 | ((codePoint >> 12) & 0x3F), out);
			appendByte(0x80 | ((codePoint >> 6) & 0x3F), out);
			appendByte(0x80 | (codePoint & 0x3F), out);
		}
	}

	/** Encode every code point of {@code input} using this set. */
	String encode(String input) {
		StringBuilder out = new StringBuilder(input.length() + 8);
		input.codePoints().forEach((codePoint) -> encode(codePoint, out));
		return out.toString();
	}

	/** {@code %XY}: one byte, percent-encoded with upper-case hex digits. */
	static void appendByte(int b, StringBuilder out) {
		out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
	}

}
