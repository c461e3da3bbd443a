package dev.springxhr.xhr.internal.url;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.IDNA;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.springxhr.xhr.internal.json.JsonValues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;

/**
 * The URL Standard's parser ({@link UrlParser}) against the web-platform-tests URL test data, copied unchanged into
 * {@code src/test/resources/wpt/url/} (the source and licence are in {@code SOURCE.md} there):
 * <ul>
 * <li>{@code urltestdata.json}: every case, special and not, {@code file:} and {@code data:} included — the URL's
 * serialization and each of its components as the {@code URL} API shows them, its origin where given, or failure;</li>
 * <li>{@code IdnaTestV2.json} (UTS #46 conformance data, as the URL Standard uses it) and {@code toascii.json}: the
 * host of {@code https://<input>/x}, or failure.</li>
 * </ul>
 * Two kinds of cases are checked against what the engine does instead, each shown in its assertion: code points that
 * Unicode 17 assigned (ICU4J 79) and the test data, from Unicode 16, does not know; and {@link #KNOWN_DIFFERENCES}.
 */
class UrlParserWptTests {

	/**
	 * Inputs where the engine knowingly differs from the test data, each with the reason; the test checks that they
	 * still differ, so that a fix shows.
	 */
	private static final Map<String, String> KNOWN_DIFFERENCES = Map.of("1.\u064A",
			"toascii.json accepts a digits-only label before an RTL one; ICU applies the RFC 5893 Bidi rule to every "
					+ "label of a Bidi domain name, as UTS #46 says (whatwg/url#543 is open on this)");

	@ParameterizedTest(name = "{0}")
	@MethodSource("urlTestData")
	void urlTestData(Map<String, Object> test) {
		String input = (String) Objects.requireNonNull(test.get("input"));
		String base = (String) test.get("base");
		UrlRecord baseUrl = (base != null) ? UrlParser.parse(base, null) : null;
		if (Boolean.TRUE.equals(test.get("failure"))) {
			assertThatExceptionOfType(UrlSyntaxException.class).as("failure")
				.isThrownBy(() -> UrlParser.parse(input, baseUrl));
			return;
		}
		UrlRecord url = UrlParser.parse(input, baseUrl);
		Map<String, String> actual = new LinkedHashMap<>();
		Map<String, String> expected = new LinkedHashMap<>();
		for (String key : List.of("href", "protocol", "username", "password", "host", "hostname", "port", "pathname",
				"search", "hash", "origin")) {
			if (test.containsKey(key)) {
				expected.put(key, (String) test.get(key));
				actual.put(key, component(url, key));
			}
		}
		assertThat(actual).isEqualTo(expected);
	}

	/**
	 * What the engine makes of every http(s) case: the {@link RequestUrl} that open() and redirects get. Its href is
	 * the test data's; the {@code URI} view that origins, CORS, the SSRF guard and cookies read has the test data's
	 * scheme, host ({@link UrlHosts#hostOf}), port and origin; and the request line's target is the href's path and
	 * query. One input has a host {@code URI} cannot hold: open() refuses it (a known difference).
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("httpUrlTestData")
	void theEnginesRequestUrlAgreesWithTheTestData(Map<String, Object> test) {
		String input = (String) test.get("input");
		if (HOSTS_URI_CANNOT_HOLD.contains(input)) {
			assertThatExceptionOfType(UrlSyntaxException.class)
				.isThrownBy(() -> RequestUrls.parse(input, (String) test.get("base")))
				.withMessageContaining("Illegal character in authority");
			return;
		}
		RequestUrl url = RequestUrls.parse(input, (String) test.get("base"));
		URI uri = url.uri();
		String href = (String) test.get("href");
		assertThat(url.href()).isEqualTo(href);
		assertThat(uri.getScheme() + ":").isEqualTo(test.get("protocol"));
		assertThat(UrlHosts.hostOf(uri)).as("host").isEqualTo(test.get("hostname"));
		assertThat((uri.getPort() < 0) ? "" : Integer.toString(uri.getPort())).as("port").isEqualTo(test.get("port"));
		if (test.containsKey("origin")) {
			assertThat(Origins.serialize(uri)).as("origin").isEqualTo(test.get("origin"));
		}
		String target = (url.rawRequestTarget() != null) ? url.rawRequestTarget()
				: uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
		String afterAuthority = href.substring(href.indexOf('/', href.indexOf("//") + 2));
		int hash = afterAuthority.indexOf('#');
		assertThat(target).as("request target").isEqualTo((hash >= 0) ? afterAuthority.substring(0, hash)
				: afterAuthority);
		assertThat(url.pathname()).isEqualTo(test.get("pathname"));
		assertThat(url.host()).isEqualTo(test.get("hostname"));
	}

	/** Hosts the URL Standard accepts in an http(s) URL that {@code java.net.URI} cannot hold. */
	private static final List<String> HOSTS_URI_CANNOT_HOLD = List.of("http://!\"$&'()*+,-.;=_`{}~/");

	static Stream<Named<Map<String, Object>>> httpUrlTestData() throws IOException {
		return urlTestData().filter((test) -> !Boolean.TRUE.equals(test.getPayload().get("failure"))
				&& ("http:".equals(test.getPayload().get("protocol")) || "https:".equals(test.getPayload().get("protocol"))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource({ "idnaTestData", "toAsciiData" })
	void hostOfAnHttpsUrl(Map<String, Object> test) {
		String input = (String) Objects.requireNonNull(test.get("input"));
		String output = (String) test.get("output");
		if (KNOWN_DIFFERENCES.containsKey(input)) {
			assertThatExceptionOfType(UrlSyntaxException.class)
				.as("still differs: " + KNOWN_DIFFERENCES.get(input))
				.isThrownBy(() -> UrlParser.parse("https://" + input + "/x", null));
			return;
		}
		if (output == null) {
			try {
				UrlRecord accepted = UrlParser.parse("https://" + input + "/x", null);
				// IdnaTestV2.json is generated from Unicode 16 data; ICU4J 79 knows Unicode 17, where code points
				// the data calls unassigned are valid: only such a host may be accepted.
				assertThat(hasCodePointNewerThanTheTestData(input))
					.as("failure expected, but the host is " + accepted.host())
					.isTrue();
			}
			catch (UrlSyntaxException expected) {
				// failure, as expected
			}
			return;
		}
		UrlRecord url = UrlParser.parse("https://" + input + "/x", null);
		assertThat(url.host()).isEqualTo(output);
		assertThat(url.pathname()).isEqualTo("/x");
	}

	/** Whether the domain (its Punycode labels decoded) has a code point assigned after Unicode 16. */
	private static boolean hasCodePointNewerThanTheTestData(String input) {
		StringBuilder unicode = new StringBuilder();
		IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_UNICODE).nameToUnicode(input, unicode, new IDNA.Info());
		return unicode.codePoints().anyMatch((c) -> UCharacter.getAge(c).getMajor() > 16);
	}

	/** A component as the URL API's getter of that name returns it. */
	private static String component(UrlRecord url, String name) {
		return switch (name) {
			case "href" -> url.href();
			case "protocol" -> url.scheme() + ":";
			case "username" -> url.username();
			case "password" -> url.password();
			case "host" -> url.hostAndPort();
			case "hostname" -> Objects.requireNonNullElse(url.host(), "");
			case "port" -> (url.port() >= 0) ? Integer.toString(url.port()) : "";
			case "pathname" -> url.pathname();
			case "search" -> (url.query() == null || url.query().isEmpty()) ? "" : "?" + url.query();
			case "hash" -> (url.fragment() == null || url.fragment().isEmpty()) ? "" : "#" + url.fragment();
			case "origin" -> origin(url);
			default -> throw new IllegalArgumentException(name);
		};
	}

	/** The origin as the URL API serializes it: a blob: URL's is that of its path's URL, when http(s). */
	private static String origin(UrlRecord url) {
		if (url.scheme().equals("blob")) {
			try {
				UrlRecord inner = UrlParser.parse(url.pathname(), null);
				if (inner.scheme().equals("http") || inner.scheme().equals("https")) {
					return inner.serializedOrigin();
				}
			}
			catch (UrlSyntaxException ex) {
				// an opaque origin
			}
			return "null";
		}
		return url.serializedOrigin();
	}

	static Stream<Named<Map<String, Object>>> urlTestData() throws IOException {
		return cases("urltestdata.json", (test) -> test.get("input") + " against " + test.get("base"));
	}

	static Stream<Named<Map<String, Object>>> idnaTestData() throws IOException {
		// As in WPT's own harness: an empty host cannot be tested through a URL ("https:///x" has the host "x").
		return cases("IdnaTestV2.json", (test) -> "IdnaTestV2 " + test.get("input"))
			.filter((test) -> !"".equals(test.getPayload().get("input")));
	}

	static Stream<Named<Map<String, Object>>> toAsciiData() throws IOException {
		return cases("toascii.json", (test) -> "toascii " + test.get("input"));
	}

	@SuppressWarnings("unchecked")
	private static Stream<Named<Map<String, Object>>> cases(String file,
			java.util.function.Function<Map<String, Object>, String> name) throws IOException {
		List<Named<Map<String, Object>>> cases = new ArrayList<>();
		for (Object item : (List<Object>) Objects.requireNonNull(JsonValues.parse(read(file)))) {
			// Strings are comments between the cases.
			if (item instanceof Map<?, ?> test) {
				Map<String, Object> typed = (Map<String, Object>) test;
				cases.add(Named.of(escape(name.apply(typed)), typed));
			}
		}
		if (cases.isEmpty()) {
			fail("no test case in " + file);
		}
		return cases.stream();
	}

	private static String read(String file) throws IOException {
		try (InputStream in = UrlParserWptTests.class.getResourceAsStream("/wpt/url/" + file)) {
			if (in == null) {
				throw new IllegalStateException("Missing test resource /wpt/url/" + file);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** Control characters shown as escapes, so that test names stay readable in reports. */
	private static String escape(@Nullable String name) {
		StringBuilder out = new StringBuilder();
		String text = String.valueOf(name);
		text.codePoints().forEach((c) -> {
			if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
				out.append(String.format("\\u%04X", c));
			}
			else {
				out.appendCodePoint(c);
			}
		});
		return out.toString();
	}

}
