package dev.springxhr.xhr.internal.cookie;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PublicSuffixList} with the bundled list, against the PSL's own {@code checkPublicSuffix} test vectors
 * ({@code tests/test_psl.txt}) and the rules of the bundled file they rely on.
 */
class PublicSuffixListTests {

	private static final PublicSuffixList LIST = PublicSuffixList.instance();

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(nullValues = "null", value = {
			// Mixed case.
			"COM, null", "example.COM, example.com", "WwW.example.COM, example.com",
			// Leading dot.
			".com, null", ".example, null", ".example.com, null", ".example.example, null",
			// Unlisted TLD: the implicit "*" rule.
			"example, null", "example.example, example.example", "b.example.example, example.example",
			"a.b.example.example, example.example",
			// TLD with only 1 rule.
			"biz, null", "domain.biz, domain.biz", "b.domain.biz, domain.biz", "a.b.domain.biz, domain.biz",
			// TLD with some 2-level rules.
			"com, null", "example.com, example.com", "b.example.com, example.com", "a.b.example.com, example.com",
			"uk.com, null", "example.uk.com, example.uk.com", "b.example.uk.com, example.uk.com",
			"a.b.example.uk.com, example.uk.com", "test.ac, test.ac",
			// TLD with only 1 (wildcard) rule.
			"mm, null", "c.mm, null", "b.c.mm, b.c.mm", "a.b.c.mm, b.c.mm",
			// More complex TLD.
			"jp, null", "test.jp, test.jp", "www.test.jp, test.jp", "ac.jp, null", "test.ac.jp, test.ac.jp",
			"www.test.ac.jp, test.ac.jp", "kyoto.jp, null", "test.kyoto.jp, test.kyoto.jp", "ide.kyoto.jp, null",
			"b.ide.kyoto.jp, b.ide.kyoto.jp", "a.b.ide.kyoto.jp, b.ide.kyoto.jp", "c.kobe.jp, null",
			"b.c.kobe.jp, b.c.kobe.jp", "a.b.c.kobe.jp, b.c.kobe.jp", "city.kobe.jp, city.kobe.jp",
			"www.city.kobe.jp, city.kobe.jp",
			// TLD with a wildcard rule and exceptions.
			"ck, null", "test.ck, null", "b.test.ck, b.test.ck", "a.b.test.ck, b.test.ck", "www.ck, www.ck",
			"www.www.ck, www.ck",
			// US K12.
			"us, null", "test.us, test.us", "www.test.us, test.us", "ak.us, null", "test.ak.us, test.ak.us",
			"www.test.ak.us, test.ak.us", "k12.ak.us, null", "test.k12.ak.us, test.k12.ak.us",
			"www.test.k12.ak.us, test.k12.ak.us",
			// IDN labels, punycoded.
			"xn--85x722f.com.cn, xn--85x722f.com.cn", "xn--85x722f.xn--55qx5d.cn, xn--85x722f.xn--55qx5d.cn",
			"www.xn--85x722f.xn--55qx5d.cn, xn--85x722f.xn--55qx5d.cn", "shishi.xn--55qx5d.cn, shishi.xn--55qx5d.cn",
			"xn--55qx5d.cn, null", "xn--85x722f.xn--fiqs8s, xn--85x722f.xn--fiqs8s",
			"www.xn--85x722f.xn--fiqs8s, xn--85x722f.xn--fiqs8s", "shishi.xn--fiqs8s, shishi.xn--fiqs8s",
			"xn--fiqs8s, null" })
	void registrableDomainPassesThePslTestVectors(String host, @Nullable String registrableDomain) {
		assertThat(LIST.registrableDomain(host)).isEqualTo(registrableDomain);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(nullValues = "null", value = { "食狮.com.cn, xn--85x722f.com.cn",
			"www.食狮.公司.cn, xn--85x722f.xn--55qx5d.cn", "shishi.中国, shishi.xn--fiqs8s", "公司.cn, null",
			"中国, null", "www.faß.de, xn--fa-hia.de", "ΒΌΛΟΣ.gr, xn--nxasmq6b.gr" })
	void registrableDomainOfAUnicodeHostIsItsPunycode(String host, @Nullable String registrableDomain) {
		assertThat(LIST.registrableDomain(host)).isEqualTo(registrableDomain);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "www.example.com, example.com", "example.co.uk, example.co.uk",
			"a.b.example.co.uk, example.co.uk", "foo.github.io, foo.github.io", "a.foo.github.io, foo.github.io",
			"www.city.kawasaki.jp, city.kawasaki.jp", "x.y.compute.amazonaws.com, x.y.compute.amazonaws.com",
			"bucket.s3.amazonaws.com, bucket.s3.amazonaws.com", "kawasaki.jp, kawasaki.jp" })
	void registrableDomainCountsTheIcannAndThePrivateSection(String host, String registrableDomain) {
		assertThat(LIST.registrableDomain(host)).isEqualTo(registrableDomain);
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "intranet", "127.0.0.1", "192.168.0.10", "::1", "[::1]",
			"[2001:db8::8a2e:370:7334]", "", "example.com.", "a..example.com" })
	void registrableDomainIsNullForSingleLabelsIpAddressesAndEmptyLabels(String host) {
		assertThat(LIST.registrableDomain(host)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "com", "co.uk", "uk", "github.io", "ck", "test.ck", "kyoto.jp", "c.kawasaki.jp",
			"xn--55qx5d.cn", "localhost", "example", "s3.amazonaws.com" })
	void isPublicSuffixOfEffectiveTopLevelDomains(String host) {
		assertThat(LIST.isPublicSuffix(host)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "example.com", "example.co.uk", "www.ck", "city.kawasaki.jp", "foo.github.io",
			"127.0.0.1", "[::1]", "", ".com" })
	void isPublicSuffixIsFalseForRegistrableDomainsAndIpAddresses(String host) {
		assertThat(LIST.isPublicSuffix(host)).isFalse();
	}

	@Test
	void wildcardRuleMatchesExactlyOneLabelAndAnExceptionOverridesIt() {
		PublicSuffixList list = new PublicSuffixList(List.of("// a comment", "", "tld", "*.wild.tld",
				"!except.wild.tld", "two.tld   trailing text is ignored"));
		assertThat(list.registrableDomain("a.b.wild.tld")).isEqualTo("a.b.wild.tld");
		assertThat(list.isPublicSuffix("b.wild.tld")).isTrue();
		assertThat(list.isPublicSuffix("wild.tld")).isFalse();
		assertThat(list.registrableDomain("wild.tld")).isEqualTo("wild.tld");
		assertThat(list.registrableDomain("x.except.wild.tld")).isEqualTo("except.wild.tld");
		assertThat(list.isPublicSuffix("except.wild.tld")).isFalse();
		assertThat(list.registrableDomain("a.two.tld")).isEqualTo("a.two.tld");
		assertThat(list.isPublicSuffix("trailing")).isTrue();
		assertThat(list.registrableDomain("text.is.ignored")).isEqualTo("is.ignored");
	}

	@Test
	void instanceIsLoadedOnce() {
		assertThat(PublicSuffixList.instance()).isSameAs(LIST);
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "0.0.0.0", "255.255.255.255", "::1", "[::1]", "::", "[::]",
			"2001:db8::8a2e:370:7334", "2001:0db8:0000:0000:0000:8a2e:0370:7334", "fe80::1", "::ffff:192.0.2.1",
			"[::ffff:192.0.2.1]", "1::", "1:2:3:4:5:6:7::" })
	void isIpAddressOfIpv4AndIpv6Literals(String host) {
		assertThat(PublicSuffixList.isIpAddress(host)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "example.com", "localhost", "256.0.0.1", "1.2.3", "1.2.3.4.5", "1.2.3.", "01234.0.0.1",
			"1:2:3:4:5:6:7:8:9", "1::2::3", ":1::", "1:2:3:4:5:6:7", "[::1", "::g", "12345::", "1.2.3.4::",
			"::1.2.3", "" })
	void isIpAddressIsFalseForHostNamesAndMalformedLiterals(String host) {
		assertThat(PublicSuffixList.isIpAddress(host)).isFalse();
	}

	// The cookie rules' IP test reads dotted decimal zero-padded (IpLiteralSyntax.ZERO_PADDED), as it always has;
	// a URL host never is, so this only shows that the rules are the same.
	@ParameterizedTest
	@ValueSource(strings = { "001.002.003.004", "127.000.000.001", "01.2.3.4", "::ffff:010.0.0.1",
			"[::ffff:001.002.003.004]", "0000:0000:0000:0000:0000:0000:0000:0001" })
	void isIpAddressOfZeroPaddedNumbers(String host) {
		assertThat(PublicSuffixList.isIpAddress(host)).isTrue();
		assertThat(LIST.registrableDomain(host)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0001.2.3.4", "::ffff:0001.2.3.4", "::00001", "fe80::1%1", "[fe80::1%1]", "[1.2.3.4]",
			"1.2.3.4%1", "127.1", "0x7f.0.0.1", "::１" })
	void isIpAddressIsFalseForLongerNumbersZonesBracketedIpv4AndShortForms(String host) {
		assertThat(PublicSuffixList.isIpAddress(host)).isFalse();
	}

	@ParameterizedTest(name = "{0} ~ {1}: {2}")
	@CsvSource({ "https://a.example.com/, https://b.example.com:8443/x, true",
			"https://example.com/, https://www.example.com/, true", "https://example.com/, http://example.com/, false",
			"https://foo.github.io/, https://bar.github.io/, false",
			"https://a.foo.github.io/, https://foo.github.io/, true",
			"https://example.co.uk/, https://other.co.uk/, false", "http://127.0.0.1:8080/, http://127.0.0.1/, true",
			"http://127.0.0.1/, http://127.0.0.2/, false", "http://localhost/, http://LOCALHOST:9000/, true",
			"https://co.uk/, https://co.uk/, true", "https://a.co.uk/, https://co.uk/, false",
			"http://[::1]:8080/, http://[::1]/, true" })
	void sameSiteComparesSchemesAndRegistrableDomains(URI a, URI b, boolean sameSite) {
		assertThat(LIST.sameSite(a, b)).isEqualTo(sameSite);
		assertThat(LIST.sameSite(b, a)).isEqualTo(sameSite);
	}

	@Test
	void sameSiteIsFalseForUrlsWithoutHosts() {
		assertThat(LIST.sameSite(URI.create("data:text/plain,x"), URI.create("data:text/plain,x"))).isFalse();
	}

}
