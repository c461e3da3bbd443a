package dev.springxhr.xhr.oracle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small JSON reader and writer for the oracle fixtures, with the value model the replay compares: objects are
 * {@link LinkedHashMap}s (member order kept), arrays {@link List}s, strings, numbers ({@link Long} when integral,
 * else {@link Double}, as a JavaScript number prints), {@link Boolean} and {@code null}.
 *
 * <p>The test classpath has no Jackson of its own (only shaded copies inside other jars), and the fixtures need
 * nothing more than this.
 */
final class Json {

	private final String text;

	private int pos;

	private Json(String text) {
		this.text = text;
	}

	static Object parse(String text) {
		Json reader = new Json(text);
		reader.skipWhitespace();
		Object value = reader.readValue();
		reader.skipWhitespace();
		if (reader.pos != text.length()) {
			throw reader.error("trailing characters");
		}
		return value;
	}

	/** Parse, or return {@code null} if the text is not JSON. */
	static Object tryParse(String text) {
		try {
			return parse(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** Compact JSON, members in their order. */
	static String write(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out, false);
		return out.toString();
	}

	/** Compact JSON with the members of every object sorted by name: equal values give equal strings. */
	static String canonical(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out, true);
		return out.toString();
	}

	/**
	 * Numbers as a JavaScript engine would print them (integral values are {@link Long}), and any {@link Map} or
	 * {@link List} copied into the model's types, recursively.
	 */
	static Object normalizeNumbers(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((k, v) -> copy.put(String.valueOf(k), normalizeNumbers(v)));
			return copy;
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>();
			list.forEach((v) -> copy.add(normalizeNumbers(v)));
			return copy;
		}
		if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
			return ((Number) value).longValue();
		}
		if (value instanceof Float || value instanceof Double) {
			double d = ((Number) value).doubleValue();
			if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 9.007199254740992E15) {
				return (long) d;
			}
			return d;
		}
		return value;
	}

	// ---- writer ------------------------------------------------------------------------------------------------

	private static void write(Object value, StringBuilder out, boolean sorted) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof String s) {
			writeString(s, out);
		}
		else if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
			out.append(value);
		}
		else if (value instanceof Number n) {
			double d = n.doubleValue();
			out.append((d == Math.rint(d) && Math.abs(d) < 1e15) ? Long.toString((long) d) : Double.toString(d));
		}
		else if (value instanceof Map<?, ?> map) {
			Map<?, ?> members = sorted ? new TreeMap<>(map) : map;
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> e : members.entrySet()) {
				if (!first) {
					out.append(',');
				}
				first = false;
				writeString(String.valueOf(e.getKey()), out);
				out.append(':');
				write(e.getValue(), out, sorted);
			}
			out.append('}');
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				write(list.get(i), out, sorted);
			}
			out.append(']');
		}
		else {
			throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
		}
	}

	private static void writeString(String s, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

	// ---- reader ------------------------------------------------------------------------------------------------

	private Object readValue() {
		if (this.pos >= this.text.length()) {
			throw error("unexpected end");
		}
		char c = this.text.charAt(this.pos);
		switch (c) {
			case '{':
				return readObject();
			case '[':
				return readArray();
			case '"':
				return readString();
			case 't':
				expectWord("true");
				return Boolean.TRUE;
			case 'f':
				expectWord("false");
				return Boolean.FALSE;
			case 'n':
				expectWord("null");
				return null;
			default:
				return readNumber();
		}
	}

	private Map<String, Object> readObject() {
		Map<String, Object> map = new LinkedHashMap<>();
		this.pos++;
		skipWhitespace();
		if (peek() == '}') {
			this.pos++;
			return map;
		}
		while (true) {
			skipWhitespace();
			if (peek() != '"') {
				throw error("expected a member name");
			}
			String name = readString();
			skipWhitespace();
			expect(':');
			skipWhitespace();
			map.put(name, readValue());
			skipWhitespace();
			char c = next();
			if (c == '}') {
				return map;
			}
			if (c != ',') {
				throw error("expected ',' or '}'");
			}
		}
	}

	private List<Object> readArray() {
		List<Object> list = new ArrayList<>();
		this.pos++;
		skipWhitespace();
		if (peek() == ']') {
			this.pos++;
			return list;
		}
		while (true) {
			skipWhitespace();
			list.add(readValue());
			skipWhitespace();
			char c = next();
			if (c == ']') {
				return list;
			}
			if (c != ',') {
				throw error("expected ',' or ']'");
			}
		}
	}

	private String readString() {
		expect('"');
		StringBuilder out = new StringBuilder();
		while (true) {
			char c = next();
			if (c == '"') {
				return out.toString();
			}
			if (c != '\\') {
				out.append(c);
				continue;
			}
			char e = next();
			switch (e) {
				case '"', '\\', '/' -> out.append(e);
				case 'b' -> out.append('\b');
				case 'f' -> out.append('\f');
				case 'n' -> out.append('\n');
				case 'r' -> out.append('\r');
				case 't' -> out.append('\t');
				case 'u' -> {
					if (this.pos + 4 > this.text.length()) {
						throw error("bad \\u escape");
					}
					out.append((char) Integer.parseInt(this.text.substring(this.pos, this.pos + 4), 16));
					this.pos += 4;
				}
				default -> throw error("bad escape \\" + e);
			}
		}
	}

	private Object readNumber() {
		int start = this.pos;
		while (this.pos < this.text.length() && "+-0123456789.eE".indexOf(this.text.charAt(this.pos)) >= 0) {
			this.pos++;
		}
		String token = this.text.substring(start, this.pos);
		if (token.isEmpty()) {
			throw error("unexpected character");
		}
		try {
			BigDecimal number = new BigDecimal(token);
			return normalizeNumbers(number.doubleValue());
		}
		catch (NumberFormatException ex) {
			throw error("bad number '" + token + "'");
		}
	}

	private void expectWord(String word) {
		if (!this.text.startsWith(word, this.pos)) {
			throw error("expected " + word);
		}
		this.pos += word.length();
	}

	private void expect(char c) {
		if (next() != c) {
			throw error("expected '" + c + "'");
		}
	}

	private char peek() {
		if (this.pos >= this.text.length()) {
			throw error("unexpected end");
		}
		return this.text.charAt(this.pos);
	}

	private char next() {
		char c = peek();
		this.pos++;
		return c;
	}

	private void skipWhitespace() {
		while (this.pos < this.text.length() && " \t\r\n".indexOf(this.text.charAt(this.pos)) >= 0) {
			this.pos++;
		}
	}

	private IllegalArgumentException error(String what) {
		return new IllegalArgumentException("Invalid JSON at offset " + this.pos + ": " + what);
	}

}
