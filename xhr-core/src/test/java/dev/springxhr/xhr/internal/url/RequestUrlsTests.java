package dev.springxhr.xhr.internal.url;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link RequestUrls}: the URL Standard's parsing where {@link URI} alone differs. What Chromium sends for the same
 * inputs is in {@code oracle/url-paths-golden.json} and {@code oracle/url-hosts-golden.json}.
 */
class RequestUrlsTests {

	private static final URI BASE = URI.create("http://example.org/dir/page.html?q#f");

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '→', value = { "/a/b/c → /a/b/c", "/a/./b → /a/b", "/a/../b → /b", "/a/b/. → /a/b/",
			"/a/b/.. → /a/", "/../../x → /x", "/a/%2e/b → /a/b", "/a/%2E%2e/b → /b", "/a/.%2E/b → /b",
			"/a/%2e./b → /b", "/a/... → /a/...", "/a/.b/..c → /a/.b/..c", "/a/b%2e → /a/b%2e", "/. → /", "/.. → /",
			"/a//../b → /a/b", "/a/b/../../.. → /", "/index.html → /index.html",
			"/a.b/c%20d.e → /a.b/c%20d.e", "/a/%41/b → /a/%41/b" })
	void dotSegmentsAreRemovedAsTheUrlStandardsPathStateDoes(String path, String expected) {
		assertThat(RequestUrls.parse("http://example.org" + path, (URI) null).uri().getRawPath()).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '→', value = { "/x/./y/../z?a → http://example.org/x/z?a",
			"sub/%2e%2e/other → http://example.org/dir/other", "/a\\b/../c → http://example.org/a/c",
			"/q?it's → http://example.org/q?it%27s", "/it's?q → http://example.org/it's?q",
			"HTTP://Example.ORG:80/./a → http://example.org/a", "https://example.org:443 → https://example.org/",
			"http://[0:0::1]:8080/ → http://[::1]:8080/", "/a[b]{c}|d^e → http://example.org/a[b]%7Bc%7D|d%5Ee",
			"/p?q=[1]|{2}^`x` → http://example.org/p?q=[1]|{2}^`x`", "/100% → http://example.org/100%",
			"/f#a#b → http://example.org/f#a#b" })
	void parsedUrlsAreSerializedAsTheUrlStandardSerializesThem(String input, String expected) {
		assertThat(RequestUrls.parse(input, BASE).href()).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '→', value = { "/x/./y/../z?a → http://example.org/x/z?a",
			"/a[b]{c}|d^e → http://example.org/a%5Bb%5D%7Bc%7D%7Cd%5Ee",
			"/p?q=[1]|{2}^`x` → http://example.org/p?q=[1]%7C%7B2%7D%5E%60x%60", "/100% → http://example.org/100%25",
			"/f#a#b → http://example.org/f#a%23b" })
	void theUriHandOffEncodesOnlyWhatUriCannotHold(String input, String expected) {
		assertThat(RequestUrls.parse(input, BASE).uri()).hasToString(expected);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '→', value = { "/plain?q=1 → ''", "/a[b]|c → /a[b]|c", "/p?q={1}^|` → /p?q={1}^|`",
			"/100% → /100%", "/x?y#[frag] → ''", "http://u:p@example.org/a|b#f → /a|b" })
	void theRawRequestTargetIsGivenOnlyWhereTheUriDiffers(String input, String expected) {
		RequestUrl url = RequestUrls.parse(input, BASE);
		assertThat(url.rawRequestTarget()).isEqualTo(expected.isEmpty() ? null : expected);
		assertThat(url.requestTarget().rawRequestTarget()).isEqualTo(expected.isEmpty() ? null : expected);
	}

	@ParameterizedTest(name = "{0} + {1}:{2} → {3}")
	@CsvSource(delimiter = '|', value = { "http://example.org/a | user | pass | http://user:pass@example.org/a",
			"http://example.org/a | a;b=c | d@e:f | http://a%3Bb%3Dc:d%40e%3Af@example.org/a",
			"http://old:secret@example.org/a | 'é' | '' | http://%C3%A9@example.org/a",
			"http://example.org/a[b] | u | | http://u@example.org/a[b]" })
	void credentialsAreSetWithTheUserinfoPercentEncodeSet(String url, String username, String password,
			String expected) {
		RequestUrl withCredentials = RequestUrls.withCredentials(RequestUrls.parse(url, BASE), username, password);
		assertThat(withCredentials.href()).isEqualTo(expected);
		assertThat(withCredentials.requestTarget().href()).doesNotContain("@");
	}

	@Test
	void aHostUriCannotHoldIsASyntaxErrorAsDocumented() {
		// docs/differences-from-a-browser.md: the URL Standard accepts the host, java.net.URI does not.
		assertThatExceptionOfType(UrlSyntaxException.class)
			.isThrownBy(() -> RequestUrls.parse("http://a{b}/", (URI) null))
			.withMessageContaining("Illegal character in authority");
	}

}
