package dev.springxhr.xhr;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;

import dev.springxhr.xhr.internal.net.NetworkAccessDeniedException;

/**
 * The {@link NetworkAccessPolicy}'s denied networks applied where a Reactor Netty {@link HttpClient} has resolved a
 * host name and not yet connected: a denied address gets no TCP connection (no SYN, no TLS handshake), which the
 * check on the connected address alone cannot promise. Of the addresses a name resolves to, the denied ones are
 * dropped; when none is left, the connect fails with the reason, and the request is a network error that says
 * which network denied it.
 *
 * <p>The auto-configured {@code XhrClientHttpConnector} has it when its connector is Reactor Netty's. A factory built
 * on a {@code WebClient.Builder} of your own gets it from
 * {@code new ReactorClientHttpConnector(ResolvedAddressGuard.guard(HttpClient.create(), policy))}; without it, the
 * connected address is still checked before a request byte is written. It sets the client's
 * {@link HttpClient#resolvedAddressesSelector resolvedAddressesSelector}, replacing one set before.
 */
public final class ResolvedAddressGuard {

	private ResolvedAddressGuard() {
	}

	/**
	 * Return the client with the policy's denied networks checked after name resolution.
	 * @param httpClient the client
	 * @param policy the policy
	 * @return the guarded client, the same client when the policy denies no network
	 */
	public static HttpClient guard(HttpClient httpClient, NetworkAccessPolicy policy) {
		Objects.requireNonNull(httpClient, "'httpClient' must not be null");
		Objects.requireNonNull(policy, "'policy' must not be null");
		if (!policy.rules().checksAddresses()) {
			return httpClient;
		}
		return httpClient.resolvedAddressesSelector((config, resolved) -> select(policy, resolved));
	}

	/**
	 * The resolved addresses the policy allows, in their order.
	 * @throws NetworkAccessDeniedException naming the first denied network when it allows none
	 */
	static List<? extends SocketAddress> select(NetworkAccessPolicy policy, List<? extends SocketAddress> resolved) {
		List<SocketAddress> allowed = null;
		String firstDenial = null;
		for (int i = 0; i < resolved.size(); i++) {
			SocketAddress address = resolved.get(i);
			String denial = denial(policy, address);
			if (denial != null && allowed == null) {
				allowed = new ArrayList<>(resolved.subList(0, i));
			}
			if (denial != null) {
				firstDenial = (firstDenial != null) ? firstDenial : denial;
			}
			else if (allowed != null) {
				allowed.add(address);
			}
		}
		if (allowed == null) {
			return resolved; // the common case: nothing denied, nothing copied
		}
		if (allowed.isEmpty()) {
			// Nothing allowed: every address was denied, the first with this reason.
			throw new NetworkAccessDeniedException(Objects.requireNonNull(firstDenial));
		}
		return allowed;
	}

	private static @Nullable String denial(NetworkAccessPolicy policy, SocketAddress address) {
		return (address instanceof InetSocketAddress inet && inet.getAddress() != null)
				? policy.rules().denial(inet.getAddress()) : null;
	}

}
