package dev.springxhr.xhr.internal.url;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.springxhr.xhr.internal.url.UrlHosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The URL Standard's host parser and serializer ({@link UrlHosts}), with cases from the standard's own examples and
 * the web-platform-tests URL suite ({@code url/resources/urltestdata.json}); what Chromium makes of the common ones
 * end to end is in {@code oracle/url-hosts-golden.json}, replayed by {@code OracleReplayTests}.
 */
class UrlHostsTests {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '→', value = { "example.org → example.org", "EXAMPLE.org → example.org",
			"Example.ORG. → example.org.", "a-b_c.example → a-b_c.example", "xn--bcher-kva.example → xn--bcher-kva.example",
			"Bücher.example → xn--bcher-kva.example", "%42%c3%bccher.example → xn--bcher-kva.example",
			"食狮.com.cn → xn--85x722f.com.cn", "ｅｘａｍｐｌｅ。ｏｒｇ → example.org", "localhost → localhost",
			"LOCALHOST → localhost", "1.example → 1.example", "example.1a → example.1a" })
	void domainsAreLowerCasedAsciiAndPunycoded(String input, String expected) {
		assertThat(UrlHosts.parse(input)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '→', value = { "127.0.0.1 → 127.0.0.1", "127.1 → 127.0.0.1", "127.0.1 → 127.0.0.1",
			"0x7f.1 → 127.0.0.1", "0X7F.0X0.0.1 → 127.0.0.1", "0177.0.0.01 → 127.0.0.1", "2130706433 → 127.0.0.1",
			"0x7f000001 → 127.0.0.1", "017700000001 → 127.0.0.1", "127.0.0.1. → 127.0.0.1", "0 → 0.0.0.0",
			"0x → 0.0.0.0", "0x. → 0.0.0.0", "4294967295 → 255.255.255.255", "0xffffffff → 255.255.255.255",
			"192.168.257 → 192.168.1.1", "192.0x00A80001 → 192.168.0.1", "0300.0250.0001.0001 → 192.168.1.1",
			"%30%78%63%30%2e%30%32%35%30.01 → 192.168.0.1", "１２７.０.０.１ → 127.0.0.1", "10.0.0.0x1 → 10.0.0.1",
			"169.254.43518 → 169.254.169.254", "0xa9fea9fe → 169.254.169.254" })
	void everySpellingOfAnIpv4AddressSerializesAsDottedDecimal(String input, String expected) {
		assertThat(UrlHosts.parse(input)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "256.0.0.1", "4294967296", "0x100000000", "1.2.3.4.5", "1.2.3.256.", "foo.09", "foo.0x",
			"foo.1", "09.0.0.1", "0x1g.0.0.1", "1.2.3.09", "1.256.3", "1.2.65536", "1..2", "999999999999999999999" })
	void aHostThatEndsInANumberButIsNoIpv4AddressIsRejected(String input) {
		assertThatIllegalArgumentException().isThrownBy(() -> UrlHosts.parse(input));
	}

	@ParameterizedTest
	@ValueSource(strings = { "exa mple.org", "exa<mple", "a/b", "a%2fb", "a%00b", "a^b", "a|b", "a%25b", "" })
	void forbiddenDomainCodePointsAreRejected(String input) {
		assertThatIllegalArgumentException().isThrownBy(() -> UrlHosts.parse(input));
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '→', value = { "[::1] → [::1]", "[0:0:0:0:0:0:0:1] → [::1]", "[::] → [::]",
			"[1:0::] → [1::]", "[0::1:0:0] → [::1:0:0]", "[2001:DB8::1] → [2001:db8::1]",
			"[2001:0db8:0000:0000:0001:0000:0000:0001] → [2001:db8::1:0:0:1]", "[1:0:1:0:1:0:1:0] → [1:0:1:0:1:0:1:0]",
			"[::ffff:127.0.0.1] → [::ffff:7f00:1]", "[::127.0.0.1] → [::7f00:1]", "[0:0:0:0:0:ffff:a9fe:a9fe] → [::ffff:a9fe:a9fe]",
			"[1:2:3:4:5:6:7::] → [1:2:3:4:5:6:7:0]", "[::2:3:4:5:6:7:8] → [0:2:3:4:5:6:7:8]",
			"[fe80:0:0:0:0:0:0:0] → [fe80::]", "[1:0:0:2:0:0:0:3] → [1:0:0:2::3]", "[1:0:0:0:2:0:0:3] → [1::2:0:0:3]" })
	void ipv6AddressesSerializeWithTheFirstLongestRunOfZerosCompressed(String input, String expected) {
		assertThat(UrlHosts.parse(input)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "[::1", "[:1]", "[1:]", "[1::2::3]", "[1:2:3:4:5:6:7:8:9]", "[1:2:3:4:5:6:7]", "[::1%eth0]",
			"[12345::]", "[::1.2.3]", "[::1.2.3.256]", "[::1.2.3.04]", "[1:2:3:4:5:6:7:1.2.3.4]", "[::1.2.3.4x]",
			"[g::]", "[::.1.2.3]" })
	void malformedIpv6AddressesAreRejected(String input) {
		assertThatIllegalArgumentException().isThrownBy(() -> UrlHosts.parse(input));
	}

}
