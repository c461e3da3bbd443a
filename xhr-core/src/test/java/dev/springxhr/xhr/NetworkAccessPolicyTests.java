package dev.springxhr.xhr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.springxhr.xhr.internal.net.HostPattern;
import dev.springxhr.xhr.internal.net.IpNetwork;
import dev.springxhr.xhr.internal.net.NetworkAccessDeniedException;

/**
 * The rules of {@link NetworkAccessPolicy}: CIDR networks (IPv4, IPv6, IPv4-mapped), host patterns, the link-local
 * and metadata preset, and the messages that say why something is denied or is not a valid rule.
 */
class NetworkAccessPolicyTests {

	@ParameterizedTest
	@CsvSource({ "169.254.0.0/16, 169.254.169.254, true", "169.254.0.0/16, 169.255.0.1, false",
			"10.0.0.0/8, 10.255.255.255, true", "10.0.0.0/8, 11.0.0.0, false", "172.16.0.0/12, 172.31.0.1, true",
			"172.16.0.0/12, 172.32.0.1, false", "127.0.0.1, 127.0.0.1, true", "127.0.0.1, 127.0.0.2, false",
			"0.0.0.0/0, 8.8.8.8, true", "0.0.0.0/0, ::1, false", "fe80::/10, fe80::1, true",
			"fe80::/10, febf:ffff::1, true", "fe80::/10, fec0::1, false", "fc00::/7, fd12:3456::1, true",
			"::1/128, ::1, true", "::1, 0:0:0:0:0:0:0:1, true", "fd00:ec2::254/128, fd00:ec2:0::254, true",
			"169.254.0.0/16, ::ffff:169.254.169.254, true", "127.0.0.0/8, ::ffff:7f00:1, true",
			"::ffff:0:0/96, 1.2.3.4, true", "::ffff:127.0.0.0/104, 127.9.9.9, true",
			"::ffff:127.0.0.0/104, 128.0.0.1, false" })
	void aNetworkContainsItsAddressesOnly(String network, String address, boolean contained) {
		assertThat(IpNetwork.parse(network).contains(IpNetwork.literalAddress(address))).isEqualTo(contained);
	}

	@Test
	void anIpv4MappedAddressThatJavaKeepsAsIpv6IsInTheIpv4Network() throws Exception {
		byte[] mapped = new byte[16];
		mapped[10] = (byte) 0xff;
		mapped[11] = (byte) 0xff;
		mapped[12] = (byte) 169;
		mapped[13] = (byte) 254;
		mapped[14] = (byte) 169;
		mapped[15] = (byte) 254;
		// Inet6Address.getByAddress keeps the mapped form (InetAddress.getByAddress would turn it into IPv4).
		InetAddress address = java.net.Inet6Address.getByAddress(null, mapped, -1);
		assertThat(address).isInstanceOf(java.net.Inet6Address.class);
		assertThat(NetworkAccessPolicy.defaults().rules().denial(address)).contains("169.254.0.0/16");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "10.0.0.0/33", "fe80::/129", "10.0.0.0/-1", "10.0.0.0/", "10.0.0/8",
			"256.0.0.0/8", "example.org", "10.0.0.1/8", "::ffff:0:0/95", "10.0.0.0/8/8", "0x7f.0.0.1" })
	void whatIsNotANetworkIsRefusedWithTheValueInTheMessage(String cidr) {
		assertThatIllegalArgumentException().isThrownBy(() -> new NetworkAccessPolicy(List.of(), List.of(cidr), false))
			.withMessageContaining("'" + cidr + "'");
	}

	@Test
	void aNetworkWithHostBitsSetSuggestsTheNetwork() {
		assertThatIllegalArgumentException().isThrownBy(() -> IpNetwork.parse("10.1.2.3/8"))
			.withMessageContaining("did you mean 10.0.0.0/8?");
	}

	@ParameterizedTest
	@CsvSource({ "api.example.org, api.example.org, true", "api.example.org, API.Example.ORG, true",
			"api.example.org, api.example.org., true", "api.example.org, www.example.org, false",
			"*.example.org, a.example.org, true", "*.example.org, a.b.example.org, true",
			"*.example.org, example.org, false", "*.example.org, badexample.org, false",
			"*.example.org, example.org.evil.com, false", "127.0.0.1, 127.0.0.1, true", "[::1], [::1], true",
			"::1, [0:0:0:0:0:0:0:1], true", "127.0.0.1, localhost, false" })
	void hostPatternsMatchExactHostsAndSubdomains(String pattern, String host, boolean matches) {
		assertThat(HostPattern.parse(pattern).matches(host)).isEqualTo(matches);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "*", "*example.org", "a.*.org", "example.*", "http://example.org",
			"user@example.org", "**.example.org" })
	void whatIsNotAHostPatternIsRefusedWithTheValueInTheMessage(String pattern) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NetworkAccessPolicy(List.of(pattern), List.of(), false))
			.withMessageContaining("'" + pattern + "'");
	}

	@Test
	void theDefaultsDenyTheLinkLocalAndMetadataNetworksOnly() {
		NetworkAccessPolicy defaults = NetworkAccessPolicy.defaults();
		assertThat(defaults.allowedHosts()).isEmpty();
		assertThat(defaults.deniedNetworks()).isEmpty();
		assertThat(defaults.denyLinkLocal()).isTrue();
		for (String denied : List.of("169.254.169.254", "169.254.170.2", "fe80::1", "fd00:ec2::254",
				"100.100.100.200")) {
			assertThat(defaults.rules().denial(IpNetwork.literalAddress(denied))).as(denied)
				.endsWith("(link-local and cloud metadata, xhr.security.deny-link-local)");
		}
		for (String allowed : List.of("127.0.0.1", "::1", "10.0.0.1", "172.16.0.1", "192.168.1.1", "fd00::1",
				"100.100.100.201", "8.8.8.8")) {
			assertThat(defaults.rules().denial(IpNetwork.literalAddress(allowed))).as(allowed).isNull();
		}
	}

	@Test
	void deniedNetworksAddToThePresetAndTheReasonNamesTheRuleThatDenied() {
		NetworkAccessPolicy policy = NetworkAccessPolicy.defaults().withDeniedNetworks(List.of("10.0.0.0/8"));
		assertThat(policy.rules().denial(IpNetwork.literalAddress("10.1.2.3")))
			.isEqualTo("10.1.2.3 is in denied network 10.0.0.0/8 (xhr.security.denied-networks)");
		assertThat(policy.rules().denial(IpNetwork.literalAddress("169.254.169.254"))).isEqualTo(
				"169.254.169.254 is in denied network 169.254.0.0/16 (link-local and cloud metadata, "
						+ "xhr.security.deny-link-local)");
		assertThat(policy.withDenyLinkLocal(false).rules().denial(IpNetwork.literalAddress("169.254.169.254"))).isNull();
		assertThat(NetworkAccessPolicy.unrestricted().rules().checksAddresses()).isFalse();
	}

	@Test
	void aUrlIsCheckedForItsHostAndAnIpLiteralForItsAddress() {
		NetworkAccessPolicy policy = new NetworkAccessPolicy(List.of("*.example.org", "169.254.169.254"), List.of(),
				true);
		policy.rules().checkUrl(URI.create("https://api.example.org/x"));
		assertThatDenied(policy, "https://example.org/").isEqualTo(
				"Host example.org is not in the allowed hosts [*.example.org, 169.254.169.254] "
						+ "(xhr.security.allowed-hosts)");
		// Allowed as a host, denied as an address: both rules apply.
		assertThatDenied(policy, "http://169.254.169.254/").startsWith("169.254.169.254 is in denied network");
		// The URL's credentials never reach the reason.
		assertThatDenied(policy, "https://user:secret@evil.test/").doesNotContain("secret").doesNotContain("user");
	}

	private static org.assertj.core.api.AbstractStringAssert<?> assertThatDenied(NetworkAccessPolicy policy,
			String url) {
		try {
			policy.rules().checkUrl(URI.create(url));
		}
		catch (NetworkAccessDeniedException ex) {
			return assertThat(ex.getMessage());
		}
		throw new AssertionError(url + " was not denied");
	}

}
