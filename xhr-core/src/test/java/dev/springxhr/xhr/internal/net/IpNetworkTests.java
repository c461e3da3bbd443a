package dev.springxhr.xhr.internal.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.springxhr.xhr.support.PropertyCheck;

/**
 * {@link IpNetwork}'s reading of IP literals: IPv4 as the URL Standard serializes it (dotted decimal without leading
 * zeros), IPv6 as {@link InetAddress} reads a literal, never with a lookup; an IPv4-mapped address is its IPv4
 * address. What networks deny end to end is in {@code NetworkAccessPolicyTests}.
 */
class IpNetworkTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "127.0.0.1, 127.0.0.1", "[127.0.0.1], 127.0.0.1", "0.0.0.0, 0.0.0.0",
			"255.255.255.255, 255.255.255.255", "::1, 0:0:0:0:0:0:0:1", "[::1], 0:0:0:0:0:0:0:1",
			"[0:0:0:0:0:0:0:1], 0:0:0:0:0:0:0:1", "::ffff:169.254.169.254, 169.254.169.254",
			"[::ffff:a9fe:a9fe], 169.254.169.254", "::00001, 0:0:0:0:0:0:0:1", "::ffff:0010.0.0.1, 10.0.0.1",
			"::000000001.2.3.4, 0:0:0:0:0:0:102:304", "fe80::1%1, fe80:0:0:0:0:0:0:1",
			"[fe80::1%2147483647], fe80:0:0:0:0:0:0:1", "::1.2.3.4%1, 0:0:0:0:0:0:102:304" })
	void literalAddressReadsIpLiterals(String literal, String address) {
		InetAddress result = IpNetwork.literalAddress(literal);
		assertThat(result).isNotNull();
		assertThat(result.getHostAddress()).isEqualTo(address);
		assertThat(IpNetwork.isLiteral(literal)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "example.com", "localhost", "127.1", "0x7f.0.0.1", "2130706433", "01.2.3.4",
			"127.000.000.001", "256.0.0.1", "1.2.3", "[[::1]]", "[::1", "::0000000001.2.3.4", "::10000",
			"fe80::1%", "fe80::1%eth0", "fe80::1%2147483648", "::ffff:1.2.3.4%5", "1.2.3.4%1", "::１", "１::",
			".::1", "%1::", "" })
	void literalAddressIsNullForNamesAndOtherSpellings(String host) {
		assertThat(IpNetwork.literalAddress(host)).isNull();
		assertThat(IpNetwork.isLiteral(host)).isFalse();
	}

	@Test
	void anIpv4MappedAddressIsItsIpv4Address() {
		assertThat(IpNetwork.literalAddress("::ffff:10.0.0.1")).isInstanceOf(Inet4Address.class);
		assertThat(IpNetwork.literalAddress("::10.0.0.1")).isInstanceOf(Inet6Address.class);
	}

	@ParameterizedTest(name = "{0} contains {1}: {2}")
	@CsvSource({ "169.254.0.0/16, 169.254.169.254, true", "[169.254.0.0]/16, 169.254.1.1, true",
			"fe80::%1/10, fe80::1, true", "fe80::/10, fe80::1%1, true", "::ffff:169.254.0.0/112, 169.254.3.4, true",
			"::ffff:0169.254.0.0/112, 169.254.3.4, true", "10.0.0.0/8, ::ffff:10.1.2.3, true",
			"10.0.0.0/8, 11.0.0.1, false" })
	void networksReadTheirAddressesAsLiteralsDo(String network, String address, boolean contained) {
		InetAddress literal = IpNetwork.literalAddress(address);
		assertThat(literal).isNotNull();
		assertThat(IpNetwork.parse(network).contains(literal)).isEqualTo(contained);
	}

	@ParameterizedTest
	@ValueSource(strings = { "010.0.0.0/8", "10.0.0.0/33", "10.0.0.0/x", "fe80::%eth0/10", "::ffff:1.2.3.0%1/120",
			"127.1/8", "example.com/8" })
	void networksThatAreNotCidrAreRejected(String network) {
		assertThatIllegalArgumentException().isThrownBy(() -> IpNetwork.parse(network));
	}

	// IpNetwork read IPv6 literals with InetAddress.getByName until IpLiterals took over (INET_ADDRESS syntax): for
	// any string of the characters such a literal has, it still reads the address InetAddress reads.
	@Test
	void ipv6LiteralsReadAsInetAddressReadsThem() {
		PropertyCheck.forAll(20240862L, 5000, IpNetworkTests::ipv6ish,
				List.of("::", "::1", "1::", "::ffff:1.2.3.4", "::ffff:1.2.3.4%1", "fe80::1%0", "::0000000001.2.3.4",
						"1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "1:2:3:4::5:6:7:8", "::1.2.3", ":::", "1:2%3"),
				(literal) -> {
					InetAddress read = IpNetwork.literalAddress(literal);
					byte[] expected = inetAddressBytes(literal);
					assertThat((read != null) ? IpNetwork.canonicalBytes(read) : null).isEqualTo(expected);
				});
	}

	/**
	 * Hex digits, colons, dots and numeric zones, ASCII only: starting with a hex digit or ':' and with a ':' in
	 * it, which InetAddress takes for an IPv6 literal, never for a name to look up.
	 */
	private static String ipv6ish(SplittableRandom random) {
		String alphabet = "0000111fFaA9::::....";
		StringBuilder literal = new StringBuilder(
				random.nextBoolean() ? "::" : Integer.toHexString(random.nextInt(0x10000)) + ":");
		int length = random.nextInt(24);
		for (int i = 0; i < length; i++) {
			literal.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		if (random.nextInt(5) == 0) {
			literal.append('%').append(random.nextInt(4) == 0 ? "" : String.valueOf(random.nextLong(0, 5_000_000_000L)));
		}
		return literal.toString();
	}

	/**
	 * What InetAddress makes of a literal: it takes a string that starts with a hex digit or ':' for a literal and
	 * does not look it up; with a numeric zone it looks for no interface either.
	 */
	private static byte @Nullable [] inetAddressBytes(String literal) {
		try {
			return IpNetwork.canonicalBytes(InetAddress.getByName(literal));
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

}
