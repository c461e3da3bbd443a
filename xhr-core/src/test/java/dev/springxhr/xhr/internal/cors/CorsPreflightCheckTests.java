package dev.springxhr.xhr.internal.cors;

import static dev.springxhr.xhr.internal.cors.CorsCheckTests.headers;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.springxhr.xhr.internal.cors.CorsCheck;
import dev.springxhr.xhr.internal.http.ResponseHeaders;

/**
 * {@link CorsCheck#checkPreflightResponse} against Fetch §4.7 CORS-preflight fetch step 7, with cases after WPT
 * {@code fetch/api/cors/cors-preflight-star.any.js}, {@code cors-preflight-status.any.js} and
 * {@code cors/preflight-failure.htm}.
 */
class CorsPreflightCheckTests {

	private static final String ORIGIN = "https://app.example";

	private static final String ACAO = "Access-Control-Allow-Origin";

	private static final String ACAM = "Access-Control-Allow-Methods";

	private static final String ACAH = "Access-Control-Allow-Headers";

	private static @Nullable String check(ResponseHeaders headers, String method, String... unsafeHeaderNames) {
		return CorsCheck.checkPreflightResponse(200, headers, ORIGIN, false, method, List.of(unsafeHeaderNames),
				false);
	}

	private static @Nullable String checkWithCredentials(ResponseHeaders headers, String method,
			String... unsafeHeaderNames) {
		return CorsCheck.checkPreflightResponse(200, headers, ORIGIN, true, method, List.of(unsafeHeaderNames),
				false);
	}

	private static ResponseHeaders credentialed(String... more) {
		String[] all = new String[more.length + 4];
		all[0] = ACAO;
		all[1] = ORIGIN;
		all[2] = "Access-Control-Allow-Credentials";
		all[3] = "true";
		System.arraycopy(more, 0, all, 4, more.length);
		return headers(all);
	}

	@ParameterizedTest
	@ValueSource(ints = { 200, 204, 299 })
	void passesWithAnOkStatus(int status) {
		assertThat(CorsCheck.checkPreflightResponse(status, headers(ACAO, "*", ACAM, "PUT"), ORIGIN, false, "PUT",
				List.of(), false)).isNull();
	}

	@ParameterizedTest
	@ValueSource(ints = { 100, 199, 300, 301, 304, 400, 401, 404, 500 })
	void failsWithAnyOtherStatus(int status) {
		assertThat(CorsCheck.checkPreflightResponse(status, headers(ACAO, "*", ACAM, "PUT"), ORIGIN, false, "PUT",
				List.of(), false)).isEqualTo("Preflight response status is " + status
						+ ", not an ok status (200-299)");
	}

	@Test
	void failsTheCorsCheck() {
		assertThat(check(headers(ACAM, "PUT"), "PUT"))
			.isEqualTo("Preflight response: No 'Access-Control-Allow-Origin' header");
		assertThat(checkWithCredentials(headers(ACAO, ORIGIN, ACAM, "PUT"), "PUT"))
			.startsWith("Preflight response: 'Access-Control-Allow-Credentials' is not 'true'");
	}

	@Test
	void allowsAListedMethod() {
		assertThat(check(headers(ACAO, "*", ACAM, "PUT"), "PUT")).isNull();
		assertThat(check(headers(ACAO, "*", ACAM, "GET, PUT,DELETE"), "DELETE")).isNull();
		assertThat(check(headers(ACAO, "*", ACAM, "GET", ACAM, "PATCH"), "PATCH")).isNull();
		assertThat(checkWithCredentials(credentialed(ACAM, "PUT"), "PUT")).isNull();
	}

	@Test
	void comparesMethodsByteForByte() {
		// "patch" is not normalized by open(), so the server must list it as sent.
		assertThat(check(headers(ACAO, "*", ACAM, "PATCH"), "patch"))
			.isEqualTo("Method 'patch' is not in 'Access-Control-Allow-Methods'");
		assertThat(check(headers(ACAO, "*", ACAM, "put"), "PUT")).isNotNull();
	}

	@Test
	void failsForAnUnlistedMethod() {
		assertThat(check(headers(ACAO, "*", ACAM, "GET, POST"), "DELETE"))
			.isEqualTo("Method 'DELETE' is not in 'Access-Control-Allow-Methods'");
		assertThat(check(headers(ACAO, "*"), "PUT")).isNotNull();
		assertThat(check(headers(ACAO, "*", ACAM, ""), "PUT")).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET", "HEAD", "POST" })
	void safelistedMethodsNeedNoListing(String method) {
		assertThat(check(headers(ACAO, "*", ACAH, "x-foo"), method, "x-foo")).isNull();
		assertThat(check(headers(ACAO, "*", ACAM, "DELETE", ACAH, "x-foo"), method, "x-foo")).isNull();
	}

	@Test
	void theUseCorsPreflightFlagMakesAMissingAllowMethodsAllowTheMethod() {
		assertThat(CorsCheck.checkPreflightResponse(200, headers(ACAO, "*"), ORIGIN, false, "PUT", List.of(), true))
			.isNull();
		// Only a missing header: an empty one is an empty list.
		assertThat(CorsCheck.checkPreflightResponse(200, headers(ACAO, "*", ACAM, ""), ORIGIN, false, "PUT",
				List.of(), true)).isNotNull();
	}

	@Test
	void wildcardMethodsWithoutCredentials() {
		assertThat(check(headers(ACAO, "*", ACAM, "*"), "PUT")).isNull();
		assertThat(check(headers(ACAO, "*", ACAM, "*"), "CHICKEN")).isNull();
	}

	@Test
	void wildcardMethodsAreLiteralWithCredentials() {
		assertThat(checkWithCredentials(credentialed(ACAM, "*"), "PUT")).isEqualTo(
				"Method 'PUT' is not in 'Access-Control-Allow-Methods' ('*' is no wildcard when the request carries "
						+ "credentials)");
		assertThat(checkWithCredentials(credentialed(ACAM, "*"), "GET")).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "PUT DELETE", "PUT;", "\"PUT\"", "PUT, (DELETE)", "PÜT" })
	void anAllowMethodsThatIsNoTokenListFailsThePreflight(String value) {
		assertThat(check(headers(ACAO, "*", ACAM, value), "GET"))
			.startsWith("'Access-Control-Allow-Methods' is not a comma-separated list of methods");
	}

	@ParameterizedTest
	@ValueSource(strings = { "x-foo bar", "x-foo;", "x:foo", "{x}" })
	void anAllowHeadersThatIsNoTokenListFailsThePreflight(String value) {
		assertThat(check(headers(ACAO, "*", ACAH, value), "GET"))
			.startsWith("'Access-Control-Allow-Headers' is not a comma-separated list of header names");
	}

	@Test
	void emptyListElementsAndOptionalWhitespaceAreAccepted() {
		assertThat(check(headers(ACAO, "*", ACAM, ", PUT ,,\t,DELETE,", ACAH, " ,x-a,\tx-b , "), "DELETE", "x-a",
				"x-b")).isNull();
	}

	@Test
	void allowsListedHeadersCaseInsensitively() {
		assertThat(check(headers(ACAO, "*", ACAH, "X-Foo, X-BAR"), "GET", "x-bar", "x-foo")).isNull();
		assertThat(check(headers(ACAO, "*", ACAH, "x-foo", ACAH, "x-bar"), "GET", "x-bar", "x-foo")).isNull();
		assertThat(checkWithCredentials(credentialed(ACAH, "x-foo"), "GET", "x-foo")).isNull();
	}

	@Test
	void failsForAnUnlistedHeader() {
		assertThat(check(headers(ACAO, "*", ACAH, "x-foo"), "GET", "x-bar", "x-foo"))
			.isEqualTo("Request header 'x-bar' is not in 'Access-Control-Allow-Headers'");
		assertThat(check(headers(ACAO, "*"), "GET", "content-type")).isNotNull();
	}

	@Test
	void wildcardHeadersWithoutCredentials() {
		assertThat(check(headers(ACAO, "*", ACAH, "*"), "GET", "content-type", "x-foo")).isNull();
	}

	@Test
	void wildcardHeadersDoNotCoverXFooWithCredentials() {
		assertThat(checkWithCredentials(credentialed(ACAH, "*"), "GET", "x-foo")).isEqualTo(
				"Request header 'x-foo' is not in 'Access-Control-Allow-Headers' ('*' is no wildcard when the "
						+ "request carries credentials)");
	}

	@Test
	void wildcardHeadersNeverCoverAuthorization() {
		assertThat(check(headers(ACAO, "*", ACAH, "*"), "GET", "authorization", "x-foo")).isEqualTo(
				"Request header 'authorization' is not in 'Access-Control-Allow-Headers' ('*' never covers it: it "
						+ "must be listed by name)");
		assertThat(check(headers(ACAO, "*", ACAH, "*, Authorization"), "GET", "authorization", "x-foo")).isNull();
		assertThat(check(headers(ACAO, "*", ACAH, "authorization"), "GET", "authorization")).isNull();
	}

	@Test
	void wildcardMethodsAndHeadersTogetherStillNeedAuthorizationListed() {
		assertThat(check(headers(ACAO, "*", ACAM, "*", ACAH, "*"), "PUT", "authorization")).isNotNull();
	}

}
