package dev.springxhr.xhr.internal.document;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.encoding.Encodings;
import dev.springxhr.xhr.internal.http.HttpTokens;

/**
 * The HTML Standard's "prescan a byte stream to determine its encoding": {@code <meta charset>} and
 * {@code <meta http-equiv="content-type" content="…charset=…">} found in the first 1024 bytes.
 *
 * @see <a href=
 * "https://html.spec.whatwg.org/multipage/parsing.html#prescan-a-byte-stream-to-determine-its-encoding">HTML
 * §13.2.3.2 prescan a byte stream to determine its encoding</a>
 */
public final class HtmlEncodingSniffer {

	/** How far the prescan looks: HTML §13.2.3.2 lets it stop after 1024 bytes, as browsers do. */
	static final int PRESCAN_LIMIT = 1024;

	private static final Charset WINDOWS_1252 = Encodings.WINDOWS_1252;

	private final byte[] bytes;

	private final int end;

	private int position;

	private HtmlEncodingSniffer(byte[] bytes, int length) {
		this.bytes = bytes;
		this.end = Math.min(length, PRESCAN_LIMIT);
	}

	/**
	 * Prescan the first 1024 bytes of {@code bytes}.
	 * @param bytes the bytes
	 * @param length how many of them were received
	 * @return the encoding a {@code <meta>} declares, or {@code null} (failure)
	 */
	static @Nullable Charset prescan(byte[] bytes, int length) {
		try {
			return new HtmlEncodingSniffer(bytes, length).run();
		}
		catch (EndOfInput ex) {
			return null;
		}
	}

	private @Nullable Charset run() {
		while (this.position < this.end) {
			if (startsWith("<!--")) {
				// the "-->" may share its dashes with "<!--": "<!-->" is a whole comment
				this.position += 2;
				do {
					this.position++;
				}
				while (!(at(this.position) == '>' && at(this.position - 1) == '-' && at(this.position - 2) == '-'));
			}
			else if (startsWithIgnoringCase("<meta") && isSpaceOrSlash(at(this.position + 5))) {
				this.position += 6;
				Charset charset = meta();
				if (charset != null) {
					return charset;
				}
			}
			else if (startsWithTag()) {
				// a start or end tag other than meta: skip its name and attributes
				while (!isSpace(at(this.position)) && at(this.position) != '>') {
					this.position++;
				}
				while (attribute() != null) {
					// attributes of other elements do not matter
				}
			}
			else if (startsWith("<!") || startsWith("</") || startsWith("<?")) {
				do {
					this.position++;
				}
				while (at(this.position) != '>');
			}
			// "next byte"
			this.position++;
		}
		return null;
	}

	/** The steps for {@code <meta}: its attributes, then "processing". */
	private @Nullable Charset meta() {
		Set<String> attributeList = new HashSet<>();
		boolean gotPragma = false;
		Boolean needPragma = null;
		Charset charset = null;
		boolean charsetSet = false; // distinguishes "failure" (set, null) from "null" (unset)
		String[] attribute;
		while ((attribute = attribute()) != null) {
			String name = attribute[0];
			if (!attributeList.add(name)) {
				continue;
			}
			String value = attribute[1];
			switch (name) {
				case "http-equiv" -> {
					if (value.equals("content-type")) {
						gotPragma = true;
					}
				}
				case "content" -> {
					Charset extracted = extractFromMetaContent(value);
					if (extracted != null && !charsetSet) {
						charset = extracted;
						charsetSet = true;
						needPragma = Boolean.TRUE;
					}
				}
				case "charset" -> {
					charset = getEncoding(value);
					charsetSet = true;
					needPragma = Boolean.FALSE;
				}
				default -> {
				}
			}
		}
		// "processing"
		if (needPragma == null || (needPragma && !gotPragma) || charset == null) {
			return null;
		}
		if (charset.equals(Encodings.UTF_16BE) || charset.equals(Encodings.UTF_16LE)) {
			// a document whose meta could be read byte by byte is not UTF-16
			return StandardCharsets.UTF_8;
		}
		return charset;
	}

	/**
	 * HTML §13.2.3.2 "get an attribute", with the position just inside a tag.
	 * @return the lower-cased name and value, or {@code null} at the tag's {@code >}
	 */
	private String @Nullable [] attribute() {
		while (isSpaceOrSlash(at(this.position))) {
			this.position++;
		}
		if (at(this.position) == '>') {
			return null;
		}
		StringBuilder name = new StringBuilder();
		StringBuilder value = new StringBuilder();
		while (true) {
			int b = at(this.position);
			if (b == '=' && name.length() > 0) {
				this.position++;
				return attributeValue(name, value);
			}
			if (isSpace(b)) {
				break;
			}
			if (b == '/' || b == '>') {
				return new String[] { name.toString(), "" };
			}
			name.append(lowerCase(b));
			this.position++;
		}
		// "spaces"
		while (isSpace(at(this.position))) {
			this.position++;
		}
		if (at(this.position) != '=') {
			return new String[] { name.toString(), "" };
		}
		this.position++;
		return attributeValue(name, value);
	}

	/** "get an attribute" from its step "value", with the position just after the {@code =}. */
	private String[] attributeValue(StringBuilder name, StringBuilder value) {
		while (isSpace(at(this.position))) {
			this.position++;
		}
		int b = at(this.position);
		if (b == '"' || b == '\'') {
			while (true) {
				this.position++;
				int c = at(this.position);
				if (c == b) {
					this.position++;
					return new String[] { name.toString(), value.toString() };
				}
				value.append(lowerCase(c));
			}
		}
		if (b == '>') {
			return new String[] { name.toString(), "" };
		}
		value.append(lowerCase(b));
		this.position++;
		while (true) {
			int c = at(this.position);
			if (isSpace(c) || c == '>') {
				return new String[] { name.toString(), value.toString() };
			}
			value.append(lowerCase(c));
			this.position++;
		}
	}

	/**
	 * HTML "algorithm for extracting a character encoding from a meta element", for a {@code content} value.
	 * @see <a href=
	 * "https://html.spec.whatwg.org/multipage/urls-and-fetching.html#algorithm-for-extracting-a-character-encoding-from-a-meta-element">HTML
	 * extracting a character encoding from a meta element</a>
	 */
	static @Nullable Charset extractFromMetaContent(String content) {
		String lowerCased = HttpTokens.toAsciiLowerCase(content);
		int position = 0;
		while (true) {
			int found = lowerCased.indexOf("charset", position);
			if (found < 0) {
				return null;
			}
			position = found + 7;
			while (position < content.length() && isSpace(content.charAt(position))) {
				position++;
			}
			if (position < content.length() && content.charAt(position) == '=') {
				break;
			}
			// not "charset=": look again from just before the character that follows
		}
		position++;
		while (position < content.length() && isSpace(content.charAt(position))) {
			position++;
		}
		if (position >= content.length()) {
			return null;
		}
		char c = content.charAt(position);
		if (c == '"' || c == '\'') {
			int close = content.indexOf(c, position + 1);
			return (close >= 0) ? getEncoding(content.substring(position + 1, close)) : null;
		}
		int stop = position;
		while (stop < content.length() && !isSpace(content.charAt(stop)) && content.charAt(stop) != ';') {
			stop++;
		}
		return getEncoding(content.substring(position, stop));
	}

	/** Encoding "get an encoding", with x-user-defined already windows-1252 as the prescan wants it. */
	private static @Nullable Charset getEncoding(String label) {
		if (HttpTokens.toAsciiLowerCase(label.strip()).equals("x-user-defined")) {
			return WINDOWS_1252;
		}
		return Encodings.forLabel(label);
	}

	private boolean startsWith(String ascii) {
		for (int i = 0; i < ascii.length(); i++) {
			if (at(this.position + i) != ascii.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private boolean startsWithIgnoringCase(String lowerAscii) {
		for (int i = 0; i < lowerAscii.length(); i++) {
			if (lowerCase(at(this.position + i)) != lowerAscii.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/** {@code <} or {@code </} followed by an ASCII letter. */
	private boolean startsWithTag() {
		if (at(this.position) != '<') {
			return false;
		}
		int next = at(this.position + 1);
		if (next == '/') {
			next = at(this.position + 2);
		}
		return (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z');
	}

	/** The byte at {@code index}; past the end the prescan aborts, like the spec's "end condition". */
	private int at(int index) {
		if (index >= this.end) {
			throw EndOfInput.INSTANCE;
		}
		return this.bytes[index] & 0xFF;
	}

	private static char lowerCase(int b) {
		return (char) ((b >= 'A' && b <= 'Z') ? b + 0x20 : b);
	}

	private static boolean isSpace(int b) {
		return b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D || b == 0x20;
	}

	private static boolean isSpaceOrSlash(int b) {
		return isSpace(b) || b == '/';
	}

	/** Reaching the end of the scanned bytes: the prescan returns failure. */
	private static final class EndOfInput extends RuntimeException {

		static final EndOfInput INSTANCE = new EndOfInput();

		private EndOfInput() {
			super(null, null, false, false);
		}

	}

}
