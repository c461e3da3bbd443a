package dev.springxhr.xhr.internal.url;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.springxhr.xhr.internal.json.JsonValues;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CanonicalUrls}, the short cut for URLs already in the URL Standard's serialization: taken only where the
 * parser ({@link UrlParser}) would give the same URL back.
 */
class CanonicalUrlsTests {

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:8080/bytes/1024", "https://example.com/a/b?c=d&e=f/g?h",
			"http://localhost/", "https://api.example.org:8443/v1/it's/x:y@z;p=1?q=a+b,c!*()~_.-",
			"http://example.com/..a/.b/a.", "http://10.0.0.1/?" })
	void aUrlInItsSerializedFormIsTakenAsItIs(String url) throws URISyntaxException {
		URI direct = CanonicalUrls.ifCanonical(url);
		assertThat(direct).isNotNull();
		assertThat(direct).isEqualTo(UriHandOff.toUri(UrlParser.parse(url, null)));
		assertThat(direct.toString()).isEqualTo(url);
	}

	@ParameterizedTest
	@ValueSource(strings = { "HTTP://example.com/", "http://Example.com/", "http://example.com", "http://example.com:80/",
			"https://example.com:443/", "http://example.com:080/", "http://example.com:/", "http://example.com:65536/",
			"http://example.com/./a", "http://example.com/a/..", "http://example.com/%2e/", "http://example.com/a%",
			"http://example.com/a?b'c", "http://example.com/a#f", "http://u@example.com/", "http://xn--a/",
			"http://1.2.3/", "http://0x7f.1/", "http://[::1]/", "http://example.com/a b", "http://example.com/a\\b",
			"http://example.com/{x}", "http://example.com/é", "ftp://example.com/", "http://ex_ample.com/",
			"http://example.com./" })
	void anythingElseGoesThroughTheParser(String url) {
		assertThat(CanonicalUrls.ifCanonical(url)).isNull();
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyAbsoluteUrlOfTheWptDataThatIsTakenAsItIsParsesToItself() throws IOException, URISyntaxException {
		int taken = 0;
		for (Object item : (List<Object>) Objects.requireNonNull(JsonValues.parse(read()))) {
			if (!(item instanceof Map<?, ?> test) || Boolean.TRUE.equals(test.get("failure"))) {
				continue;
			}
			String input = (String) Objects.requireNonNull(test.get("input"));
			URI direct = CanonicalUrls.ifCanonical(input);
			if (direct != null) {
				taken++;
				assertThat(direct).as(input).isEqualTo(UriHandOff.toUri(UrlParser.parse(input, null)));
				assertThat(direct.toString()).as(input).isEqualTo(test.get("href"));
			}
		}
		assertThat(taken).as("inputs that took the short cut").isPositive();
	}

	private static String read() throws IOException {
		try (InputStream in = CanonicalUrlsTests.class.getResourceAsStream("/wpt/url/urltestdata.json")) {
			return new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
