package dev.springxhr.xhr.internal.cors;

import static dev.springxhr.xhr.internal.cors.CorsCheckTests.headers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.springxhr.xhr.internal.cors.CorsCheck;
import dev.springxhr.xhr.internal.http.ResponseHeaders;

/**
 * {@link CorsCheck#corsFilter} against Fetch §2.2.6 CORS filtered response and the CORS-exposed header-name list,
 * with cases after WPT {@code cors/response-headers.htm} and {@code fetch/api/cors/cors-expose-star.sub.any.js}.
 */
class CorsFilterTests {

	private static ResponseHeaders response(String... more) {
		String[] all = new String[more.length + 12];
		String[] base = { "Content-Type", "text/plain", "X-Custom", "1", "Server", "test", "cache-control",
				"no-cache", "Date", "Tue, 01 Jan 2030 00:00:00 GMT", "X-Other", "2" };
		System.arraycopy(base, 0, all, 0, base.length);
		System.arraycopy(more, 0, all, base.length, more.length);
		return headers(all);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Cache-Control", "Content-Language", "Content-Length", "Content-Type", "Expires",
			"Last-Modified", "Pragma", "pragma", "CONTENT-TYPE" })
	void keepsTheSafelistedResponseHeaderNames(String name) {
		ResponseHeaders filtered = CorsCheck.corsFilter(headers(name, "v", "X-Hidden", "h"), false);
		assertThat(filtered.get(name)).isEqualTo("v");
		assertThat(filtered.get("X-Hidden")).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Date", "Server", "ETag", "Content-Encoding", "Content-Range", "Location", "Vary",
			"Access-Control-Allow-Origin", "Link", "Content-Disposition" })
	void dropsEveryOtherName(String name) {
		assertThat(CorsCheck.isSafelistedResponseHeaderName(name)).isFalse();
		assertThat(CorsCheck.corsFilter(headers(name, "v"), false).get(name)).isNull();
	}

	@Test
	void keepsOrderAndDuplicates() {
		ResponseHeaders filtered = CorsCheck.corsFilter(headers("Pragma", "a", "X-No", "x", "Expires", "0", "Pragma",
				"b"), true);
		assertThat(filtered.serializeAll()).isEqualTo("expires: 0\r\npragma: a, b\r\n");
	}

	@Test
	void exposesTheNamesOfAccessControlExposeHeaders() {
		ResponseHeaders filtered = CorsCheck.corsFilter(response("Access-Control-Expose-Headers", "x-custom, SERVER"),
				false);
		assertThat(filtered.serializeAll()).isEqualTo(
				"cache-control: no-cache\r\ncontent-type: text/plain\r\nserver: test\r\nx-custom: 1\r\n");
	}

	@Test
	void exposesListedNamesWithCredentialsToo() {
		ResponseHeaders filtered = CorsCheck.corsFilter(response("Access-Control-Expose-Headers", "X-Custom",
				"Access-Control-Expose-Headers", "x-other"), true);
		assertThat(filtered.get("X-Custom")).isEqualTo("1");
		assertThat(filtered.get("X-Other")).isEqualTo("2");
		assertThat(filtered.get("Server")).isNull();
	}

	@Test
	void theExposeHeadersHeaderItselfIsHiddenUnlessExposed() {
		assertThat(CorsCheck.corsFilter(response("Access-Control-Expose-Headers", "x-custom"), false)
			.get("Access-Control-Expose-Headers")).isNull();
	}

	@Test
	void wildcardExposesEveryNameWithoutCredentials() {
		ResponseHeaders headers = response("Access-Control-Expose-Headers", "*");
		assertThat(CorsCheck.corsFilter(headers, false)).isSameAs(headers);
		assertThat(CorsCheck.corsFilter(response("Access-Control-Expose-Headers", "x-custom, *"), false).get("Date"))
			.isNotNull();
	}

	@Test
	void wildcardIsALiteralNameWithCredentials() {
		ResponseHeaders filtered = CorsCheck.corsFilter(response("Access-Control-Expose-Headers", "*"), true);
		assertThat(filtered.serializeAll()).isEqualTo("cache-control: no-cache\r\ncontent-type: text/plain\r\n");
		ResponseHeaders listed = CorsCheck.corsFilter(response("Access-Control-Expose-Headers", "*, x-other"), true);
		assertThat(listed.get("X-Other")).isEqualTo("2");
		assertThat(listed.get("X-Custom")).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "x-custom server", "x-custom;", "\"x-custom\"", "x-custom, (server)" })
	void anExposeHeadersThatIsNoTokenListExposesNothing(String value) {
		ResponseHeaders filtered = CorsCheck.corsFilter(response("Access-Control-Expose-Headers", value), false);
		assertThat(filtered.serializeAll()).isEqualTo("cache-control: no-cache\r\ncontent-type: text/plain\r\n");
	}

	@Test
	void setCookieIsNeverExposed() {
		ResponseHeaders headers = headers("Set-Cookie", "a=b", "Set-Cookie2", "c=d", "Access-Control-Expose-Headers",
				"Set-Cookie, set-cookie2, *");
		assertThat(CorsCheck.corsFilter(headers, false).get("Set-Cookie")).isNull();
		assertThat(CorsCheck.corsFilter(headers, true).get("Set-Cookie2")).isNull();
	}

}
