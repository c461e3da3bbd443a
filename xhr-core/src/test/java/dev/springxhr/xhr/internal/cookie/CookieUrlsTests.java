package dev.springxhr.xhr.internal.cookie;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link CookieUrls}: which hosts count as loopback, so that an {@code http} URL is "secure" (Secure Contexts §3.1
 * "potentially trustworthy"); end to end in {@link CookieJarTests#loopbackUrlsAreSecure}.
 */
class CookieUrlsTests {

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "localhost, true", "app.localhost, true", "localhost.example.com, false", "127.0.0.1, true",
			"127.1.2.3, true", "127.000.000.001, true", "128.0.0.1, false", "0127.0.0.1, false", "::1, true",
			"[::1], true", "[0:0:0:0:0:0:0:1], true", "[0000::0001], true", "[::00001], false", "[::2], false",
			"[::ffff:127.0.0.1], false", "[::1%1], false", "127.1, false" })
	void isLoopbackReadsIpLiteralsAsTheCookieRulesDo(String host, boolean loopback) {
		assertThat(CookieUrls.isLoopback(host)).isEqualTo(loopback);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "https://example.com/, true", "wss://example.com/, true", "HTTPS://example.com/, true",
			"http://example.com/, false", "ws://example.com/, false", "http://127.0.0.1:8080/, true",
			"http://[::1]/, true" })
	void isSecureForSecureSchemesAndLoopbackHosts(URI url, boolean secure) {
		assertThat(CookieUrls.isSecure(url, CookieUrls.cookieHost(url))).isEqualTo(secure);
	}

}
