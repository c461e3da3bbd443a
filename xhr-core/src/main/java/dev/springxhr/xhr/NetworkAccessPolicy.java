package dev.springxhr.xhr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.net.NetworkAccessRules;

/**
 * Which servers requests may reach, the guard against server-side request forgery (SSRF): the hosts a URL may name
 * and the networks the connection may not go to. Every hop is checked — the request, each redirect, a CORS
 * preflight: the URL's host against {@link #allowedHosts()} before anything is sent, and the address actually
 * connected to (after DNS, so that DNS rebinding cannot get around it) against the denied networks before a byte of
 * the request is written. A denied request is a network error whose reason says which rule denied it.
 *
 * <p>{@link #defaults()} allows every host and denies the link-local networks with the cloud metadata services in
 * them ({@link #LINK_LOCAL_AND_METADATA}); loopback and private networks are allowed, as a sidecar or a test server
 * is there.
 */
public final class NetworkAccessPolicy {

	/**
	 * The link-local networks, where AWS, GCP and Azure answer metadata requests (169.254.169.254), and the other
	 * well-known metadata addresses: AWS's IPv6 fd00:ec2::254 and Alibaba Cloud's 100.100.100.200.
	 */
	public static final List<String> LINK_LOCAL_AND_METADATA = List.of("169.254.0.0/16", "fe80::/10",
			"fd00:ec2::254/128", "100.100.100.200/32");

	private static final NetworkAccessPolicy DEFAULTS = new NetworkAccessPolicy(List.of(), List.of(), true);

	private static final NetworkAccessPolicy UNRESTRICTED = new NetworkAccessPolicy(List.of(), List.of(), false);

	private final List<String> allowedHosts;

	private final List<String> deniedNetworks;

	private final boolean denyLinkLocal;

	private final NetworkAccessRules rules;

	/**
	 * Create a policy.
	 * @param allowedHosts the hosts a URL may name: exact hosts ({@code api.example.org}, {@code 10.0.0.7}) and
	 * {@code *.example.org} for every subdomain; empty allows every host
	 * @param deniedNetworks the networks in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}) or single
	 * addresses the connection may not go to
	 * @param denyLinkLocal whether {@link #LINK_LOCAL_AND_METADATA} is denied too
	 * @throws IllegalArgumentException naming a host pattern or network that is not one
	 */
	public NetworkAccessPolicy(List<String> allowedHosts, List<String> deniedNetworks, boolean denyLinkLocal) {
		Objects.requireNonNull(allowedHosts, "'allowedHosts' must not be null");
		Objects.requireNonNull(deniedNetworks, "'deniedNetworks' must not be null");
		this.allowedHosts = List.copyOf(allowedHosts);
		this.deniedNetworks = List.copyOf(deniedNetworks);
		this.denyLinkLocal = denyLinkLocal;
		this.rules = new NetworkAccessRules(this.allowedHosts, this.deniedNetworks,
				denyLinkLocal ? LINK_LOCAL_AND_METADATA : List.of());
	}

	/**
	 * Return the default policy: every host, and the link-local and metadata networks denied.
	 * @return the default policy
	 */
	public static NetworkAccessPolicy defaults() {
		return DEFAULTS;
	}

	/**
	 * Return the policy that allows every host and every network.
	 * @return the unrestricted policy
	 */
	public static NetworkAccessPolicy unrestricted() {
		return UNRESTRICTED;
	}

	/**
	 * Return the allowed host patterns, empty for every host.
	 * @return the allowed hosts
	 */
	public List<String> allowedHosts() {
		return this.allowedHosts;
	}

	/**
	 * Return the denied networks, without {@link #LINK_LOCAL_AND_METADATA}.
	 * @return the denied networks
	 */
	public List<String> deniedNetworks() {
		return this.deniedNetworks;
	}

	/**
	 * Return whether {@link #LINK_LOCAL_AND_METADATA} is denied.
	 * @return whether the link-local and metadata networks are denied
	 */
	public boolean denyLinkLocal() {
		return this.denyLinkLocal;
	}

	/**
	 * Return a copy with other allowed hosts.
	 * @param allowedHosts the host patterns, empty for every host
	 * @return the new policy
	 */
	public NetworkAccessPolicy withAllowedHosts(List<String> allowedHosts) {
		return new NetworkAccessPolicy(allowedHosts, this.deniedNetworks, this.denyLinkLocal);
	}

	/**
	 * Return a copy with other denied networks.
	 * @param deniedNetworks the networks in CIDR notation
	 * @return the new policy
	 */
	public NetworkAccessPolicy withDeniedNetworks(List<String> deniedNetworks) {
		return new NetworkAccessPolicy(this.allowedHosts, deniedNetworks, this.denyLinkLocal);
	}

	/**
	 * Return a copy that denies the link-local and metadata networks, or does not.
	 * @param denyLinkLocal whether {@link #LINK_LOCAL_AND_METADATA} is denied
	 * @return the new policy
	 */
	public NetworkAccessPolicy withDenyLinkLocal(boolean denyLinkLocal) {
		return new NetworkAccessPolicy(this.allowedHosts, this.deniedNetworks, denyLinkLocal);
	}

	/** The rules the engine applies: this policy's patterns and networks, parsed. */
	NetworkAccessRules rules() {
		return this.rules;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || (other instanceof NetworkAccessPolicy that && this.allowedHosts.equals(that.allowedHosts)
				&& this.deniedNetworks.equals(that.deniedNetworks) && this.denyLinkLocal == that.denyLinkLocal);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.allowedHosts, this.deniedNetworks, this.denyLinkLocal);
	}

	@Override
	public String toString() {
		List<String> parts = new ArrayList<>();
		parts.add("allowedHosts=" + (this.allowedHosts.isEmpty() ? "any" : this.allowedHosts));
		parts.add("deniedNetworks=" + this.deniedNetworks);
		parts.add("denyLinkLocal=" + this.denyLinkLocal);
		return "NetworkAccessPolicy" + parts;
	}

}
