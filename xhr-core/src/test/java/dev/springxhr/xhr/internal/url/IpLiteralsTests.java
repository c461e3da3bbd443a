package dev.springxhr.xhr.internal.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.springxhr.xhr.support.PropertyCheck;

/**
 * {@link IpLiterals}: the URL Standard's IPv4 and IPv6 parsers (end to end through the host parser in
 * {@link UrlHostsTests}), and the spellings each {@link IpLiteralSyntax} adds for literals read outside a URL.
 */
class IpLiteralsTests {

	// URL Standard: ends in a number, IPv4 parser

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "127.0.0.1, true", "127.1, true", "0x7f.1, true", "example.0x, true", "foo.09, true",
			"127.0.0.1., true", "example.org, false", "1.example, false", "0x1g, false", "., false", "'', false",
			"example.1a, false" })
	void endsInANumber(String host, boolean endsInANumber) {
		assertThat(IpLiterals.endsInANumber(host)).isEqualTo(endsInANumber);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "127.0.0.1, 2130706433", "127.1, 2130706433", "0x7f.0.0.1, 2130706433", "0177.0.0.1, 2130706433",
			"2130706433, 2130706433", "0x, 0", "4294967295, 4294967295", "1.2.3.4., 16909060" })
	void parseIpv4ReadsDecimalHexAndOctalNumbers(String host, long address) {
		assertThat(IpLiterals.parseIpv4(host)).isEqualTo(address);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', value = { "1.2.3.4.5 | the host ends in a number but has more than 4 parts",
			"foo.1 | the host ends in a number but 'foo' is not an IPv4 number",
			"256.0.0.1 | the IPv4 address has a part above 255", "4294967296 | the IPv4 address is out of range",
			"1.2.65536 | the IPv4 address is out of range" })
	void parseIpv4SaysWhyAHostIsNoIpv4Address(String host, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> IpLiterals.parseIpv4(host)).withMessage(message);
	}

	// URL Standard: IPv6 parser

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', value = { ":: | 0,0,0,0,0,0,0,0", "::1 | 0,0,0,0,0,0,0,1",
			"1:2:3:4:5:6:7:8 | 1,2,3,4,5,6,7,8", "1:: | 1,0,0,0,0,0,0,0", "1::8 | 1,0,0,0,0,0,0,8",
			"1:2:3:4:5:6:7:: | 1,2,3,4,5,6,7,0", "::2:3:4:5:6:7:8 | 0,2,3,4,5,6,7,8", "FFFF::abcd | 65535,0,0,0,0,0,0,43981",
			"::ffff:127.0.0.1 | 0,0,0,0,0,65535,32512,1", "1:2:3:4:5:6:1.2.3.4 | 1,2,3,4,5,6,258,772" })
	void parseIpv6ReadsTheTextForms(String input, String pieces) {
		assertThat(IpLiterals.parseIpv6(input)).containsExactly(ints(pieces));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', value = { ":1 | it starts with a single ':'",
			"1:2:3:4:5:6:7:8:9 | it has more than 8 pieces", "1::2::3 | it has '::' twice",
			"1:2:3:4:5:6:7:8:: | it has more than 8 pieces", "::1: | it ends with a single ':'",
			"12345:: | it contains '5'", "g:: | it contains 'g'", "::1%1 | it contains '%'",
			"1:2:3:4:5:6:7 | it has fewer than 8 pieces and no '::'", "::.1.2.3 | an IPv4 part starts with '.'",
			"1:2:3:4:5:6:7:1.2.3.4 | the IPv4 part does not fit", "::1.2.3 | its IPv4 part does not have 4 numbers",
			"::1.2.3.04 | its IPv4 part has a leading zero", "::1.2.3.256 | its IPv4 part has a number above 255",
			"::1.2.3.4x | its IPv4 part is malformed", "::1.2.3.4.5 | its IPv4 part is malformed" })
	void parseIpv6SaysWhyTheInputIsNoIpv6Address(String input, String reason) {
		assertThatIllegalArgumentException().isThrownBy(() -> IpLiterals.parseIpv6(input))
			.withMessage("the host is not an IPv6 address: " + reason);
	}

	// Dotted decimal in each syntax

	@ParameterizedTest(name = "{0}: URL {1}, ZERO_PADDED {2}, INET_ADDRESS {3}")
	@CsvSource({ "0.0.0.0, true, true, true", "127.0.0.1, true, true, true", "255.255.255.255, true, true, true",
			"01.2.3.4, false, true, true", "001.002.003.004, false, true, true", "127.000.000.001, false, true, true",
			"0001.2.3.4, false, false, true", "000000001.2.3.4, false, false, true",
			"0000000001.2.3.4, false, false, false",
			"256.0.0.1, false, false, false", "1.2.3, false, false, false", "1.2.3.4.5, false, false, false",
			"1.2.3., false, false, false", "1..2.3, false, false, false", "'', false, false, false",
			"127.1, false, false, false", "0x7f.0.0.1, false, false, false", "[1.2.3.4], false, false, false",
			"1.2.3.4%1, false, false, false", "１.2.3.4, false, false, false" })
	void dottedDecimalIsFourNumbersWithTheLeadingZerosTheSyntaxAllows(String text, boolean url, boolean zeroPadded,
			boolean inetAddress) {
		assertThat(IpLiterals.isIpv4(text, IpLiteralSyntax.URL)).isEqualTo(url);
		assertThat(IpLiterals.isIpv4(text, IpLiteralSyntax.ZERO_PADDED)).isEqualTo(zeroPadded);
		assertThat(IpLiterals.isIpv4(text, IpLiteralSyntax.INET_ADDRESS)).isEqualTo(inetAddress);
	}

	@Test
	void ipv4OctetsAreTheFourNumbers() {
		assertThat(IpLiterals.ipv4Octets("192.168.0.255", IpLiteralSyntax.URL)).containsExactly(192, 168, 0, 255);
		assertThat(IpLiterals.ipv4Octets("010.001.000.009", IpLiteralSyntax.ZERO_PADDED)).containsExactly(10, 1, 0, 9);
		assertThat(IpLiterals.ipv4Octets("010.1.0.9", IpLiteralSyntax.URL)).isNull();
	}

	// IPv6 in each syntax

	@ParameterizedTest(name = "{0}: URL {1}, ZERO_PADDED {2}, INET_ADDRESS {3}")
	@CsvSource(delimiter = '|', nullValues = "null", value = {
			"::1 | 0,0,0,0,0,0,0,1 | 0,0,0,0,0,0,0,1 | 0,0,0,0,0,0,0,1",
			"::ffff:1.2.3.4 | 0,0,0,0,0,65535,258,772 | 0,0,0,0,0,65535,258,772 | 0,0,0,0,0,65535,258,772",
			"::ffff:01.2.3.4 | null | 0,0,0,0,0,65535,258,772 | 0,0,0,0,0,65535,258,772",
			"::ffff:001.002.003.004 | null | 0,0,0,0,0,65535,258,772 | 0,0,0,0,0,65535,258,772",
			"::ffff:0001.2.3.4 | null | null | 0,0,0,0,0,65535,258,772",
			"::000000001.2.3.4 | null | null | 0,0,0,0,0,0,258,772", "::0000000001.2.3.4 | null | null | null",
			"::00001 | null | null | 0,0,0,0,0,0,0,1", "::0000000000ffff | null | null | 0,0,0,0,0,0,0,65535",
			"::10000 | null | null | null", "fe80::1%1 | null | null | 65152,0,0,0,0,0,0,1",
			"::%2147483647 | null | null | 0,0,0,0,0,0,0,0", "fe80::1%2147483648 | null | null | null",
			"fe80::1%0001 | null | null | 65152,0,0,0,0,0,0,1", "fe80::1% | null | null | null",
			"fe80::1%eth0 | null | null | null", "fe80::1%1%1 | null | null | null", "%1 | null | null | null",
			"::1.2.3.4%1 | null | null | 0,0,0,0,0,0,258,772", "::ffff:1.2.3.4%1 | null | null | null",
			"::ffff:102:304%1 | null | null | null", "[::1] | null | null | null", "::１ | null | null | null",
			"1.2.3.4 | null | null | null" })
	void ipv6PiecesInEachSyntax(String literal, @Nullable String url, @Nullable String zeroPadded,
			@Nullable String inetAddress) {
		assertThat(IpLiterals.ipv6Pieces(literal, IpLiteralSyntax.URL)).isEqualTo(ints(url));
		assertThat(IpLiterals.ipv6Pieces(literal, IpLiteralSyntax.ZERO_PADDED)).isEqualTo(ints(zeroPadded));
		assertThat(IpLiterals.ipv6Pieces(literal, IpLiteralSyntax.INET_ADDRESS)).isEqualTo(ints(inetAddress));
	}

	@ParameterizedTest
	@ValueSource(strings = { "::1", "[::1]", "127.0.0.1", "0.0.0.0", "[2001:db8::1]", "::ffff:192.0.2.1" })
	void isIpAddressOfDottedDecimalAndOfIpv6WithOrWithoutBrackets(String host) {
		for (IpLiteralSyntax syntax : IpLiteralSyntax.values()) {
			assertThat(IpLiterals.isIpAddress(host, syntax)).as(syntax.name()).isTrue();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "example.com", "localhost", "[1.2.3.4]", "[[::1]]", "[::1", "::1]", "127.1", "",
			"[]" })
	void isIpAddressIsFalseForNamesAndBracketedIpv4(String host) {
		for (IpLiteralSyntax syntax : IpLiteralSyntax.values()) {
			assertThat(IpLiterals.isIpAddress(host, syntax)).as(syntax.name()).isFalse();
		}
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "[::1], ::1", "::1, ::1", "[[::1]], [::1]", "[::1, [::1", "example.com, example.com", "[], ''" })
	void withoutBracketsTakesOffOnePair(String host, String expected) {
		assertThat(IpLiterals.withoutBrackets(host)).isEqualTo(expected);
	}

	@Test
	void isIpv4MappedIsTheFfffPrefix() {
		assertThat(IpLiterals.isIpv4Mapped(IpLiterals.parseIpv6("::ffff:1.2.3.4"))).isTrue();
		assertThat(IpLiterals.isIpv4Mapped(IpLiterals.parseIpv6("::1.2.3.4"))).isFalse();
		assertThat(IpLiterals.isIpv4Mapped(IpLiterals.parseIpv6("1::ffff:1.2.3.4"))).isFalse();
	}

	// What a URL host can be, every syntax reads alike: the serializers' spellings have no leading zero, no zone.
	@Test
	void everySyntaxReadsTheSerializedSpellingsOfEveryAddressAlike() {
		PropertyCheck.forAll(20240861L, 3000, (random) -> randomPieces(random),
				List.of(new int[8], new int[] { 0, 0, 0, 0, 0, 0xFFFF, 0x7F00, 1 }, new int[] { 1, 0, 0, 0, 0, 0, 0, 0 }),
				(pieces) -> {
					String ipv6 = UrlHosts.serializeIpv6(pieces);
					String ipv4 = (pieces[6] >> 8) + "." + (pieces[6] & 0xFF) + "." + (pieces[7] >> 8) + "."
							+ (pieces[7] & 0xFF);
					assertThat(IpLiterals.parseIpv6(ipv6)).containsExactly(pieces);
					for (IpLiteralSyntax syntax : IpLiteralSyntax.values()) {
						assertThat(IpLiterals.ipv6Pieces(ipv6, syntax)).as(syntax + " " + ipv6).containsExactly(pieces);
						assertThat(IpLiterals.ipv4Octets(ipv4, syntax)).as(syntax + " " + ipv4)
							.containsExactly(pieces[6] >> 8, pieces[6] & 0xFF, pieces[7] >> 8, pieces[7] & 0xFF);
					}
				});
	}

	private static int[] randomPieces(SplittableRandom random) {
		int[] pieces = new int[8];
		for (int i = 0; i < 8; i++) {
			// Zeros often, so that "::" compresses runs of every length and position.
			pieces[i] = (random.nextInt(3) == 0) ? 0 : random.nextInt(0x10000);
		}
		return pieces;
	}

	private static int @Nullable [] ints(@Nullable String commaSeparated) {
		if (commaSeparated == null) {
			return null;
		}
		String[] parts = commaSeparated.split(",");
		int[] values = new int[parts.length];
		for (int i = 0; i < parts.length; i++) {
			values[i] = Integer.parseInt(parts[i].strip());
		}
		return values;
	}

}
