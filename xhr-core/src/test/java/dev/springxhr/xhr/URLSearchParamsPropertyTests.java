package dev.springxhr.xhr;

import static dev.springxhr.xhr.support.HostileStrings.hostile;
import static dev.springxhr.xhr.support.HostileStrings.hostileOrLong;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.springxhr.xhr.support.PropertyCheck;

/**
 * Properties of {@link URLSearchParams} (URL Standard §5 application/x-www-form-urlencoded, §6 URLSearchParams)
 * over generated lists of name-value pairs: serialization round-trips, emits only the urlencoded byte set, and
 * {@code sort()} is a stable sort by code units.
 */
class URLSearchParamsPropertyTests {

	private static final List<List<Map.Entry<String, String>>> EDGES = List.of(List.of(),
			List.of(Map.entry("", "")), List.of(Map.entry("=", "&")), List.of(Map.entry("a b", "+%20%")),
			List.of(Map.entry("\ud800", "\udc00")), List.of(Map.entry("\ud83d\ude00", "\u0000\r\n")),
			List.of(Map.entry("b", "1"), Map.entry("a", "2"), Map.entry("b", "0"), Map.entry("\ufffd", ""),
					Map.entry("\ud83d\ude00", "x"), Map.entry("a", "1")));

	/** A list of 0 to 8 pairs; names repeat often, so that sort() has ties to keep in order. */
	static List<Map.Entry<String, String>> pairs(SplittableRandom random) {
		int size = random.nextInt(9);
		List<String> names = List.of(hostile(random, 4), hostile(random, 4), hostile(random, 10));
		List<Map.Entry<String, String>> result = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			String name = (random.nextInt(3) > 0) ? names.get(random.nextInt(names.size())) : hostile(random, 12);
			result.add(Map.entry(name, (random.nextInt(40) == 0) ? hostileOrLong(random) : hostile(random, 30)));
		}
		return result;
	}

	/** WebIDL USVString conversion: each lone surrogate becomes U+FFFD. */
	static String usv(String value) {
		StringBuilder result = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
				result.append(c).append(value.charAt(++i));
			}
			else {
				result.append(Character.isSurrogate(c) ? '\ufffd' : c);
			}
		}
		return result.toString();
	}

	private static List<Map.Entry<String, String>> usv(List<Map.Entry<String, String>> pairs) {
		return pairs.stream().map((pair) -> Map.entry(usv(pair.getKey()), usv(pair.getValue()))).toList();
	}

	// URL §5.2 serializer and §5.1 parser: parse(serialize(x)) is x, for any list of USV strings (lone surrogates
	// are U+FFFD once converted, as WebIDL converts them on the way in).
	@Test
	void parsingTheSerializationGivesBackThePairs() {
		PropertyCheck.forAll(20240841L, 1500, URLSearchParamsPropertyTests::pairs, EDGES, (pairs) -> {
			URLSearchParams params = new URLSearchParams(pairs);
			assertThat(params.entries()).isEqualTo(usv(pairs));
			String serialized = params.toString();
			assertThat(new URLSearchParams(serialized).entries()).isEqualTo(usv(pairs));
			assertThat(new URLSearchParams("?" + serialized).entries()).isEqualTo(usv(pairs));
		});
	}

	// URL §5.2: the application/x-www-form-urlencoded percent-encode set leaves only ASCII alphanumerics and
	// *-._ unencoded, space becomes '+', and '=' and '&' only separate; every escape is %XX of a UTF-8 byte.
	@Test
	void theSerializationUsesOnlyTheUrlencodedByteSet() {
		PropertyCheck.forAll(20240842L, 1500, URLSearchParamsPropertyTests::pairs, EDGES, (pairs) -> {
			String serialized = new URLSearchParams(pairs).toString();
			assertThat(serialized).matches("[A-Za-z0-9*\\-._+=&%]*");
			assertThat(serialized).doesNotContainPattern("%(?![0-9A-F]{2})");
			assertThat(serialized.isEmpty() ? 0 : serialized.split("&", -1).length).isEqualTo(pairs.size());
			for (String pair : serialized.isEmpty() ? new String[0] : serialized.split("&", -1)) {
				assertThat(pair.chars().filter((c) -> c == '=').count()).isEqualTo(1);
			}
		});
	}

	// URL §6 sort(): a stable sort by name, comparing code units; pairs with equal names keep their order.
	@Test
	void sortIsAStableSortByCodeUnits() {
		PropertyCheck.forAll(20240843L, 1500, URLSearchParamsPropertyTests::pairs, EDGES, (pairs) -> {
			URLSearchParams params = new URLSearchParams(pairs);
			params.sort();
			// The oracle: insertion sort, which is stable by construction.
			List<Map.Entry<String, String>> expected = new ArrayList<>();
			Comparator<String> codeUnits = String::compareTo;
			for (Map.Entry<String, String> pair : usv(pairs)) {
				int at = expected.size();
				while (at > 0 && codeUnits.compare(expected.get(at - 1).getKey(), pair.getKey()) > 0) {
					at--;
				}
				expected.add(at, pair);
			}
			assertThat(params.entries()).isEqualTo(expected);
		});
	}

}
