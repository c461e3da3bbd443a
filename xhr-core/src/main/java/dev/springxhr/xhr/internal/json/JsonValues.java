package dev.springxhr.xhr.internal.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.url.PercentEncoding;

/**
 * ECMAScript's {@code JSON.parse} without a reviver: the ECMA-262 JSON grammar (the same as RFC 8259's) read
 * into JS-like Java values. Objects become {@link LinkedHashMap LinkedHashMaps} in member order, arrays
 * {@link ArrayList ArrayLists}, strings {@link String Strings}, {@code true}/{@code false} {@link Boolean Booleans},
 * {@code null} Java {@code null}, and numbers {@link Integer}, {@link Long} or {@link Double} (see
 * {@link #parse(String)}).
 * <p>The parser is iterative, with an explicit stack of open containers, so that hostile nesting costs heap and
 * linear time rather than the thread's stack.
 *
 * @see <a href="https://tc39.es/ecma262/#sec-json.parse">ECMA-262 §25.5.1 JSON.parse</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8259">RFC 8259</a>
 */
public final class JsonValues {

	// Long.MIN_VALUE / 10: the accumulator limit before a multiplication by ten (as Long.parseLong checks).
	private static final long MULTIPLY_LIMIT = Long.MIN_VALUE / 10;

	private final String text;

	private final int length;

	private int position;

	// Reused by every string with an escape; strings without one are substrings of the text.
	private final StringBuilder buffer = new StringBuilder();

	// The open arrays and objects, innermost last, and for each the member name whose value is being read
	// (unused for arrays).
	private final List<Object> containers = new ArrayList<>();

	private final List<String> names = new ArrayList<>();

	private JsonValues(String text) {
		this.text = text;
		this.length = text.length();
	}

	/**
	 * Parse {@code text} as {@code JSON.parse(text)} does. A number without fraction and exponent is an
	 * {@link Integer} if it fits, else a {@link Long} if it fits, else a {@link Double}; any other number is a
	 * {@link Double} ({@code -0} is {@code -0.0}, and a literal too large is infinite, as in JS). A duplicate member
	 * name keeps its first position and its last value.
	 * @param text the JSON text; a byte order mark is not whitespace, the caller removes it
	 * @return the value, {@code null} for JSON {@code null}
	 * @throws JsonSyntaxException if {@code text} is not a JSON text
	 */
	public static @Nullable Object parse(String text) {
		return new JsonValues(text).parseText();
	}

	private @Nullable Object parseText() {
		while (true) {
			// A value is expected here: at the start, after '[' or ',' in an array, or after ':' in an object.
			skipWhitespace();
			if (this.position >= this.length) {
				throw endOfInput("a value");
			}
			@Nullable Object value;
			char c = this.text.charAt(this.position);
			switch (c) {
				case '{' -> {
					this.position++;
					skipWhitespace();
					if (this.position < this.length && this.text.charAt(this.position) == '}') {
						this.position++;
						value = new LinkedHashMap<String, @Nullable Object>();
					}
					else {
						this.containers.add(new LinkedHashMap<String, @Nullable Object>());
						this.names.add(parseMemberName());
						continue;
					}
				}
				case '[' -> {
					this.position++;
					skipWhitespace();
					if (this.position < this.length && this.text.charAt(this.position) == ']') {
						this.position++;
						value = new ArrayList<@Nullable Object>();
					}
					else {
						this.containers.add(new ArrayList<@Nullable Object>());
						this.names.add("");
						continue;
					}
				}
				case '"' -> value = parseString();
				case 't' -> value = parseLiteral("true", Boolean.TRUE);
				case 'f' -> value = parseLiteral("false", Boolean.FALSE);
				case 'n' -> value = parseLiteral("null", null);
				default -> {
					if (c == '-' || (c >= '0' && c <= '9')) {
						value = parseNumber();
					}
					else {
						throw unexpected("a value");
					}
				}
			}
			// A value is complete: add it to the innermost container, closing containers as their ends follow.
			while (true) {
				skipWhitespace();
				int depth = this.containers.size();
				if (depth == 0) {
					if (this.position < this.length) {
						throw unexpected("the end of the input");
					}
					return value;
				}
				Object container = this.containers.get(depth - 1);
				boolean isObject = container instanceof Map;
				if (isObject) {
					// ECMA-262 §25.5.1.1 InternalizeJSONProperty's CreateDataProperty: a later duplicate
					// replaces the value, the property keeps its place.
					castToMap(container).put(this.names.get(depth - 1), value);
				}
				else {
					castToList(container).add(value);
				}
				if (this.position >= this.length) {
					throw endOfInput(isObject ? "',' or '}'" : "',' or ']'");
				}
				char next = this.text.charAt(this.position);
				if (next == ',') {
					this.position++;
					if (isObject) {
						skipWhitespace();
						this.names.set(depth - 1, parseMemberName());
					}
					break;
				}
				if (next != (isObject ? '}' : ']')) {
					throw unexpected(isObject ? "',' or '}'" : "',' or ']'");
				}
				this.position++;
				this.containers.remove(depth - 1);
				this.names.remove(depth - 1);
				value = container;
			}
		}
	}

	/** A member name and the ':' after it; the position is at the name's opening quote. */
	private String parseMemberName() {
		if (this.position >= this.length) {
			throw endOfInput("a string");
		}
		if (this.text.charAt(this.position) != '"') {
			throw unexpected("a string");
		}
		String name = parseString();
		skipWhitespace();
		if (this.position >= this.length) {
			throw endOfInput("':'");
		}
		if (this.text.charAt(this.position) != ':') {
			throw unexpected("':'");
		}
		this.position++;
		return name;
	}

	/** A JSONString; the position is at its opening quote. */
	private String parseString() {
		int start = ++this.position;
		// The common case: no escape, so the value is a substring of the text.
		while (this.position < this.length) {
			char c = this.text.charAt(this.position);
			if (c == '"') {
				return this.text.substring(start, this.position++);
			}
			if (c == '\\' || c < 0x20) {
				break;
			}
			this.position++;
		}
		StringBuilder builder = this.buffer;
		builder.setLength(0);
		builder.append(this.text, start, this.position);
		while (this.position < this.length) {
			char c = this.text.charAt(this.position);
			if (c == '"') {
				this.position++;
				return builder.toString();
			}
			if (c < 0x20) {
				// ECMA-262 §25.5.1 JSONStringCharacter: no code point U+0000 to U+001F unescaped.
				throw new JsonSyntaxException("Unescaped control character U+%04X in string".formatted((int) c),
						this.position);
			}
			if (c != '\\') {
				int runStart = this.position;
				while (this.position < this.length && (c = this.text.charAt(this.position)) != '"' && c != '\\'
						&& c >= 0x20) {
					this.position++;
				}
				builder.append(this.text, runStart, this.position);
				continue;
			}
			this.position++;
			if (this.position >= this.length) {
				break;
			}
			char escape = this.text.charAt(this.position);
			switch (escape) {
				case '"', '\\', '/' -> builder.append(escape);
				case 'b' -> builder.append('\b');
				case 'f' -> builder.append('\f');
				case 'n' -> builder.append('\n');
				case 'r' -> builder.append('\r');
				case 't' -> builder.append('\t');
				case 'u' -> {
					// A lone surrogate is a valid \\u escape: a JS string keeps it, and so does a Java String.
					int code = 0;
					for (int i = 1; i <= 4; i++) {
						if (this.position + i >= this.length) {
							this.position += i;
							throw endOfInput("a hexadecimal digit");
						}
						int digit = PercentEncoding.hexValue(this.text.charAt(this.position + i));
						if (digit < 0) {
							this.position += i;
							throw unexpected("a hexadecimal digit");
						}
						code = (code << 4) | digit;
					}
					this.position += 4;
					builder.append((char) code);
				}
				default -> throw unexpected("an escape character");
			}
			this.position++;
		}
		throw new JsonSyntaxException("Unterminated string (opened at offset " + (start - 1) + ")", this.length);
	}

	private @Nullable Object parseLiteral(String literal, @Nullable Object value) {
		for (int i = 0; i < literal.length(); i++) {
			if (this.position >= this.length) {
				throw endOfInput("'" + literal + "'");
			}
			if (this.text.charAt(this.position) != literal.charAt(i)) {
				throw unexpected("'" + literal + "'");
			}
			this.position++;
		}
		return value;
	}

	/**
	 * A JSONNumber ({@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}); the position is at its first
	 * character.
	 */
	private Object parseNumber() {
		int start = this.position;
		boolean negative = this.text.charAt(this.position) == '-';
		if (negative) {
			this.position++;
		}
		if (this.position >= this.length) {
			throw endOfInput("a digit");
		}
		char first = this.text.charAt(this.position);
		// Accumulated negatively, so that Long.MIN_VALUE fits; overflow means the literal needs a double.
		long accumulator = 0;
		boolean overflow = false;
		if (first == '0') {
			// No leading zeros: "01" is the number 0 followed by a stray '1', which the caller rejects.
			this.position++;
		}
		else if (first >= '1' && first <= '9') {
			while (this.position < this.length) {
				char c = this.text.charAt(this.position);
				if (c < '0' || c > '9') {
					break;
				}
				int digit = c - '0';
				if (!overflow) {
					if (accumulator < MULTIPLY_LIMIT) {
						overflow = true;
					}
					else {
						accumulator *= 10;
						if (accumulator < Long.MIN_VALUE + digit) {
							overflow = true;
						}
						else {
							accumulator -= digit;
						}
					}
				}
				this.position++;
			}
		}
		else {
			throw unexpected("a digit");
		}
		boolean integral = true;
		if (this.position < this.length && this.text.charAt(this.position) == '.') {
			integral = false;
			this.position++;
			skipDigits();
		}
		if (this.position < this.length && (this.text.charAt(this.position) | 0x20) == 'e') {
			integral = false;
			this.position++;
			if (this.position < this.length
					&& (this.text.charAt(this.position) == '+' || this.text.charAt(this.position) == '-')) {
				this.position++;
			}
			skipDigits();
		}
		if (integral && !overflow) {
			if (accumulator == 0 && negative) {
				// ECMA-262 §6.1.6.1: the Number value of "-0" is -0, which neither Integer nor Long can hold.
				return -0.0d;
			}
			if (!negative && accumulator == Long.MIN_VALUE) {
				return Double.parseDouble(this.text.substring(start, this.position));
			}
			long value = negative ? accumulator : -accumulator;
			if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
				return (int) value;
			}
			return value;
		}
		// Double.parseDouble rounds to nearest, ties to even, like ECMA-262 §7.1.4.1.1 StringToNumber; too large a
		// literal is Infinity and too small a signed zero, as in JS. The literal is in Java's grammar too.
		return Double.parseDouble(this.text.substring(start, this.position));
	}

	/** One or more decimal digits, as a fraction and an exponent require. */
	private void skipDigits() {
		if (this.position >= this.length) {
			throw endOfInput("a digit");
		}
		char c = this.text.charAt(this.position);
		if (c < '0' || c > '9') {
			throw unexpected("a digit");
		}
		do {
			this.position++;
		}
		while (this.position < this.length && (c = this.text.charAt(this.position)) >= '0' && c <= '9');
	}

	/** ECMA-262 §25.5.1 and RFC 8259 §2: whitespace is only tab, LF, CR and space (not NBSP, not a BOM). */
	private void skipWhitespace() {
		while (this.position < this.length) {
			char c = this.text.charAt(this.position);
			if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
				return;
			}
			this.position++;
		}
	}

	// ASCII only: Character.digit would also accept, for instance, fullwidth digits.
	@SuppressWarnings("unchecked")
	private static Map<String, @Nullable Object> castToMap(Object container) {
		return (Map<String, @Nullable Object>) container;
	}

	@SuppressWarnings("unchecked")
	private static List<@Nullable Object> castToList(Object container) {
		return (List<@Nullable Object>) container;
	}

	private JsonSyntaxException unexpected(String expected) {
		char c = this.text.charAt(this.position);
		String shown = (c >= 0x20 && c < 0x7F) ? "'" + c + "'" : "U+%04X".formatted((int) c);
		return new JsonSyntaxException("Unexpected character " + shown + ", expected " + expected, this.position);
	}

	private JsonSyntaxException endOfInput(String expected) {
		return new JsonSyntaxException("Unexpected end of input, expected " + expected, this.length);
	}

}
