package dev.springxhr.xhr.internal.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.springxhr.xhr.internal.url.Origins;

/**
 * {@link Origins} against the URL Standard's origin of a URL and HTML's ASCII serialization of an origin and same
 * origin, with cases after WPT {@code url/resources/urltestdata.json} ("origin" fields).
 */
class OriginsTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', value = {
		"https://example.com/path?q=1#f | https://example.com",
		"https://Example.COM/ | https://example.com",
		"HTTPS://EXAMPLE.COM | https://example.com",
		"http://example.com:80/ | http://example.com",
		"https://example.com:443/ | https://example.com",
		"http://example.com:443/ | http://example.com:443",
		"https://example.com:80/ | https://example.com:80",
		"http://example.com:8080/x | http://example.com:8080",
		"http://example.com:/ | http://example.com",
		"http://user:secret@example.com:81/ | http://example.com:81",
		"http://127.0.0.1:8080/ | http://127.0.0.1:8080",
		"http://[::1]/ | http://[::1]",
		"http://[::1]:8443/ | http://[::1]:8443",
		"https://[2001:DB8::1]:443/ | https://[2001:db8::1]",
		"http://my_host/ | http://my_host",
		"http://My_Host:8000/ | http://my_host:8000",
		"http://b%C3%BCcher.example/ | http://xn--bcher-kva.example",
		"http://xn--bcher-kva.example/ | http://xn--bcher-kva.example",
		"ws://example.com:80/chat | ws://example.com",
		"wss://example.com/ | wss://example.com",
		"wss://example.com:444/ | wss://example.com:444",
		"ftp://example.com:21/ | ftp://example.com",
		"blob:https://app.example/550e8400-e29b-41d4-a716-446655440000 | https://app.example",
		"blob:http://app.example:8080/x | http://app.example:8080",
	})
	void serializesTupleOrigins(String url, String origin) {
		assertThat(Origins.serialize(URI.create(url))).isEqualTo(origin);
		assertThat(Origins.isOpaque(URI.create(url))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "data:text/plain,hello", "data:,", "file:///etc/hosts", "about:blank",
			"mailto:someone@example.com", "javascript:alert(1)", "blob:data:text/plain,x", "blob:null/uuid",
			"urn:isbn:0451450523", "custom://host/path" })
	void everyOtherUrlHasAnOpaqueOriginSerializedAsNull(String url) {
		assertThat(Origins.serialize(URI.create(url))).isEqualTo("null");
		assertThat(Origins.isOpaque(URI.create(url))).isTrue();
	}

	@ParameterizedTest(name = "{0} ~ {1}")
	@CsvSource(delimiter = '|', value = {
		"https://example.com/a | https://example.com/b?c#d",
		"https://example.com | https://EXAMPLE.com:443/",
		"http://example.com:80/ | http://example.com/",
		"http://user@example.com/ | http://example.com/",
		"blob:https://example.com/uuid | https://example.com/",
		"http://[::1]:80/ | http://[::1]/",
	})
	void sameOrigin(String a, String b) {
		assertThat(Origins.sameOrigin(URI.create(a), URI.create(b))).isTrue();
		assertThat(Origins.sameOrigin(URI.create(b), URI.create(a))).isTrue();
	}

	@ParameterizedTest(name = "{0} !~ {1}")
	@CsvSource(delimiter = '|', value = {
		"https://example.com/ | http://example.com/",
		"https://example.com/ | https://example.com:8443/",
		"http://example.com:80/ | http://example.com:8080/",
		"https://example.com/ | https://www.example.com/",
		"https://example.com/ | https://example.com.evil/",
		"ws://example.com/ | http://example.com/",
		"data:text/plain,a | data:text/plain,a",
		"file:///a | file:///a",
		"https://example.com/ | data:text/plain,a",
	})
	void notSameOrigin(String a, String b) {
		assertThat(Origins.sameOrigin(URI.create(a), URI.create(b))).isFalse();
		assertThat(Origins.sameOrigin(URI.create(b), URI.create(a))).isFalse();
	}

}
