package dev.springxhr.xhr.internal.net;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.url.UrlHosts;

/**
 * The SSRF guard's rules, parsed: the allowed host patterns and the denied networks of a
 * {@code NetworkAccessPolicy}, checked on every hop's URL and on every connected address.
 */
public final class NetworkAccessRules {

	private final List<String> allowedHosts;

	private final List<HostPattern> hostPatterns;

	private final List<IpNetwork> userNetworks;

	private final List<IpNetwork> presetNetworks;

	/**
	 * Parse the rules.
	 * @param allowedHosts the allowed host patterns; empty allows every host
	 * @param deniedNetworks the networks the user denies
	 * @param presetNetworks the networks denied by the link-local and metadata preset, empty without it
	 * @throws IllegalArgumentException naming a host pattern or network that is not one
	 */
	public NetworkAccessRules(List<String> allowedHosts, List<String> deniedNetworks, List<String> presetNetworks) {
		this.allowedHosts = List.copyOf(allowedHosts);
		this.hostPatterns = allowedHosts.stream().map(HostPattern::parse).toList();
		this.userNetworks = deniedNetworks.stream().map(IpNetwork::parse).toList();
		this.presetNetworks = presetNetworks.stream().map(IpNetwork::parse).toList();
	}

	/** Whether any network is denied: then the address of every connection is checked. */
	public boolean checksAddresses() {
		return !this.userNetworks.isEmpty() || !this.presetNetworks.isEmpty();
	}

	/**
	 * Check a hop's URL before anything is sent: its host against the allowed hosts, and an IP-literal host against
	 * the denied networks (no connection is attempted to a denied address).
	 * @throws NetworkAccessDeniedException saying why the URL is denied
	 */
	public void checkUrl(URI url) {
		// Not URI.getHost(), which is null for hosts the URL Standard accepts and URI does not ("my_service"): the
		// check must never be skipped.
		String host = UrlHosts.hostOf(url);
		if (host == null) {
			throw new NetworkAccessDeniedException("The URL " + url.getScheme() + ":… has no host");
		}
		if (!this.hostPatterns.isEmpty() && this.hostPatterns.stream().noneMatch((pattern) -> pattern.matches(host))) {
			throw new NetworkAccessDeniedException("Host " + host + " is not in the allowed hosts "
					+ this.allowedHosts + " (xhr.security.allowed-hosts)");
		}
		InetAddress literal = IpNetwork.literalAddress(host);
		if (literal != null) {
			checkAddress(literal);
		}
	}

	/**
	 * Check the address a connection goes to.
	 * @throws NetworkAccessDeniedException saying which denied network it is in
	 */
	public void checkAddress(InetAddress address) {
		String denial = denial(address);
		if (denial != null) {
			throw new NetworkAccessDeniedException(denial);
		}
	}

	/** Why the address is denied, or {@code null} if it is not. */
	public @Nullable String denial(InetAddress address) {
		for (IpNetwork network : this.presetNetworks) {
			if (network.contains(address)) {
				return address.getHostAddress() + " is in denied network " + network
						+ " (link-local and cloud metadata, xhr.security.deny-link-local)";
			}
		}
		for (IpNetwork network : this.userNetworks) {
			if (network.contains(address)) {
				return address.getHostAddress() + " is in denied network " + network
						+ " (xhr.security.denied-networks)";
			}
		}
		return null;
	}

}
