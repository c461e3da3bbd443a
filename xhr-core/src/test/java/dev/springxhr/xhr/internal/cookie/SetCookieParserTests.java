package dev.springxhr.xhr.internal.cookie;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SetCookieParser} against RFC 6265bis §5.6 "The Set-Cookie Header Field": what a set-cookie-string parses
 * into, before the storage model (§5.7, {@link CookieJarTests}) decides whether and how the cookie is kept.
 */
class SetCookieParserTests {

	private static final Instant NOW = Instant.parse("2015-10-01T12:00:00Z");

	private static @Nullable SetCookie parse(String setCookieString) {
		return SetCookieParser.parse(setCookieString, NOW);
	}

	private static SetCookie parsed(String setCookieString) {
		SetCookie cookie = parse(setCookieString);
		assertThat(cookie).as(setCookieString).isNotNull();
		return cookie;
	}

	// §5.6 steps 1-4: the name-value-pair

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "a=b|a|b", " token = a=b=c ;Path=/|token|a=b=c", "abc||abc", "=abc||abc",
			" = abc||abc", "a=|a|", "=||", "; Path=/||" })
	void nameAndValueSplitAtTheFirstEqualsSignAndAreTrimmed(String setCookie, @Nullable String name,
			@Nullable String value) {
		SetCookie cookie = parsed(setCookie);
		assertThat(cookie.name()).isEqualTo((name != null) ? name : "");
		assertThat(cookie.value()).isEqualTo((value != null) ? value : "");
	}

	@Test
	void valueKeepsQuotesAndInnerWhitespace() {
		assertThat(parsed("a=\"x \t y\"").value()).isEqualTo("\"x \t y\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a=b\u0001c", "a\u0007=b", "a=b\u007F", "a=b; Path=/\u0000", "a=b\rc", "a=b\nc",
			"a=b; Domain=example.com\u001F" })
	void aControlCharacterAnywhereIgnoresTheCookie(String setCookie) {
		assertThat(parse(setCookie)).isNull();
	}

	@Test
	void aTabIsNoControlCharacterToTheParser() {
		SetCookie cookie = parsed("a=b\tc;\tPath=/x");
		assertThat(cookie.value()).isEqualTo("b\tc");
		assertThat(cookie.path()).isEqualTo("/x");
	}

	// §5.6 attribute steps

	@Test
	void attributeNamesAreCaseInsensitiveAndUnknownOnesIgnored() {
		SetCookie cookie = parsed("a=b; PATH=/x; SECURE; httponly; samesite=STRICT; Priority=High; Partitioned");
		assertThat(cookie.path()).isEqualTo("/x");
		assertThat(cookie.secure()).isTrue();
		assertThat(cookie.httpOnly()).isTrue();
		assertThat(cookie.sameSite()).isEqualTo(SameSite.STRICT);
	}

	@Test
	void theLastAttributeOfEachKindCounts() {
		SetCookie cookie = parsed("a=b; Path=/first; Path=/second; Domain=other.com; Domain=example.com; "
				+ "SameSite=Strict; SameSite=None; Secure");
		assertThat(cookie.path()).isEqualTo("/second");
		assertThat(cookie.domain()).isEqualTo("example.com");
		assertThat(cookie.sameSite()).isEqualTo(SameSite.NONE);
	}

	@Test
	void withoutAttributesNothingIsSet() {
		assertThat(parsed("a=b")).isEqualTo(new SetCookie("a", "b", null, null, null, null, false, false, null));
	}

	// §5.6 steps 5-6: size limits

	@Test
	void aNameAndValueOf4096OctetsIsStored() {
		assertThat(parsed("n=" + "v".repeat(4095)).value()).hasSize(4095);
	}

	@Test
	void aNameAndValueOverFourKilobytesIsIgnored() {
		assertThat(parse("n=" + "v".repeat(4096))).isNull();
		assertThat(parse("big" + "n".repeat(4094) + "=v")).isNull();
		assertThat(parsed("ok=1").name()).isEqualTo("ok");
	}

	@Test
	void nonLatin1CharactersCountTheirUtf8Octets() {
		// U+0101 is two octets in UTF-8: the name and 2047 of them are 4095 octets, with 2048 they are 4097.
		assertThat(parse("n=" + "\u0101".repeat(2047))).isNotNull();
		assertThat(parse("n=" + "\u0101".repeat(2048))).isNull();
	}

	@Test
	void anAttributeValueOver1024OctetsIsIgnoredButNotTheCookie() {
		SetCookie cookie = parsed("a=b; Path=/" + "p".repeat(1024) + "; Path=/" + "q".repeat(1023) + "; Domain="
				+ "x".repeat(1021) + ".com");
		assertThat(cookie.path()).isEqualTo("/" + "q".repeat(1023));
		assertThat(cookie.domain()).isNull();
	}

	// §5.6.1 Expires

	@Test
	void expiresIsTheCookieDate() {
		assertThat(parsed("a=b; Expires=Wed, 21 Oct 2015 07:28:00 GMT").expires())
			.isEqualTo(Instant.parse("2015-10-21T07:28:00Z"));
	}

	@Test
	void anUnparseableExpiresIsIgnored() {
		SetCookie cookie = parsed("a=b; Expires=next tuesday");
		assertThat(cookie.expires()).isNull();
		assertThat(cookie.maxAge()).isNull();
		assertThat(parsed("a=b; Expires=Wed, 21 Oct 2015 07:28:00 GMT; Expires=next tuesday").expires())
			.isEqualTo(Instant.parse("2015-10-21T07:28:00Z"));
	}

	@Test
	void expiresIsCappedAt400Days() {
		assertThat(parsed("a=b; Expires=Fri, 31 Dec 9999 23:59:59 GMT").expires())
			.isEqualTo(NOW.plus(Duration.ofDays(400)));
	}

	// §5.6.2 Max-Age

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "60, 2015-10-01T12:01:00Z", "0060, 2015-10-01T12:01:00Z", "0, -1000000000-01-01T00:00:00Z",
			"000, -1000000000-01-01T00:00:00Z", "-1, -1000000000-01-01T00:00:00Z",
			"-99999999999999999999, -1000000000-01-01T00:00:00Z" })
	void maxAgeCountsFromNowAndZeroOrLessIsTheEarliestTime(String maxAge, Instant expiry) {
		assertThat(parsed("a=b; Max-Age=" + maxAge).maxAge()).isEqualTo(expiry);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Max-Age=", "Max-Age=abc", "Max-Age=1.5", "Max-Age=+60", "Max-Age=-", "Max-Age=6 0",
			"Max-Age=60s" })
	void anInvalidMaxAgeIsIgnored(String attribute) {
		assertThat(parsed("a=b; " + attribute).maxAge()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "34560001", "99999999999999999999999", "0034560000" })
	void maxAgeIsCappedAt400Days(String maxAge) {
		assertThat(parsed("a=b; Max-Age=" + maxAge).maxAge()).isEqualTo(NOW.plus(Duration.ofDays(400)));
	}

	@Test
	void maxAgeAndExpiresAreBothKept() {
		// §5.7 step 6 (the jar) makes Max-Age win, whichever comes last.
		SetCookie cookie = parsed("a=b; Max-Age=60; Expires=Wed, 21 Oct 2015 07:28:00 GMT");
		assertThat(cookie.maxAge()).isEqualTo(NOW.plusSeconds(60));
		assertThat(cookie.expires()).isEqualTo(Instant.parse("2015-10-21T07:28:00Z"));
	}

	// §5.6.3 Domain, §5.6.4 Path, §5.6.7 SameSite

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(nullValues = "null", value = { "Domain=example.com, example.com", "Domain=.Example.COM, example.com",
			"Domain=..example.com, .example.com", "Domain=, null", "Domain, null", "Domain=x; Domain=, x" })
	void domainLosesOneLeadingDotAndItsCaseAndAnEmptyOneIsIgnored(String attribute, @Nullable String domain) {
		assertThat(parsed("a=b; " + attribute).domain()).isEqualTo(domain);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(nullValues = "null", value = { "Path=/x, /x", "Path=/, /", "Path=, null", "Path, null",
			"Path=docs, null", "Path=/x; Path=docs, null" })
	void aPathNotStartingWithSlashMeansTheDefaultPath(String attribute, @Nullable String path) {
		assertThat(parsed("a=b; " + attribute).path()).isEqualTo(path);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(nullValues = "null", value = { "SameSite=Strict, STRICT", "SameSite=lax, LAX", "SameSite=NONE, NONE",
			"SameSite=Bogus, null", "SameSite, null", "SameSite=None; SameSite=Bogus, null" })
	void sameSiteIsDefaultUnlessStrictLaxOrNone(String attribute, @Nullable SameSite sameSite) {
		assertThat(parsed("a=b; " + attribute).sameSite()).isEqualTo(sameSite);
	}

}
