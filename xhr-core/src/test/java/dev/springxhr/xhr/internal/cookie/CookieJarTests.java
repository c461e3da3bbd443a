package dev.springxhr.xhr.internal.cookie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CookieJar} against the storage model (§5.7) and the retrieval algorithm (§5.8.3) of RFC 6265bis, with the
 * choices browsers make, from {@code Set-Cookie} strings (parsed as {@link SetCookieParserTests} shows) to the
 * {@code Cookie} header. The clock is fixed, so no test depends on the day it runs.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = { "in memory", "through its text form" })
class CookieJarTests {

	/**
	 * "through its text form": every operation runs on a jar decoded from the text of the one before, as a
	 * {@code SharedCookieStore} does, so the text keeps all the jar knows (creation and access order included).
	 */
	@Parameter
	String form;

	private static final Instant NOW = Instant.parse("2015-10-01T12:00:00Z");

	private final MutableClock clock = new MutableClock(NOW);

	private CookieJar jar = new CookieJar(this.clock, PublicSuffixList.instance());

	private CookieJar jar() {
		if (this.form.startsWith("through")) {
			this.jar = CookieJar.decode(this.jar.encode(), this.clock, PublicSuffixList.instance());
		}
		return this.jar;
	}

	private void store(String url, String... setCookies) {
		jar().store(URI.create(url), List.of(setCookies), true);
	}

	private @Nullable String header(String url) {
		return jar().cookieHeader(URI.create(url), true);
	}

	private StoredCookie only() {
		assertThat(jar().cookies()).hasSize(1);
		return jar().cookies().get(0);
	}

	// §5.6 parsing and §5.7 steps 1-2: what is kept and sent (the parser itself: SetCookieParserTests)

	@Test
	void storesARealisticSessionCookie() {
		store("https://example.com/login", "sid=abc; Path=/; HttpOnly; Secure; SameSite=Lax");
		assertThat(only()).isEqualTo(new StoredCookie("sid", "abc", "example.com", true, "/", null, true, true,
				SameSite.LAX, NOW));
		assertThat(header("https://example.com/account")).isEqualTo("sid=abc");
	}

	@Test
	void nameAndValueSplitAtTheFirstEqualsSignAndAreTrimmed() {
		store("https://example.com/", " token = a=b=c ;Path=/");
		assertThat(only().name()).isEqualTo("token");
		assertThat(only().value()).isEqualTo("a=b=c");
		assertThat(header("https://example.com/")).isEqualTo("token=a=b=c");
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "=abc", " = abc" })
	void aCookieWithoutNameIsSentAsItsValueOnly(String setCookie) {
		store("https://example.com/", setCookie);
		assertThat(only().name()).isEmpty();
		assertThat(only().value()).isEqualTo("abc");
		assertThat(header("https://example.com/")).isEqualTo("abc");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "=", " = ", "; Path=/", "=; Secure" })
	void aCookieWithoutNameAndValueIsIgnored(String setCookie) {
		store("https://example.com/", setCookie);
		assertThat(jar().cookies()).isEmpty();
	}

	@Test
	void anEmptyValueIsSentWithItsName() {
		store("https://example.com/", "a=");
		assertThat(header("https://example.com/")).isEqualTo("a=");
	}

	@Test
	void severalSetCookieValuesStoreSeveralCookies() {
		store("https://example.com/", "a=1", "b=2", "c=3");
		assertThat(header("https://example.com/")).isEqualTo("a=1; b=2; c=3");
	}

	@Test
	void anOversizePathAttributeLeavesTheDefaultPath() {
		store("https://example.com/dir/page", "a=b; Path=/" + "p".repeat(1024));
		assertThat(only().path()).isEqualTo("/dir");
	}

	// §5.6.1 Expires and §5.7 step 6

	@Test
	void expiresSetsTheExpiryTime() {
		store("https://example.com/", "a=b; Expires=Wed, 21 Oct 2015 07:28:00 GMT");
		assertThat(only().expiry()).isEqualTo(Instant.parse("2015-10-21T07:28:00Z"));
		this.clock.set(Instant.parse("2015-10-21T07:27:59Z"));
		assertThat(header("https://example.com/")).isEqualTo("a=b");
		this.clock.set(Instant.parse("2015-10-21T07:28:00Z"));
		assertThat(header("https://example.com/")).isNull();
		assertThat(jar().cookies()).isEmpty();
	}

	@Test
	void expiresInThePastDeletesTheCookie() {
		store("https://example.com/", "a=b", "c=d");
		store("https://example.com/", "a=gone; Expires=Thu, 01-Jan-1970 00:00:01 GMT");
		assertThat(header("https://example.com/")).isEqualTo("c=d");
	}

	// §5.6.2 Max-Age and §5.7 step 6

	@Test
	void maxAgeSetsTheExpiryTimeFromNow() {
		store("https://example.com/", "a=b; Max-Age=3600");
		assertThat(only().expiry()).isEqualTo(NOW.plusSeconds(3600));
		this.clock.advance(Duration.ofSeconds(3599));
		assertThat(header("https://example.com/")).isEqualTo("a=b");
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(header("https://example.com/")).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "a=b; Max-Age=60; Expires=Wed, 21 Oct 2015 07:28:00 GMT",
			"a=b; Expires=Wed, 21 Oct 2015 07:28:00 GMT; Max-Age=60",
			"a=b; Expires=Thu, 01-Jan-1970 00:00:01 GMT; Max-Age=60" })
	void maxAgeWinsOverExpires(String setCookie) {
		store("https://example.com/", setCookie);
		assertThat(only().expiry()).isEqualTo(NOW.plusSeconds(60));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Max-Age=0", "Max-Age=-1", "Max-Age=-0", "Max-Age=000", "Max-Age=-99999999999999999999",
			"Max-Age=0; Expires=Fri, 31 Dec 9999 23:59:59 GMT" })
	void maxAgeOfZeroOrLessDeletesTheCookie(String attribute) {
		store("https://example.com/", "sid=abc", "other=1");
		store("https://example.com/", "sid=; " + attribute);
		assertThat(jar().cookies()).extracting(StoredCookie::name).containsExactly("other");
	}

	@Test
	void aSessionCookieHasNoExpiryAndStays() {
		store("https://example.com/", "a=b");
		this.clock.advance(Duration.ofDays(10_000));
		assertThat(only().expiry()).isNull();
		assertThat(header("https://example.com/")).isEqualTo("a=b");
	}

	// §5.6.3 and §5.7 steps 7-10: Domain

	@Test
	void domainOfAParentDomainMakesADomainCookie() {
		store("https://a.example.com/", "a=b; Domain=example.com");
		assertThat(only().domain()).isEqualTo("example.com");
		assertThat(only().hostOnly()).isFalse();
		assertThat(header("https://example.com/")).isEqualTo("a=b");
		assertThat(header("https://b.example.com/")).isEqualTo("a=b");
		assertThat(header("https://x.y.example.com/")).isEqualTo("a=b");
		assertThat(header("https://notexample.com/")).isNull();
		assertThat(header("https://example.com.evil.net/")).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { ".example.com", "EXAMPLE.com", ".Example.COM" })
	void domainLosesItsLeadingDotAndCase(String domain) {
		store("https://www.example.com/", "a=b; Domain=" + domain);
		assertThat(only().domain()).isEqualTo("example.com");
		assertThat(only().hostOnly()).isFalse();
	}

	@Test
	void domainEqualToTheHostIsStillADomainCookie() {
		store("https://example.com/", "a=b; Domain=example.com");
		assertThat(only().hostOnly()).isFalse();
		assertThat(header("https://www.example.com/")).isEqualTo("a=b");
	}

	@Test
	void withoutDomainTheCookieIsHostOnly() {
		store("https://example.com/", "a=b");
		assertThat(only().hostOnly()).isTrue();
		assertThat(header("https://example.com/")).isEqualTo("a=b");
		assertThat(header("https://www.example.com/")).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Domain=", "Domain" })
	void anEmptyDomainIsIgnored(String attribute) {
		store("https://example.com/", "a=b; " + attribute);
		assertThat(only().hostOnly()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "other.com", "a.example.com.evil", "www.example.com", "ample.com", "example.com.",
			"co.uk", ".co.uk", "uk", "com", "exämple.com" })
	void aDomainTheRequestHostDoesNotDomainMatchOrAPublicSuffixIgnoresTheCookie(String domain) {
		store("https://a.example.co.uk/", "a=b; Domain=" + domain);
		store("https://example.com/", "a=b; Domain=" + domain);
		assertThat(jar().cookies()).isEmpty();
	}

	@Test
	void aPrivateSectionPublicSuffixIsRejectedAsDomainToo() {
		store("https://foo.github.io/", "a=b; Domain=github.io");
		assertThat(jar().cookies()).isEmpty();
		store("https://foo.github.io/", "a=b; Domain=foo.github.io");
		assertThat(only().domain()).isEqualTo("foo.github.io");
		assertThat(header("https://bar.github.io/")).isNull();
	}

	@ParameterizedTest
	@CsvSource({ "https://github.io/, github.io", "http://localhost/, localhost", "https://co.uk/, co.uk" })
	void aPublicSuffixDomainEqualToTheRequestHostMakesAHostOnlyCookie(String url, String domain) {
		store(url, "a=b; Domain=" + domain);
		assertThat(only().domain()).isEqualTo(domain);
		assertThat(only().hostOnly()).isTrue();
	}

	@Test
	void anIpAddressHostOnlyAcceptsItselfAsDomain() {
		store("http://127.0.0.1:8080/", "a=b; Domain=127.0.0.1", "c=d; Domain=0.0.1", "e=f; Domain=1",
				"g=h; Domain=0.0.0.1");
		assertThat(only().name()).isEqualTo("a");
		assertThat(only().hostOnly()).isTrue();
		assertThat(header("http://127.0.0.1/")).isEqualTo("a=b");
	}

	@Test
	void anIpv6HostKeepsItsBrackets() {
		store("http://[::1]:8080/", "a=b");
		assertThat(only().domain()).isEqualTo("[::1]");
		assertThat(header("http://[::1]/")).isEqualTo("a=b");
	}

	@Test
	void portsAreIgnored() {
		store("https://example.com:8443/", "a=b");
		assertThat(header("https://example.com/")).isEqualTo("a=b");
		assertThat(header("https://example.com:9443/")).isEqualTo("a=b");
	}

	@Test
	void theHostIsCaseInsensitive() {
		store("https://EXAMPLE.com/", "a=b");
		assertThat(only().domain()).isEqualTo("example.com");
		assertThat(header("https://Example.COM/")).isEqualTo("a=b");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://example.com/", "file:///tmp/x", "data:text/plain,x", "mailto:a@example.com" })
	void onlyHttpAndWebSocketUrlsHaveCookies(String url) {
		store(url, "a=b");
		assertThat(jar().cookies()).isEmpty();
		assertThat(header(url)).isNull();
	}

	// §5.1.4 paths

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "https://example.com/a/b/c, /a/b", "https://example.com/a/b/, /a/b", "https://example.com/a, /",
			"https://example.com/, /", "https://example.com, /", "https://example.com/a/b?x=/y/z, /a",
			"https://example.com/%7Euser/page, /%7Euser" })
	void withoutPathTheCookieGetsTheDefaultPath(String url, String path) {
		store(url, "a=b");
		assertThat(only().path()).isEqualTo(path);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Path=", "Path=docs", "Path", "Path=*" })
	void aPathNotStartingWithSlashMeansTheDefaultPath(String attribute) {
		store("https://example.com/a/b/c", "a=b; " + attribute);
		assertThat(only().path()).isEqualTo("/a/b");
	}

	@ParameterizedTest(name = "{0} on {1}: {2}")
	@CsvSource({ "/docs, /docs, true", "/docs, /docs/, true", "/docs, /docs/web/api, true", "/docs, /doc, false",
			"/docs, /docsets, false", "/docs, /, false", "/docs/, /docs, false", "/docs/, /docs/web, true",
			"/, /anything, true", "/Docs, /docs, false" })
	void aCookieIsSentToPathsItsPathPathMatches(String cookiePath, String requestPath, boolean sent) {
		store("https://example.com/", "a=b; Path=" + cookiePath);
		assertThat(header("https://example.com" + requestPath)).isEqualTo(sent ? "a=b" : null);
	}

	@Test
	void theRequestPathIgnoresTheQuery() {
		store("https://example.com/", "a=b; Path=/api");
		assertThat(header("https://example.com/api?x=1")).isEqualTo("a=b");
		assertThat(header("https://example.com?/api")).isNull();
	}

	// §5.7 steps 12-13 and 16: Secure

	@Test
	void aSecureCookieIsOnlySentToSecureUrls() {
		store("https://example.com/", "a=b; Secure");
		assertThat(header("https://example.com/")).isEqualTo("a=b");
		assertThat(header("wss://example.com/")).isEqualTo("a=b");
		assertThat(header("http://example.com/")).isNull();
		assertThat(header("ws://example.com/")).isNull();
	}

	@Test
	void aSecureCookieFromAnInsecureUrlIsIgnored() {
		store("http://example.com/", "a=b; Secure", "c=d");
		assertThat(only().name()).isEqualTo("c");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost/", "http://LOCALHOST:8080/", "http://app.localhost/",
			"http://127.0.0.1:8080/", "http://127.1.2.3/", "http://[::1]:8080/", "http://[0:0:0:0:0:0:0:1]/" })
	void loopbackUrlsAreSecure(String url) {
		store(url, "a=b; Secure; SameSite=None");
		assertThat(only().secure()).isTrue();
		assertThat(header(url)).isEqualTo("a=b");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost.example.com/", "http://128.0.0.1/", "http://[::2]/",
			"http://10.0.0.1/" })
	void otherHttpUrlsAreNotSecure(String url) {
		store(url, "a=b; Secure");
		assertThat(jar().cookies()).isEmpty();
	}

	@Test
	void anInsecureUrlCannotOverwriteASecureCookie() {
		store("https://example.com/", "sid=secret; Secure; Path=/");
		store("http://example.com/", "sid=evil", "sid=evil; Path=/deeper", "sid=evil; Domain=example.com",
				"sid=evil; Path=/; Domain=example.com");
		store("http://www.example.com/", "sid=evil; Domain=example.com");
		assertThat(jar().cookies()).extracting(StoredCookie::value).containsExactly("secret");
	}

	@Test
	void anInsecureUrlMaySetASameNamedCookieOutsideTheSecureOnesPath() {
		store("https://example.com/", "sid=secret; Secure; Path=/app");
		store("http://example.com/", "sid=plain; Path=/", "other=1");
		assertThat(jar().cookies()).extracting(StoredCookie::value).containsExactly("secret", "plain", "1");
	}

	@Test
	void aSecureUrlMayReplaceASecureCookieWithAnInsecureOne() {
		store("https://example.com/", "sid=secret; Secure");
		store("https://example.com/", "sid=plain");
		assertThat(only().value()).isEqualTo("plain");
		assertThat(only().secure()).isFalse();
	}

	// §5.6.7 and §5.7 steps 17-19: SameSite

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', value = { "a=b; SameSite=Strict | STRICT", "a=b; SameSite=lax | LAX",
			"a=b; SameSite=None; Secure | NONE", "a=b | LAX", "a=b; SameSite=Bogus | LAX", "a=b; SameSite | LAX",
			"a=b; SameSite=None; SameSite=Bogus | LAX" })
	void sameSiteIsLaxUnlessStrictOrNoneIsGiven(String setCookie, SameSite sameSite) {
		store("https://example.com/", setCookie);
		assertThat(only().sameSite()).isEqualTo(sameSite);
	}

	@Test
	void sameSiteNoneWithoutSecureIsIgnored() {
		store("https://example.com/", "a=b; SameSite=None");
		assertThat(jar().cookies()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "a=b; SameSite=Strict; Secure", "a=b; SameSite=Lax; Secure", "a=b; Secure",
			"a=b; SameSite=Unknown; Secure" })
	void aCrossSiteResponseCannotSetStrictOrLaxCookies(String setCookie) {
		jar().store(URI.create("https://tracker.example/"), List.of(setCookie), false);
		assertThat(jar().cookies()).isEmpty();
	}

	@Test
	void aCrossSiteResponseSetsSameSiteNoneCookies() {
		jar().store(URI.create("https://api.example/"), List.of("a=b; SameSite=None; Secure"), false);
		assertThat(only().sameSite()).isEqualTo(SameSite.NONE);
	}

	@Test
	void aCrossSiteRequestGetsOnlySameSiteNoneCookies() {
		store("https://example.com/", "strict=1; SameSite=Strict", "lax=2; SameSite=Lax", "default=3",
				"none=4; SameSite=None; Secure");
		assertThat(jar().cookieHeader(URI.create("https://example.com/"), false)).isEqualTo("none=4");
		assertThat(jar().cookieHeader(URI.create("https://example.com/"), true))
			.isEqualTo("strict=1; lax=2; default=3; none=4");
	}

	// §5.7 steps 20-22: cookie prefixes

	@ParameterizedTest
	@ValueSource(strings = { "__Secure-id=1; Secure", "__secure-id=1; Secure; Domain=example.com",
			"__Host-id=1; Secure; Path=/", "__HOST-id=1; Secure; Path=/", "__Host-id=1; Path=/; Secure; SameSite=None",
			"__Hostile=1", "_Host-id=1" })
	void aPrefixedCookieMeetingItsRequirementsIsStored(String setCookie) {
		store("https://www.example.com/dir/page", setCookie);
		assertThat(jar().cookies()).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "__Secure-id=1", "__SECURE-id=1; Path=/", "__Host-id=1; Path=/",
			"__Host-id=1; Secure", "__Host-id=1; Secure; Path=/dir", "__host-id=1; Secure; Path=/; Domain=example.com",
			"__Host-id=1; Secure; Path=/; Domain=www.example.com", "__Host-id=1; Secure; Path=docs",
			"__Host-id; Secure; Path=/", "__Secure-id", "=__Host-id=1; Secure; Path=/" })
	void aPrefixedCookieMissingItsRequirementsIsIgnored(String setCookie) {
		store("https://www.example.com/dir/page", setCookie);
		assertThat(jar().cookies()).isEmpty();
	}

	@Test
	void aPrefixedCookieFromAnInsecureUrlIsIgnored() {
		store("http://example.com/", "__Secure-id=1; Secure", "__Host-id=1; Secure; Path=/");
		assertThat(jar().cookies()).isEmpty();
	}

	// §5.7 step 23: replacing cookies

	@Test
	void aCookieWithTheSameNameDomainHostOnlyAndPathReplacesTheOldOneKeepingItsCreationTime() {
		store("https://example.com/", "a=1; Path=/");
		this.clock.advance(Duration.ofMinutes(5));
		store("https://example.com/", "a=2; Path=/; Secure; HttpOnly");
		StoredCookie cookie = only();
		assertThat(cookie.value()).isEqualTo("2");
		assertThat(cookie.secure()).isTrue();
		assertThat(cookie.creation()).isEqualTo(NOW);
	}

	@Test
	void aDifferentPathDomainOrHostOnlyFlagMakesAnotherCookie() {
		store("https://example.com/", "a=1; Path=/", "a=2; Path=/x", "a=3; Path=/; Domain=example.com");
		store("https://www.example.com/", "a=4; Path=/");
		assertThat(jar().cookies()).extracting(StoredCookie::value).containsExactly("1", "2", "3", "4");
	}

	// §5.8.3 retrieval

	@Test
	void cookiesAreSentLongerPathsFirstThenEarlierCreated() {
		store("https://www.example.com/", "root=1; Path=/");
		this.clock.advance(Duration.ofSeconds(1));
		store("https://www.example.com/", "deep=2; Path=/a/b", "mid=3; Path=/a");
		this.clock.advance(Duration.ofSeconds(1));
		store("https://www.example.com/", "domain=4; Domain=example.com; Path=/", "deeper=5; Path=/a/b/c");
		this.clock.advance(Duration.ofSeconds(1));
		// A replacement keeps its place among the cookies of its path: it keeps its creation time.
		store("https://www.example.com/", "root=6; Path=/");
		assertThat(header("https://www.example.com/a/b/c/d")).isEqualTo("deeper=5; deep=2; mid=3; root=6; domain=4");
		assertThat(header("https://www.example.com/a/x")).isEqualTo("mid=3; root=6; domain=4");
		assertThat(header("https://example.com/a/b")).isEqualTo("domain=4");
	}

	@Test
	void cookieHeaderIsNullWithoutCookiesForTheUrl() {
		assertThat(header("https://example.com/")).isNull();
		store("https://example.com/", "a=b");
		assertThat(header("https://example.org/")).isNull();
	}

	@Test
	void httpOnlyCookiesAreSentToHttpRequests() {
		store("https://example.com/", "a=b; HttpOnly");
		assertThat(header("https://example.com/")).isEqualTo("a=b");
	}

	// §5.7 excess cookies

	@Test
	void aThousandCookiesForOneSiteAreCappedAt180KeepingTheMostRecentlyUsed() {
		for (int i = 0; i < 1000; i++) {
			String host = (i % 2 == 0) ? "https://a.example.com/" : "https://b.example.com/";
			store(host, "c" + i + "=v; Domain=example.com; Path=/" + i);
		}
		List<StoredCookie> cookies = jar().cookies();
		assertThat(cookies).hasSize(CookieJar.MAX_COOKIES_PER_DOMAIN);
		assertThat(cookies.get(0).name()).isEqualTo("c820");
		assertThat(cookies.get(179).name()).isEqualTo("c999");
	}

	@Test
	void theLeastRecentlyAccessedCookieIsEvictedFirst() {
		for (int i = 0; i < 180; i++) {
			store("https://example.com/", "c" + i + "=v; Path=/" + i);
		}
		// Sending c0 makes c1 the least recently accessed.
		assertThat(header("https://example.com/0")).isEqualTo("c0=v");
		store("https://example.com/", "new=v");
		assertThat(jar().cookies()).extracting(StoredCookie::name)
			.hasSize(180)
			.contains("c0", "c2", "new")
			.doesNotContain("c1");
	}

	@Test
	void insecureCookiesAreEvictedBeforeSecureOnes() {
		for (int i = 0; i < 180; i++) {
			store("https://example.com/", "secure" + i + "=v; Secure");
		}
		store("https://example.com/", "plain=v");
		assertThat(jar().cookies()).extracting(StoredCookie::name).hasSize(180).doesNotContain("plain");
	}

	@Test
	void expiredCookiesAreEvictedBeforeAnyOther() {
		store("https://example.com/", "old=v; Max-Age=10");
		for (int i = 1; i < 180; i++) {
			store("https://example.com/", "c" + i + "=v");
		}
		this.clock.advance(Duration.ofSeconds(10));
		store("https://example.com/", "new=v");
		assertThat(jar().cookies()).extracting(StoredCookie::name).hasSize(180).contains("c1", "new");
	}

	@Test
	void theStoreHoldsAtMost3000CookiesEvictingTheLeastRecentlyAccessed() {
		for (int site = 0; site < 21; site++) {
			for (int i = 0; i < 150; i++) {
				store("https://site" + site + ".example/", "c" + i + "=v");
			}
		}
		List<StoredCookie> cookies = jar().cookies();
		assertThat(cookies).hasSize(CookieJar.MAX_COOKIES);
		assertThat(cookies).extracting(StoredCookie::domain).doesNotContain("site0.example").contains("site1.example");
	}

	// Snapshots, clear, toString, threads

	@Test
	void cookiesIsAnImmutableSnapshot() {
		store("https://example.com/", "a=b");
		List<StoredCookie> cookies = jar().cookies();
		store("https://example.com/", "c=d");
		assertThat(cookies).hasSize(1);
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(cookies::clear);
	}

	@Test
	void clearRemovesEveryCookie() {
		store("https://example.com/", "a=b", "c=d");
		jar().clear();
		assertThat(jar().cookies()).isEmpty();
		assertThat(header("https://example.com/")).isNull();
	}

	@Test
	void toStringNeverShowsTheValue() {
		store("https://example.com/", "sid=s3cr3t-t0k3n; Secure");
		assertThat(only().toString()).contains("name=sid", "value=<redacted>", "domain=example.com")
			.doesNotContain("s3cr3t");
	}

	@Test
	void concurrentStoresAndRetrievalsLoseNoCookie() throws Exception {
		// The jar's own lock (a shared store's concurrency is its compare-and-set: SharedCookieStoreTests).
		CookieJar jar = this.jar;
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int thread = 0; thread < 4; thread++) {
				String host = "https://site" + thread + ".example/";
				futures.add(executor.submit(() -> {
					for (int i = 0; i < 100; i++) {
						jar.store(URI.create(host), List.of("c" + i + "=v"), true);
						jar.cookieHeader(URI.create(host), true);
					}
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			executor.shutdown();
		}
		assertThat(jar.cookies()).hasSize(400);
	}

	/** A clock tests set and advance. */
	static final class MutableClock extends Clock {

		private volatile Instant instant;

		MutableClock(Instant instant) {
			this.instant = instant;
		}

		void set(Instant instant) {
			this.instant = instant;
		}

		void advance(Duration duration) {
			this.instant = this.instant.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.instant;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

	}

}
