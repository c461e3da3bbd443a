package dev.springxhr.xhr.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.springxhr.xhr.internal.json.JsonValues;

/**
 * {@link JsonValues} against ECMA-262 §25.5.1 {@code JSON.parse}: the grammar both ways, the Java types of the
 * values, the WPT {@code xhr/response-json.htm} cases, and nesting deep enough to overflow a recursive parser.
 */
class JsonValuesTests {

	private static @Nullable Object parse(String text) {
		return JsonValues.parse(text);
	}

	private static JsonSyntaxException syntaxError(String text) {
		try {
			Object value = JsonValues.parse(text);
			throw new AssertionError("Expected a syntax error, got " + value);
		}
		catch (JsonSyntaxException ex) {
			return ex;
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, @Nullable Object> object(@Nullable Object value) {
		assertThat(value).isInstanceOf(LinkedHashMap.class);
		return (Map<String, @Nullable Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<@Nullable Object> array(@Nullable Object value) {
		assertThat(value).isInstanceOf(ArrayList.class);
		return (List<@Nullable Object>) value;
	}

	// Literals

	@Test
	void literalsAreBooleansAndNull() {
		assertThat(parse("true")).isEqualTo(Boolean.TRUE);
		assertThat(parse("false")).isEqualTo(Boolean.FALSE);
		assertThat(parse("null")).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "True", "TRUE", "tru", "nul", "fals", "nulll", "truefalse", "undefined", "NaN",
			"Infinity", "-Infinity", "t", "n" })
	void literalsAreExactAndLowerCase(String text) {
		syntaxError(text);
	}

	// Whitespace

	@Test
	void whitespaceIsTabLineFeedCarriageReturnAndSpace() {
		assertThat(parse(" \t\n\r1 \t\n\r")).isEqualTo(1);
		assertThat(parse("\t[ 1 ,\n2\r]\n")).isEqualTo(List.of(1, 2));
		assertThat(parse("{ \"a\" \t:\n 1 \r}")).isEqualTo(Map.of("a", 1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\u00A01", "1\u00A0", "\uFEFF1", "\u000B1", "\u000C1", "\u20281", "\u30001",
			"[1,\u00A02]", "\u00851", "\uFEFF", "\uFEFF{}" })
	void otherWhitespaceIsNotWhitespace(String text) {
		syntaxError(text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\t\n\r " })
	void emptyOrWhitespaceOnlyInputIsAnError(String text) {
		JsonSyntaxException ex = syntaxError(text);
		assertThat(ex.getMessage()).contains("end of input");
		assertThat(ex.offset()).isEqualTo(text.length());
	}

	@ParameterizedTest
	@ValueSource(strings = { "1 2", "{} {}", "[]]", "nullx", "\"a\"\"b\"", "true,", "0x10", "1 //", "{}//x",
			"1/*x*/" })
	void anythingButWhitespaceAfterTheValueIsAnError(String text) {
		assertThat(syntaxError(text).getMessage()).contains("expected the end of the input");
	}

	// Numbers

	@ParameterizedTest
	@CsvSource({ "0, 0", "-1, -1", "7, 7", "2147483647, 2147483647", "-2147483648, -2147483648" })
	void integerLiteralsThatFitAnIntAreIntegers(String text, int expected) {
		assertThat(parse(text)).isInstanceOf(Integer.class).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "2147483648, 2147483648", "-2147483649, -2147483649",
			"9223372036854775807, 9223372036854775807", "-9223372036854775808, -9223372036854775808",
			"1234567890123, 1234567890123" })
	void integerLiteralsThatFitOnlyALongAreLongs(String text, long expected) {
		assertThat(parse(text)).isInstanceOf(Long.class).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "9223372036854775808, 9.223372036854775808E18", "-9223372036854775809, -9.223372036854775809E18",
			"18446744073709551616, 1.8446744073709552E19", "123456789012345678901234567890, 1.2345678901234568E29" })
	void integerLiteralsBeyondALongAreRoundedDoubles(String text, double expected) {
		assertThat(parse(text)).isInstanceOf(Double.class).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "1.0, 1.0", "1e2, 100.0", "1E2, 100.0", "1e+2, 100.0", "1e-2, 0.01", "0.5, 0.5", "-0.5, -0.5",
			"0e0, 0.0", "10.25e1, 102.5", "0.1, 0.1", "1.7976931348623157e308, 1.7976931348623157e308",
			"5e-324, 4.9E-324", "2e-324, 0.0", "123.456E-2, 1.23456",
			// 2^53 + 1 is not a double: it rounds to even, as JS does.
			"9007199254740993.0, 9007199254740992.0", "9007199254740993e0, 9007199254740992.0" })
	void literalsWithAFractionOrExponentAreDoubles(String text, double expected) {
		assertThat(parse(text)).isInstanceOf(Double.class).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "-0", "-0.0", "-0e0", "-0E+5", "-0.000", "-1e-400" })
	void negativeZeroIsKeptAsADouble(String text) {
		Object value = parse(text);
		assertThat(value).isInstanceOf(Double.class);
		assertThat(Double.doubleToRawLongBits((Double) value)).isEqualTo(Double.doubleToRawLongBits(-0.0d));
	}

	@Test
	void positiveZeroIsTheIntegerZero() {
		assertThat(parse("0")).isInstanceOf(Integer.class).isEqualTo(0);
		assertThat(Double.doubleToRawLongBits((Double) parse("0.0"))).isZero();
	}

	@ParameterizedTest
	@CsvSource({ "1e400, Infinity", "-1e400, -Infinity", "1.8e308, Infinity" })
	void numbersBeyondTheDoubleRangeAreInfinite(String text, double expected) {
		assertThat(parse(text)).isEqualTo(expected);
	}

	@Test
	void aHugeIntegerLiteralIsInfinite() {
		assertThat(parse("1" + "0".repeat(400))).isEqualTo(Double.POSITIVE_INFINITY);
	}

	@ParameterizedTest
	@ValueSource(strings = { "01", "00", "-01", "+1", ".5", "5.", "-.5", "-", "--1", "1e", "1e+", "1E-", "1.e5",
			"1.5e", "0x1F", "1_000", "1,5", "1.2.3", "1ee2", "- 1", "Infinity", "-Infinity", "NaN", "[01]", "[1.]",
			"{\"a\":01}", "\uFF11", "1e5.5" })
	void malformedNumbersAreErrors(String text) {
		syntaxError(text);
	}

	// Strings

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "\"\"|", "\"abc\"|abc",
			"\"\\\"\"|\"", "\"\\\\\"|\\", "\"\\/\"|/", "\"/\"|/", "\"a\\tb\"|a\tb", "\"\\u0041\"|A",
			"\"\\u00e9\\u00C9\"|éÉ", "\"\\uAbCd\"|\uABCD" })
	void stringsAndTheirEscapes(String text, @Nullable String expected) {
		assertThat(parse(text)).isEqualTo((expected != null) ? expected : "");
	}

	@Test
	void escapedNulIsAllowed() {
		assertThat(parse("\"x\\u0000y\"")).isEqualTo("x\u0000y");
	}

	@Test
	void singleCharacterEscapes() {
		assertThat(parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"")).isEqualTo("\"\\/\b\f\n\r\t");
	}

	@Test
	void stringsWithEscapesBetweenPlainRuns() {
		assertThat(parse("\"ab\\ncd\\\"ef\\u0067h\"")).isEqualTo("ab\ncd\"efgh");
		// Two escaped strings in a row reuse the builder: nothing of the first leaks into the second.
		assertThat(parse("[\"long prefix\\n\",\"\\tb\",\"plain\"]")).isEqualTo(List.of("long prefix\n", "\tb", "plain"));
	}

	@Test
	void surrogatePairsFromEscapesAndRawText() {
		assertThat(parse("\"\\uD83D\\uDE00\"")).isEqualTo("\uD83D\uDE00");
		assertThat(parse("\"\\ud83d\\ude00\"")).isEqualTo("😀");
		assertThat(parse("\"😀\"")).isEqualTo("😀");
	}

	@ParameterizedTest
	@CsvSource({ "\"\\uD800\", D800", "\"\\uDFFF\", DFFF", "\"\\uDE00\\uD83D\", DE00 D83D", "\"\\uD83Dx\", D83D 0078" })
	void loneSurrogatesFromEscapesAreKept(String text, String codeUnits) {
		String value = (String) parse(text);
		String[] expected = codeUnits.split(" ");
		assertThat(value).hasSize(expected.length);
		for (int i = 0; i < expected.length; i++) {
			assertThat((int) value.charAt(i)).isEqualTo(Integer.parseInt(expected[i], 16));
		}
	}

	@Test
	void rawLoneSurrogatesInTheTextAreKept() {
		assertThat(parse("\"\uD800\"")).isEqualTo("\uD800");
	}

	@Test
	void nonAsciiCharactersAreAllowedUnescaped() {
		assertThat(parse("\"\u00A0\u2028\u2029\u007F\uFFFF\"")).isEqualTo("\u00A0\u2028\u2029\u007F\uFFFF");
	}

	@ParameterizedTest
	@MethodSource("controlCharacters")
	void rawControlCharactersInStringsAreErrors(char control) {
		JsonSyntaxException ex = syntaxError("\"a" + control + "b\"");
		assertThat(ex.offset()).isEqualTo(2);
		assertThat(ex.getMessage()).contains("control character");
		syntaxError("\"ab\\n" + control + "\"");
	}

	static Stream<Character> controlCharacters() {
		return Stream.iterate((char) 0, c -> c < 0x20, c -> (char) (c + 1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "'a'", "\"abc", "\"", "\"\\", "\"\\\"", "\"\\x41\"", "\"\\a\"", "\"\\U0041\"",
			"\"\\u41\"", "\"\\u004\"", "\"\\u00G1\"", "\"\\u\"", "\"\\u004", "\"\\\n\"", "\"\\0\"", "\"\\'\"",
			"\"\\v\"", "\"\\u{41}\"", "\"\\u０041\"", "\"\\ u0041\"" })
	void malformedStringsAreErrors(String text) {
		syntaxError(text);
	}

	@Test
	void unterminatedStringReportsTheEnd() {
		JsonSyntaxException ex = syntaxError("[\"abc");
		assertThat(ex.offset()).isEqualTo(5);
		assertThat(ex.getMessage()).isEqualTo("Unterminated string (opened at offset 1) at offset 5");
	}

	// Arrays and objects

	@Test
	void arraysAreArrayListsInOrder() {
		assertThat(array(parse("[]"))).isEmpty();
		assertThat(array(parse("[ ]"))).isEmpty();
		assertThat(array(parse("[1,\"a\",true,false,null,{},[]]"))).containsExactly(1, "a", true, false, null,
				Map.of(), List.of());
	}

	@Test
	void objectsAreLinkedHashMapsInMemberOrder() {
		Map<String, @Nullable Object> value = object(parse("{\"z\":1,\"a\":2,\"m\":null,\"\":\"empty\"}"));
		assertThat(value).containsExactly(entry("z", 1), entry("a", 2), entry("m", null), entry("", "empty"));
		assertThat(object(parse("{}"))).isEmpty();
		assertThat(object(parse("{ \n}"))).isEmpty();
	}

	@Test
	void duplicateKeysKeepTheFirstPositionAndTheLastValue() {
		Map<String, @Nullable Object> value = object(parse("{\"a\":1,\"b\":2,\"a\":3,\"c\":4,\"a\":null}"));
		assertThat(value).containsExactly(entry("a", null), entry("b", 2), entry("c", 4));
	}

	@Test
	void memberNamesMayHoldEscapesAndAnything() {
		Map<String, @Nullable Object> value = object(parse("{\"a\\nb\":1,\"__proto__\":2,\"\\u0000\":3}"));
		assertThat(value).containsExactly(entry("a\nb", 1), entry("__proto__", 2), entry("\u0000", 3));
	}

	@Test
	void nestedStructures() {
		Object value = parse("{\"a\":[1,{\"b\":[[],{}],\"c\":{\"d\":[null,[true]]}}],\"e\":{\"f\":-0.5}}");
		Map<String, @Nullable Object> root = object(value);
		assertThat(root.keySet()).containsExactly("a", "e");
		List<@Nullable Object> a = array(root.get("a"));
		assertThat(a.get(0)).isEqualTo(1);
		Map<String, @Nullable Object> inner = object(a.get(1));
		assertThat(inner.get("b")).isEqualTo(List.of(List.of(), Map.of()));
		assertThat(inner.get("c")).isEqualTo(Map.of("d", Arrays.asList(null, List.of(true))));
		assertThat(root.get("e")).isEqualTo(Map.of("f", -0.5));
	}

	@ParameterizedTest
	@ValueSource(strings = { "[1,]", "[,1]", "[,]", "[1,,2]", "[1 2]", "[", "[1", "[1,", "]", "{\"a\":1,}",
			"{,}", "{\"a\"}", "{\"a\":}", "{\"a\" 1}", "{a:1}", "{'a':1}", "{1:1}", "{\"a\":1 \"b\":2}", "{",
			"{\"a\"", "{\"a\":", "{\"a\":1", "{\"a\":1,", "}", "[}", "{]", "{\"a\":1]", "[1}", "{\"a\":1;\"b\":2}",
			"[1;2]", "{\"a\"=1}", "[/**/]", "[1//\n]", "{\"a\":1}}", "[[]", "[[]]]" })
	void malformedArraysAndObjectsAreErrors(String text) {
		syntaxError(text);
	}

	@Test
	void errorsSayWhatAndWhere() {
		JsonSyntaxException trailingComma = syntaxError("[1,2,]");
		assertThat(trailingComma.offset()).isEqualTo(5);
		assertThat(trailingComma.getMessage()).isEqualTo("Unexpected character ']', expected a value at offset 5");
		JsonSyntaxException missingColon = syntaxError("{\"a\" 1}");
		assertThat(missingColon.getMessage()).isEqualTo("Unexpected character '1', expected ':' at offset 5");
		JsonSyntaxException leadingZero = syntaxError("01");
		assertThat(leadingZero.getMessage())
			.isEqualTo("Unexpected character '1', expected the end of the input at offset 1");
		JsonSyntaxException truncated = syntaxError("{\"a\":[1");
		assertThat(truncated.getMessage()).isEqualTo("Unexpected end of input, expected ',' or ']' at offset 7");
		JsonSyntaxException control = syntaxError("\u00A0");
		assertThat(control.getMessage()).isEqualTo("Unexpected character U+00A0, expected a value at offset 0");
	}

	// WPT xhr/response-json.htm

	@Test
	void wptEmptyBodyIsAnError() {
		syntaxError("");
	}

	@Test
	void wptUnterminatedObjectIsAnError() {
		syntaxError("{\"test\":\"foo\"");
	}

	@Test
	void wptNonAsciiMembersRoundTrip() {
		assertThat(object(parse("{\"日本語\":\"にほんご\"}"))).containsExactly(entry("日本語", "にほんご"));
	}

	@Test
	void wptSimpleObject() {
		assertThat(object(parse("{\"test\":\"foo\"}"))).containsExactly(entry("test", "foo"));
	}

	// Hostile and large input

	@Test
	void deeplyNestedArraysDoNotUseTheThreadStack() {
		int depth = 1_000_000;
		Object value = parse("[".repeat(depth) + "]".repeat(depth));
		// Walk down iteratively: equals(), hashCode() and toString() of the result are recursive.
		int levels = 0;
		Object current = value;
		while (current instanceof List<?> list && !list.isEmpty()) {
			assertThat(list).hasSize(1);
			current = list.get(0);
			levels++;
		}
		assertThat(current).isInstanceOf(List.class);
		assertThat(levels + 1).isEqualTo(depth);
	}

	@Test
	void deeplyNestedObjectsDoNotUseTheThreadStack() {
		// Fewer levels than for arrays only to spare the heap: a LinkedHashMap with one entry is ~200 bytes.
		int depth = 200_000;
		Object value = parse("{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
		int levels = 0;
		Object current = value;
		while (current instanceof Map<?, ?> map) {
			current = map.get("a");
			levels++;
		}
		assertThat(levels).isEqualTo(depth);
		assertThat(current).isEqualTo(1);
	}

	@Test
	void unterminatedDeepNestingIsAnErrorAtTheEnd() {
		int depth = 1_000_000;
		JsonSyntaxException ex = syntaxError("[".repeat(depth));
		assertThat(ex.offset()).isEqualTo(depth);
		assertThat(ex.getMessage()).contains("end of input");
		JsonSyntaxException unbalanced = syntaxError("[".repeat(depth) + "]".repeat(depth - 1));
		assertThat(unbalanced.offset()).isEqualTo(2 * depth - 1);
		JsonSyntaxException alternating = syntaxError("[{\"a\":".repeat(depth / 2));
		assertThat(alternating.offset()).isEqualTo(depth / 2 * 6);
	}

	@Test
	void largeDocumentParses() {
		StringBuilder json = new StringBuilder("[");
		int count = 0;
		while (json.length() < 5 * 1024 * 1024) {
			if (count > 0) {
				json.append(',');
			}
			json.append("{\"id\":").append(count)
				.append(",\"name\":\"item ").append(count).append("\",\"price\":").append(count).append(".25")
				.append(",\"tags\":[\"a\\n\",\"b\\u00e9\",null,true],\"big\":").append(3_000_000_000L + count)
				.append("}\n");
			count++;
		}
		json.append(']');
		List<@Nullable Object> items = array(parse(json.toString()));
		assertThat(items).hasSize(count);
		Map<String, @Nullable Object> last = object(items.get(count - 1));
		assertThat(last).containsExactly(entry("id", count - 1), entry("name", "item " + (count - 1)),
				entry("price", count - 1 + 0.25), entry("tags", Arrays.asList("a\n", "b\u00e9", null, true)),
				entry("big", 3_000_000_000L + count - 1));
	}

	@Test
	void longStringParses() {
		String content = "x".repeat(3_000_000);
		assertThat(parse("\"" + content + "\"")).isEqualTo(content);
		assertThat(parse("\"\\n" + content + "\"")).isEqualTo("\n" + content);
	}

	// Every value kind as a top-level text and inside containers.

	@ParameterizedTest
	@MethodSource("scalars")
	void scalarsParseTheSameAtTopLevelInArraysAndInObjects(String text, @Nullable Object expected) {
		assertThat(parse(text)).isEqualTo(expected);
		assertThat(array(parse("[" + text + "]"))).containsExactly(expected);
		assertThat(object(parse("{\"k\":" + text + "}"))).containsExactly(entry("k", expected));
		assertThat(array(parse("[ " + text + " , " + text + " ]"))).containsExactly(expected, expected);
	}

	static Stream<Arguments> scalars() {
		return Stream.of(Arguments.of("0", 0), Arguments.of("-12", -12), Arguments.of("3.5", 3.5),
				Arguments.of("4e1", 40.0), Arguments.of("true", true), Arguments.of("false", false),
				Arguments.of("null", null), Arguments.of("\"s\"", "s"), Arguments.of("\"\\u0031\"", "1"),
				Arguments.of("5000000000", 5_000_000_000L));
	}

}
