package dev.springxhr.xhr.internal.mime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.http.HttpTokens;

/**
 * A MIME type as the MIME Sniffing Standard parses and serializes it: lower-cased type, subtype and parameter
 * names, the first value of each parameter.
 *
 * @see <a href="https://mimesniff.spec.whatwg.org/#parsing-a-mime-type">MIME Sniffing §4.4 parse a MIME type</a>
 */
public final class MimeType {

	private final String type;

	private final String subtype;

	private final Map<String, String> parameters;

	private MimeType(String type, String subtype, Map<String, String> parameters) {
		this.type = type;
		this.subtype = subtype;
		this.parameters = parameters;
	}

	/** Parse a MIME type, or return {@code null} (failure). */
	public static @Nullable MimeType parse(@Nullable String input) {
		if (input == null) {
			return null;
		}
		String s = HttpTokens.normalizeHeaderValue(input);
		int slash = s.indexOf('/');
		if (slash <= 0) {
			return null;
		}
		String type = s.substring(0, slash);
		int position = slash + 1;
		int semicolon = s.indexOf(';', position);
		int subtypeEnd = (semicolon >= 0) ? semicolon : s.length();
		String subtype = trimTrailingWhitespace(s.substring(position, subtypeEnd));
		if (!HttpTokens.isToken(type) || !HttpTokens.isToken(subtype)) {
			return null;
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		position = subtypeEnd;
		while (position < s.length()) {
			position++; // skip ';'
			while (position < s.length() && HttpTokens.isHttpWhitespace(s.charAt(position))) {
				position++;
			}
			int nameEnd = position;
			while (nameEnd < s.length() && s.charAt(nameEnd) != ';' && s.charAt(nameEnd) != '=') {
				nameEnd++;
			}
			String name = HttpTokens.toAsciiLowerCase(s.substring(position, nameEnd));
			position = nameEnd;
			if (position >= s.length()) {
				break;
			}
			if (s.charAt(position) == ';') {
				continue;
			}
			position++; // skip '='
			if (position >= s.length()) {
				break;
			}
			String value;
			if (s.charAt(position) == '"') {
				StringBuilder quoted = new StringBuilder();
				position++;
				while (position < s.length()) {
					char c = s.charAt(position);
					if (c == '\\' && position + 1 < s.length()) {
						quoted.append(s.charAt(position + 1));
						position += 2;
					}
					else if (c == '\\') {
						quoted.append('\\');
						position++;
					}
					else if (c == '"') {
						position++;
						break;
					}
					else {
						quoted.append(c);
						position++;
					}
				}
				value = quoted.toString();
				while (position < s.length() && s.charAt(position) != ';') {
					position++;
				}
			}
			else {
				int valueEnd = s.indexOf(';', position);
				valueEnd = (valueEnd >= 0) ? valueEnd : s.length();
				value = trimTrailingWhitespace(s.substring(position, valueEnd));
				position = valueEnd;
				if (value.isEmpty()) {
					continue;
				}
			}
			if (!name.isEmpty() && HttpTokens.isToken(name) && isQuotedStringTokenCodePoints(value)
					&& !parameters.containsKey(name)) {
				parameters.put(name, value);
			}
		}
		return new MimeType(HttpTokens.toAsciiLowerCase(type), HttpTokens.toAsciiLowerCase(subtype),
				Collections.unmodifiableMap(parameters));
	}

	public String essence() {
		return this.type + "/" + this.subtype;
	}

	String type() {
		return this.type;
	}

	String subtype() {
		return this.subtype;
	}

	public @Nullable String parameter(String name) {
		return this.parameters.get(name);
	}

	Map<String, String> parameters() {
		return this.parameters;
	}

	/** An XML MIME type: {@code text/xml}, {@code application/xml} or a {@code +xml} subtype. */
	public boolean isXml() {
		return this.subtype.endsWith("+xml") || essence().equals("text/xml") || essence().equals("application/xml");
	}

	public boolean isHtml() {
		return essence().equals("text/html");
	}

	/** A copy whose parameter {@code name} is {@code value}: added last, or replaced in place. */
	public MimeType withParameter(String name, String value) {
		Map<String, String> updated = new LinkedHashMap<>(this.parameters);
		updated.put(name, value);
		return new MimeType(this.type, this.subtype, Collections.unmodifiableMap(updated));
	}

	/** MIME Sniffing §4.5 serialize a MIME type. */
	public String serialize() {
		StringBuilder result = new StringBuilder(essence());
		this.parameters.forEach((name, value) -> {
			result.append(';').append(name).append('=');
			if (value.isEmpty() || !HttpTokens.isToken(value)) {
				result.append('"');
				for (int i = 0; i < value.length(); i++) {
					char c = value.charAt(i);
					if (c == '"' || c == '\\') {
						result.append('\\');
					}
					result.append(c);
				}
				result.append('"');
			}
			else {
				result.append(value);
			}
		});
		return result.toString();
	}

	@Override
	public String toString() {
		return serialize();
	}

	private static boolean isQuotedStringTokenCodePoints(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (!(c == 0x09 || (c >= 0x20 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF))) {
				return false;
			}
		}
		return true;
	}

	private static String trimTrailingWhitespace(String value) {
		int end = value.length();
		while (end > 0 && HttpTokens.isHttpWhitespace(value.charAt(end - 1))) {
			end--;
		}
		return value.substring(0, end);
	}

}
