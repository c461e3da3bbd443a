package dev.springxhr.xhr.internal.cors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.springxhr.xhr.internal.cors.CorsRequestRules;

/**
 * {@link CorsRequestRules} against Fetch §2.2.1 CORS-safelisted method and §2.2.2 CORS-safelisted request-header,
 * CORS-unsafe request-header names and CORS non-wildcard request-header name, with cases after WPT
 * {@code fetch/api/cors/} ({@code cors-preflight-not-cors-safelisted}, {@code cors-preflight-star}).
 */
class CorsRequestRulesTests {

	private static List<Map.Entry<String, String>> headers(String... namesAndValues) {
		List<Map.Entry<String, String>> headers = new ArrayList<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			headers.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
		}
		return headers;
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET", "HEAD", "POST" })
	void safelistedMethods(String method) {
		assertThat(CorsRequestRules.isSafelistedMethod(method)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "PUT", "DELETE", "PATCH", "OPTIONS", "patch", "get", "Post", "CHICKEN" })
	void otherMethodsAreNotSafelistedAndTheComparisonIsByteExact(String method) {
		assertThat(CorsRequestRules.isSafelistedMethod(method)).isFalse();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
		"Accept | */*",
		"accept | text/html, application/xhtml+xml;q=0.9",
		"ACCEPT | '\ttext/plain'",
		"Accept | ''",
		"Accept-Language | en-US,en;q=0.9",
		"Accept-Language | *",
		"Content-Language | de-DE, en",
		"Content-Language | ''",
		"Content-Type | text/plain",
		"Content-Type | text/plain;charset=UTF-8",
		"Content-Type | TEXT/PLAIN; charset=utf-8",
		"Content-Type | application/x-www-form-urlencoded",
		"Content-Type | multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW",
		"Range | bytes=0-",
		"Range | bytes=0-100",
		"Range | bytes=5-5",
		"range | bytes=007-10",
		"Range | bytes=100-99999999999999999999999",
	})
	void safelistedRequestHeaders(String name, String value) {
		assertThat(CorsRequestRules.isSafelistedRequestHeader(name, value)).isTrue();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
		// Accept: no CORS-unsafe request-header byte.
		"Accept | text/html(",
		"Accept | a:b",
		"Accept | '\"'",
		"Accept | <x>",
		"Accept | ?",
		"Accept | @",
		"Accept | [x]",
		"Accept | '\\'",
		"Accept | {x}",
		"Accept | '\u007F'",
		"Accept | '\u0001'",
		"Accept | '\u001F'",
		// Accept-Language and Content-Language: only 0-9 A-Z a-z SP * , - . ; =
		"Accept-Language | en_US",
		"Accept-Language | en-US/x",
		"Accept-Language | '\tde'",
		"Content-Language | fr\u00E9",
		"Content-Language | 'de\"'",
		// Content-Type: three essences, no unsafe byte, a MIME type.
		"Content-Type | application/json",
		"Content-Type | text/html",
		"Content-Type | text/xml",
		"Content-Type | text/plain; charset=\"utf-8\"",
		"Content-Type | text/plain;a=b:c",
		"Content-Type | text/plain/",
		"Content-Type | text",
		"Content-Type | ''",
		"Content-Type | 'text/plain;\u0001'",
		// Range: a single range with a start.
		"Range | bytes=-500",
		"Range | bytes=5-1",
		"Range | bytes=99999999999999999999999-100",
		"Range | bytes=0-1,2-3",
		"Range | bytes = 0-",
		"Range | Bytes=0-",
		"Range | bytes=",
		"Range | bytes=-",
		"Range | bytes=a-",
		"Range | bytes=0-1x",
		"Range | items=0-",
		// Any other name.
		"X-Requested-With | XMLHttpRequest",
		"Authorization | Basic Zm9vOmJhcg==",
		"Cache-Control | no-cache",
		"Content-Length | 0",
	})
	void notSafelistedRequestHeaders(String name, String value) {
		assertThat(CorsRequestRules.isSafelistedRequestHeader(name, value)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Accept", "Accept-Language", "Content-Language" })
	void aValueOf128BytesIsSafelistedAnd129IsNot(String name) {
		assertThat(CorsRequestRules.isSafelistedRequestHeader(name, "a".repeat(128))).isTrue();
		assertThat(CorsRequestRules.isSafelistedRequestHeader(name, "a".repeat(129))).isFalse();
	}

	@Test
	void aContentTypeOf129BytesIsNotSafelisted() {
		String value = "text/plain;a=" + "b".repeat(128 - 13);
		assertThat(value).hasSize(128);
		assertThat(CorsRequestRules.isSafelistedRequestHeader("Content-Type", value)).isTrue();
		assertThat(CorsRequestRules.isSafelistedRequestHeader("Content-Type", value + "b")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Authorization", "authorization", "AUTHORIZATION" })
	void authorizationIsTheNonWildcardRequestHeaderName(String name) {
		assertThat(CorsRequestRules.isNonWildcardRequestHeaderName(name)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Proxy-Authorization", "X-Authorization", "Authorisation" })
	void otherNamesAreWildcardable(String name) {
		assertThat(CorsRequestRules.isNonWildcardRequestHeaderName(name)).isFalse();
	}

	@Test
	void unsafeHeaderNamesAreLowerCasedSortedAndDeduplicated() {
		List<Map.Entry<String, String>> list = headers("X-B", "1", "Accept", "*/*", "x-a", "2", "x-b", "3",
				"Content-Type", "application/json", "Authorization", "x");
		assertThat(CorsRequestRules.unsafeHeaderNames(list)).containsExactly("authorization", "content-type", "x-a",
				"x-b");
	}

	@Test
	void safelistedHeadersAreNotUnsafeNames() {
		assertThat(CorsRequestRules.unsafeHeaderNames(headers("Accept", "*/*", "Accept-Language", "en",
				"Content-Language", "de", "Content-Type", "text/plain;charset=UTF-8", "Range", "bytes=0-"))).isEmpty();
	}

	@Test
	void safelistedValuesOf1024BytesTogetherStaySafe() {
		List<Map.Entry<String, String>> list = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			list.add(Map.entry("Accept-Language", "a".repeat(128)));
		}
		assertThat(CorsRequestRules.unsafeHeaderNames(list)).isEmpty();
	}

	@Test
	void safelistedValuesOverTheBudgetMakeEverySafelistedNameUnsafe() {
		List<Map.Entry<String, String>> list = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			list.add(Map.entry("Accept-Language", "a".repeat(128)));
		}
		list.add(Map.entry("Accept", "b"));
		list.add(Map.entry("X-Custom", "c".repeat(500)));
		// 1025 safelisted bytes; the unsafe value does not count towards the budget.
		assertThat(CorsRequestRules.unsafeHeaderNames(list)).containsExactly("accept", "accept-language",
				"x-custom");
	}

	@Test
	void unsafeValuesDoNotCountTowardsTheBudget() {
		List<Map.Entry<String, String>> list = new ArrayList<>();
		list.add(Map.entry("Accept", "*/*"));
		for (int i = 0; i < 10; i++) {
			list.add(Map.entry("Accept-Language", "a".repeat(129)));
		}
		assertThat(CorsRequestRules.unsafeHeaderNames(list)).containsExactly("accept-language");
	}

	@Test
	void accessControlRequestHeadersIsCommaSeparatedWithoutSpaces() {
		assertThat(CorsRequestRules.accessControlRequestHeaders(List.of("content-type", "x-a", "x-b")))
			.isEqualTo("content-type,x-a,x-b");
		assertThat(CorsRequestRules.accessControlRequestHeaders(List.of())).isEmpty();
	}

	@Test
	void sortedLowercaseSetUsesByteOrder() {
		// '-' (0x2D) < '0' (0x30) < '_' (0x5F) < 'a' (0x61).
		assertThat(CorsRequestRules.sortedLowercaseSet(List.of("X_A", "x-a", "X0", "xa", "X-A")))
			.containsExactly("x-a", "x0", "x_a", "xa");
	}

	@ParameterizedTest(name = "{0} with {1}: {2}")
	@CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
		"GET | '' | false",
		"HEAD | '' | false",
		"POST | Content-Type: text/plain;charset=UTF-8 | false",
		"POST | Content-Type: application/x-www-form-urlencoded | false",
		"POST | Content-Type: application/json | true",
		"POST | Content-Type: application/xml;charset=UTF-8 | true",
		"GET | X-Requested-With: XMLHttpRequest | true",
		"GET | Authorization: Bearer x | true",
		"GET | Range: bytes=0- | false",
		"GET | Range: bytes=-1 | true",
		"PUT | '' | true",
		"DELETE | '' | true",
		"patch | '' | true",
		"OPTIONS | '' | true",
	})
	void needsPreflightForAnUnsafeMethodOrHeader(String method, String header, boolean expected) {
		List<Map.Entry<String, String>> list = header.isEmpty() ? List.of()
				: headers(header.substring(0, header.indexOf(':')), header.substring(header.indexOf(':') + 2));
		assertThat(CorsRequestRules.needsPreflight(method, list, false)).isEqualTo(expected);
	}

	@Test
	void needsPreflightWithAnUploadListenerEvenForASafeRequest() {
		assertThat(CorsRequestRules.needsPreflight("POST", headers("Content-Type", "text/plain"), true)).isTrue();
		assertThat(CorsRequestRules.needsPreflight("GET", List.of(), true)).isTrue();
	}

	@Test
	void needsPreflightWhenSafeValuesExceedTheBudget() {
		List<Map.Entry<String, String>> list = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			list.add(Map.entry("Accept", "a".repeat(120)));
		}
		assertThat(CorsRequestRules.needsPreflight("GET", list, false)).isTrue();
	}

}
