package dev.springxhr.xhr.internal.cors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.springxhr.xhr.internal.cors.CorsCheck;
import dev.springxhr.xhr.internal.url.Origins;
import dev.springxhr.xhr.internal.http.ResponseHeaders;

/**
 * {@link CorsCheck#check} against Fetch §4.9 CORS check, with cases after WPT {@code cors/origin.htm},
 * {@code cors/credentials-flag.htm} and {@code fetch/api/cors/cors-origin.any.js}.
 */
public class CorsCheckTests {

	private static final String ORIGIN = "https://app.example";

	public static ResponseHeaders headers(String... namesAndValues) {
		java.util.ArrayList<Map.Entry<String, String>> list = new java.util.ArrayList<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			list.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
		}
		return ResponseHeaders.of(list);
	}

	@Test
	void failsWithoutAllowOrigin() {
		assertThat(CorsCheck.check(headers("Content-Type", "text/plain"), ORIGIN, false))
			.isEqualTo("No 'Access-Control-Allow-Origin' header");
	}

	@Test
	void wildcardPassesWithoutCredentials() {
		assertThat(CorsCheck.check(headers("Access-Control-Allow-Origin", "*"), ORIGIN, false)).isNull();
	}

	@Test
	void wildcardFailsWithCredentialsEvenWithAllowCredentials() {
		ResponseHeaders headers = headers("Access-Control-Allow-Origin", "*", "Access-Control-Allow-Credentials",
				"true");
		assertThat(CorsCheck.check(headers, ORIGIN, true))
			.isEqualTo("'Access-Control-Allow-Origin' is '*' but the request carries credentials");
	}

	@Test
	void theExactOriginPasses() {
		assertThat(CorsCheck.check(headers("access-control-allow-origin", ORIGIN), ORIGIN, false)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://x", "https://app.example/", "https://APP.example", "HTTPS://app.example",
			"http://app.example", "https://app.example:443", "app.example", "null", "**", "'*'" })
	void anyOtherOriginFailsByteForByte(String allowOrigin) {
		assertThat(CorsCheck.check(headers("Access-Control-Allow-Origin", allowOrigin), ORIGIN, false))
			.isEqualTo("'Access-Control-Allow-Origin' is '" + allowOrigin + "' not '" + ORIGIN + "'");
	}

	@Test
	void twoAllowOriginHeadersFailEvenIfBothAreTheOrigin() {
		ResponseHeaders headers = headers("Access-Control-Allow-Origin", ORIGIN, "Access-Control-Allow-Origin",
				ORIGIN);
		assertThat(CorsCheck.check(headers, ORIGIN, false)).startsWith("'Access-Control-Allow-Origin' has several")
			.contains(ORIGIN + ", " + ORIGIN);
	}

	@Test
	void twoWildcardsFail() {
		ResponseHeaders headers = headers("Access-Control-Allow-Origin", "*", "Access-Control-Allow-Origin", "*");
		assertThat(CorsCheck.check(headers, ORIGIN, false)).isNotNull();
	}

	@Test
	void aListOfOriginsInOneHeaderFails() {
		assertThat(CorsCheck.check(headers("Access-Control-Allow-Origin", ORIGIN + " https://other.example"),
				ORIGIN, false)).isNotNull();
		assertThat(CorsCheck.check(headers("Access-Control-Allow-Origin", "https://other.example, " + ORIGIN),
				ORIGIN, false)).isNotNull();
	}

	@Test
	void nullMatchesAnOpaqueOrigin() {
		assertThat(CorsCheck.check(headers("Access-Control-Allow-Origin", "null"), Origins.OPAQUE, false)).isNull();
		assertThat(CorsCheck.check(headers("Access-Control-Allow-Origin", "*"), Origins.OPAQUE, false)).isNull();
		assertThat(CorsCheck.check(headers("Access-Control-Allow-Origin", ORIGIN), Origins.OPAQUE, false))
			.isEqualTo("'Access-Control-Allow-Origin' is '" + ORIGIN + "' not 'null'");
	}

	@Test
	void credentialsNeedAllowCredentialsTrue() {
		ResponseHeaders headers = headers("Access-Control-Allow-Origin", ORIGIN, "Access-Control-Allow-Credentials",
				"true");
		assertThat(CorsCheck.check(headers, ORIGIN, true)).isNull();
	}

	@Test
	void credentialsFailWithoutAllowCredentials() {
		assertThat(CorsCheck.check(headers("Access-Control-Allow-Origin", ORIGIN), ORIGIN, true))
			.startsWith("'Access-Control-Allow-Credentials' is not 'true'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "True", "TRUE", "1", "yes", "false", "", "true;" })
	void allowCredentialsMustBeExactlyTrue(String value) {
		ResponseHeaders headers = headers("Access-Control-Allow-Origin", ORIGIN, "Access-Control-Allow-Credentials",
				value);
		assertThat(CorsCheck.check(headers, ORIGIN, true)).startsWith("'Access-Control-Allow-Credentials' is not");
	}

	@Test
	void twoAllowCredentialsHeadersFail() {
		ResponseHeaders headers = headers("Access-Control-Allow-Origin", ORIGIN, "Access-Control-Allow-Credentials",
				"true", "Access-Control-Allow-Credentials", "true");
		assertThat(CorsCheck.check(headers, ORIGIN, true)).contains("'true, true'");
	}

	@Test
	void allowCredentialsIsIgnoredWithoutCredentials() {
		ResponseHeaders headers = headers("Access-Control-Allow-Origin", ORIGIN, "Access-Control-Allow-Credentials",
				"nope");
		assertThat(CorsCheck.check(headers, ORIGIN, false)).isNull();
	}

}
