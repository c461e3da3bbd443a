package dev.springxhr.xhr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import dev.springxhr.xhr.internal.url.FormUrlEncoding;

/**
 * URL §6 {@code URLSearchParams} and the application/x-www-form-urlencoded parser and serializer, with cases from
 * the web-platform-tests {@code url/urlsearchparams-*.any.js}.
 */
class URLSearchParamsTests {

	// urlsearchparams-constructor.any.js

	@Test
	void basicConstruction() {
		assertThat(new URLSearchParams()).hasToString("");
		assertThat(new URLSearchParams("")).hasToString("");
		assertThat(new URLSearchParams("a=b")).hasToString("a=b");
		assertThat(new URLSearchParams(new URLSearchParams("a=b").toString())).hasToString("a=b");
	}

	@Test
	void leadingQuestionMarkIsRemovedOnlyOnce() {
		assertThat(new URLSearchParams("?a=b")).hasToString("a=b");
		URLSearchParams params = new URLSearchParams("??a=b");
		assertThat(params.has("?a")).isTrue();
		assertThat(params).hasToString("%3Fa=b");
		assertThat(new URLSearchParams("?").getSize()).isZero();
	}

	@Test
	void emptySequencesAreSkipped() {
		URLSearchParams params = new URLSearchParams("&&&a=b&&&&c=d&&&");
		assertThat(params.entries()).containsExactly(entry("a", "b"), entry("c", "d"));
	}

	@Test
	void splitsAtTheFirstEquals() {
		URLSearchParams params = new URLSearchParams("a==a&first=second=third&b&=c&=");
		assertThat(params.entries()).containsExactly(entry("a", "=a"), entry("first", "second=third"), entry("b", ""),
				entry("", "c"), entry("", ""));
	}

	static Stream<Arguments> parsedValues() {
		return Stream.of(Arguments.of("a=b+c", "b c"), Arguments.of("a=b%20c", "b c"), Arguments.of("a=b%2Bc", "b+c"),
				Arguments.of("a=b%2bc", "b+c"), Arguments.of("a=b\0c", "b\0c"), Arguments.of("a=b%00c", "b\0c"),
				Arguments.of("a=b\u2384", "b\u2384"), Arguments.of("a=b%e2%8e%84", "b\u2384"),
				Arguments.of("a=b\uD83D\uDCA9c", "b\uD83D\uDCA9c"), Arguments.of("a=b%f0%9f%92%a9c", "b\uD83D\uDCA9c"),
				Arguments.of("a=%zz", "%zz"), Arguments.of("a=%", "%"), Arguments.of("a=%4", "%4"),
				Arguments.of("a=%4g", "%4g"), Arguments.of("a=%%41", "%A"), Arguments.of("a=%2", "%2"),
				Arguments.of("a=%C3%A9", "\u00E9"), Arguments.of("a=%FE%FF", "\uFFFD\uFFFD"),
				Arguments.of("a=%C3", "\uFFFD"), Arguments.of("a=%ED%A0%80", "\uFFFD\uFFFD\uFFFD"),
				Arguments.of("a=\uD83D", "\uFFFD"), Arguments.of("a=%EF%BB%BFx", "\uFEFFx"),
				Arguments.of("a=%26b", "&b"), Arguments.of("a=%3Db", "=b"));
	}

	@ParameterizedTest
	@MethodSource("parsedValues")
	void parserDecodesPlusAndPercentThenUtf8(String query, String value) {
		assertThat(new URLSearchParams(query).get("a")).isEqualTo(value);
	}

	@Test
	void parserDecodesNames() {
		URLSearchParams params = new URLSearchParams("a+b=1&a%2Bb=2&a%00b=3&a\uD83D\uDCA9b=4&%EF%BB%BFtest=\uFEFF");
		assertThat(params.keys()).containsExactly("a b", "a+b", "a\0b", "a\uD83D\uDCA9b", "\uFEFFtest");
		assertThat(params.get("\uFEFFtest")).isEqualTo("\uFEFF");
	}

	@Test
	void constructFromMapKeepsIterationOrder() {
		Map<String, String> init = new LinkedHashMap<>();
		init.put("c", "x");
		init.put("a", "?");
		init.put("+", "%C2");
		assertThat(new URLSearchParams(init)).hasToString("c=x&a=%3F&%2B=%25C2");
	}

	@Test
	void constructFromMapMergesKeysThatConvertToTheSameUsvString() {
		Map<String, String> init = new LinkedHashMap<>();
		init.put("\uD835x", "1");
		init.put("xx", "2");
		init.put("\uD83Dx", "3");
		URLSearchParams params = new URLSearchParams(init);
		assertThat(params.entries()).containsExactly(entry("\uFFFDx", "3"), entry("xx", "2"));
		assertThat(params).hasToString("%EF%BF%BDx=3&xx=2");
	}

	@Test
	void constructFromPairsKeepsDuplicates() {
		URLSearchParams params = new URLSearchParams(List.of(Map.entry("a", "b"), Map.entry("c", "d"),
				Map.entry("a", "e\uD83D")));
		assertThat(params.entries()).containsExactly(entry("a", "b"), entry("c", "d"), entry("a", "e\uFFFD"));
	}

	// urlsearchparams-stringifier.any.js

	@ParameterizedTest
	@CsvSource(delimiterString = " => ", quoteCharacter = '`', value = { "a => b c => a=b+c", "a b => c => a+b=c",
			"a => '' => a=''", "'' => b => =b", "a => ' => a=%27", "a => ! => a=%21", "a => ()~ => a=%28%29%7E",
			"a => *-._ => a=*-._", "a => + => a=%2B", "a => = => a=%3D", "a => & => a=%26", "a => % => a=%25",
			"a => %zz => a=%25zz", "a => /?#:;@ => a=%2F%3F%23%3A%3B%40", "a => <>\"` => a=%3C%3E%22%60",
			"a => [\\]^{|} => a=%5B%5C%5D%5E%7B%7C%7D", "a => $, => a=%24%2C", "AZaz09 => v => AZaz09=v" })
	void serializerEncodesEverythingButAlphanumericsAndStarDashDotUnderscore(String name, String value,
			String expected) {
		URLSearchParams params = new URLSearchParams();
		params.append(name.equals("''") ? "" : name, value.equals("''") ? "" : value);
		assertThat(params).hasToString(expected.replace("''", ""));
	}

	static Stream<Arguments> serializedValues() {
		return Stream.of(Arguments.of("", "a="), Arguments.of("\0", "a=%00"), Arguments.of("\n", "a=%0A"),
				Arguments.of("\r", "a=%0D"), Arguments.of("\r\n", "a=%0D%0A"), Arguments.of("\t", "a=%09"),
				Arguments.of("\u007F", "a=%7F"), Arguments.of("\u00E9", "a=%C3%A9"),
				Arguments.of("\u2384", "a=%E2%8E%84"), Arguments.of("\uD83D\uDCA9", "a=%F0%9F%92%A9"),
				Arguments.of("\uD83D", "a=%EF%BF%BD"), Arguments.of("\uDCA9", "a=%EF%BF%BD"),
				Arguments.of("x\uDCA9\uD83D", "a=x%EF%BF%BD%EF%BF%BD"), Arguments.of("\uFEFF", "a=%EF%BB%BF"),
				Arguments.of("\uFFFF", "a=%EF%BF%BF"), Arguments.of("\u0080", "a=%C2%80"),
				Arguments.of("\u07FF", "a=%DF%BF"), Arguments.of("\u0800", "a=%E0%A0%80"),
				Arguments.of("\uDBFF\uDFFF", "a=%F4%8F%BF%BF"));
	}

	@ParameterizedTest
	@MethodSource("serializedValues")
	void serializerPercentEncodesUtf8InUpperCase(String value, String expected) {
		URLSearchParams params = new URLSearchParams();
		params.append("a", value);
		assertThat(params).hasToString(expected);
	}

	@ParameterizedTest
	@CsvSource({ "a=b c, a=b+c", "a+b=c, a+b=c", "a=b&c=d, a=b&c=d", "foo=bar&foo=baz, foo=bar&foo=baz",
			"a=%zz, a=%25zz", "a=%41, a=A", "a, a=", "=, =", "a=b&&c, a=b&c=" })
	void constructedFromStringThenSerialized(String query, String expected) {
		assertThat(new URLSearchParams(query)).hasToString(expected);
	}

	@Test
	void serializerAndParserRoundTrip() {
		String value = "a b+c&d=e%f\u00E9\uD83D\uDCA9\0\n";
		URLSearchParams params = new URLSearchParams();
		params.append(value, value);
		assertThat(new URLSearchParams(params.toString()).entries()).containsExactly(entry(value, value));
	}

	// urlsearchparams-append / -get / -getall / -has / -set / -delete / -size .any.js

	@Test
	void appendSameName() {
		URLSearchParams params = new URLSearchParams();
		params.append("a", "b");
		params.append("a", "c");
		params.append("a", "d");
		assertThat(params).hasToString("a=b&a=c&a=d");
		assertThat(params.getAll("a")).containsExactly("b", "c", "d");
		assertThat(params.getSize()).isEqualTo(3);
	}

	@Test
	void getReturnsTheFirstValueOrNull() {
		assertThat(new URLSearchParams("a=b&c=d").get("a")).isEqualTo("b");
		assertThat(new URLSearchParams("a=b&c=d").get("e")).isNull();
		assertThat(new URLSearchParams("a=b&c=d&a=e").get("a")).isEqualTo("b");
		assertThat(new URLSearchParams("=b&c=d").get("")).isEqualTo("b");
		assertThat(new URLSearchParams("a=&c=d&a=e").get("a")).isEmpty();
		assertThat(new URLSearchParams("a").get("a")).isEmpty();
	}

	@Test
	void getAllReturnsEveryValueInOrder() {
		URLSearchParams params = new URLSearchParams("a=b&c=d&a=e&a=");
		assertThat(params.getAll("a")).containsExactly("b", "e", "");
		assertThat(params.getAll("x")).isEmpty();
		params.set("a", "one");
		assertThat(params.getAll("a")).containsExactly("one");
	}

	@Test
	void hasWithAndWithoutValue() {
		URLSearchParams params = new URLSearchParams("a=b&a=d&c&e&");
		assertThat(params.has("a")).isTrue();
		assertThat(params.has("c")).isTrue();
		assertThat(params.has("x")).isFalse();
		assertThat(params.has("a", "b")).isTrue();
		assertThat(params.has("a", "c")).isFalse();
		assertThat(params.has("a", "d")).isTrue();
		assertThat(params.has("e", "")).isTrue();
		assertThat(params.has("c", null)).isTrue();
		params.append("first", "10");
		params.delete("first");
		assertThat(params.has("first")).isFalse();
		assertThat(new URLSearchParams("=b&c=d").has("")).isTrue();
	}

	@Test
	void setReplacesTheFirstAndRemovesTheRest() {
		URLSearchParams params = new URLSearchParams("a=b&c=d");
		params.set("a", "B");
		assertThat(params).hasToString("a=B&c=d");
		params = new URLSearchParams("a=b&c=d&a=e");
		params.set("a", "B");
		assertThat(params).hasToString("a=B&c=d");
		params.set("e", "f");
		assertThat(params).hasToString("a=B&c=d&e=f");
	}

	@Test
	void deleteByName() {
		URLSearchParams params = new URLSearchParams("a=b&c=d");
		params.delete("a");
		assertThat(params).hasToString("c=d");
		params = new URLSearchParams("a=a&b=b&a=a&c=c");
		params.delete("a");
		assertThat(params).hasToString("b=b&c=c");
		params = new URLSearchParams("a=a&=&b=b&c=c");
		params.delete("");
		assertThat(params).hasToString("a=a&b=b&c=c");
	}

	@Test
	void deleteWithValueRemovesOnlyMatchingPairs() {
		URLSearchParams params = new URLSearchParams();
		params.append("a", "b");
		params.append("a", "c");
		params.append("a", "d");
		params.delete("a", "c");
		assertThat(params).hasToString("a=b&a=d");
		params.delete("a", "x");
		assertThat(params).hasToString("a=b&a=d");
	}

	@Test
	void deleteWithNullValueRemovesAllPairsWithTheName() {
		URLSearchParams params = new URLSearchParams("a=b&a=c&b=d");
		params.delete("a", null);
		assertThat(params).hasToString("b=d");
	}

	@Test
	void sizeFollowsChanges() {
		URLSearchParams params = new URLSearchParams("a=1&b=2&a=3");
		assertThat(params.getSize()).isEqualTo(3);
		params.delete("a");
		assertThat(params.getSize()).isEqualTo(1);
		params.append("c", "4");
		assertThat(params.getSize()).isEqualTo(2);
	}

	@Test
	void argumentsAreUsvStrings() {
		URLSearchParams params = new URLSearchParams();
		params.append("\uD83D", "\uDCA9");
		assertThat(params.entries()).containsExactly(entry("\uFFFD", "\uFFFD"));
		assertThat(params.get("\uDBFF")).isEqualTo("\uFFFD");
		assertThat(params.has("\uFFFD", "\uD800")).isTrue();
		params.delete("\uDC00", "\uFFFD");
		assertThat(params.getSize()).isZero();
	}

	// urlsearchparams-sort.any.js

	static Stream<Arguments> sorts() {
		return Stream.of(Arguments.of("z=b&a=b&z=a&a=a", "a=b&a=a&z=b&z=a"),
				Arguments.of("\uFFFD=x&\uFFFC&\uFFFD=a", "\uFFFC=&\uFFFD=x&\uFFFD=a"),
				// U+1F308 sorts before U+FB03: its first code unit, D83C, is smaller.
				Arguments.of("\uFB03&\uD83C\uDF08", "\uD83C\uDF08=&\uFB03="),
				Arguments.of("\u00E9&e\uFFFD&e\u0301", "e\u0301=&e\uFFFD=&\u00E9="),
				Arguments.of("z=z&a=a&z=y&a=b&z=x&a=c&z=w&a=d&z=v&a=e&z=u&a=f&z=t&a=g",
						"a=a&a=b&a=c&a=d&a=e&a=f&a=g&z=z&z=y&z=x&z=w&z=v&z=u&z=t"),
				Arguments.of("bbb&bb&aaa&aa=x&aa=y", "aa=x&aa=y&aaa=&bb=&bbb="),
				Arguments.of("z=z&=f&=t&=x", "=f&=t&=x&z=z"),
				Arguments.of("a\uD83C\uDF08&a\uD83D\uDCA9", "a\uD83C\uDF08=&a\uD83D\uDCA9="));
	}

	@ParameterizedTest
	@MethodSource("sorts")
	void sortIsStableByCodeUnits(String input, String sorted) {
		URLSearchParams params = new URLSearchParams(input);
		params.sort();
		assertThat(params.entries()).containsExactlyElementsOf(FormUrlEncoding.parse(sorted));
	}

	// urlsearchparams-foreach.any.js

	@Test
	void forEachVisitsPairsInOrder() {
		URLSearchParams params = new URLSearchParams("a=1&b=2&c=3");
		List<String> seen = new ArrayList<>();
		params.forEach((name, value) -> seen.add(name + value));
		assertThat(seen).containsExactly("a1", "b2", "c3");
		assertThat(params.keys()).containsExactly("a", "b", "c");
		assertThat(params.values()).containsExactly("1", "2", "3");
	}

	@Test
	void forEachIsLiveWhenTheNextPairIsDeleted() {
		URLSearchParams params = new URLSearchParams("param0=0&param1=1&param2=2");
		List<String> seen = new ArrayList<>();
		params.forEach((name, value) -> {
			if (name.equals("param0")) {
				params.delete("param1");
			}
			seen.add(name + "=" + value);
		});
		assertThat(seen).containsExactly("param0=0", "param2=2");
	}

	@Test
	void entriesKeysAndValuesAreImmutableSnapshots() {
		URLSearchParams params = new URLSearchParams("a=1");
		List<Map.Entry<String, String>> entries = params.entries();
		List<String> keys = params.keys();
		List<String> values = params.values();
		params.append("b", "2");
		assertThat(entries).containsExactly(entry("a", "1"));
		assertThat(keys).containsExactly("a");
		assertThat(values).containsExactly("1");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(entries::clear);
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> params.getAll("a").clear());
	}

	@Test
	void nullArgumentsAreRejected() {
		URLSearchParams params = new URLSearchParams();
		assertThatNullPointerException().isThrownBy(() -> new URLSearchParams((String) null))
			.withMessage("'init' must not be null");
		assertThatNullPointerException().isThrownBy(() -> params.append(null, "v"))
			.withMessage("'name' must not be null");
		assertThatNullPointerException().isThrownBy(() -> params.append("n", null))
			.withMessage("'value' must not be null");
		assertThatNullPointerException().isThrownBy(() -> params.get(null)).withMessage("'name' must not be null");
	}

	// FormUrlEncoding directly

	@Test
	void parseReturnsPairsInOrder() {
		assertThat(FormUrlEncoding.parse("")).isEmpty();
		assertThat(FormUrlEncoding.parse("&")).isEmpty();
		assertThat(FormUrlEncoding.parse("?a=b")).containsExactly(entry("?a", "b"));
		assertThat(FormUrlEncoding.parse("a=1&b=2&a=3")).containsExactly(entry("a", "1"), entry("b", "2"),
				entry("a", "3"));
	}

	@Test
	void serializeJoinsPairsWithAmpersand() {
		assertThat(FormUrlEncoding.serialize(List.of())).isEmpty();
		assertThat(FormUrlEncoding.serialize(List.of(Map.entry("", "")))).isEqualTo("=");
		assertThat(FormUrlEncoding.serialize(List.of(Map.entry("", ""), Map.entry("", "")))).isEqualTo("=&=");
		assertThat(FormUrlEncoding.serialize(List.of(Map.entry("a b", "c&d"), Map.entry("\u00E9", "\uD83D"))))
			.isEqualTo("a+b=c%26d&%C3%A9=%EF%BF%BD");
	}

}
