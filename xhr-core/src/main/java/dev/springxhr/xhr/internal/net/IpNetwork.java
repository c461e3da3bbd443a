package dev.springxhr.xhr.internal.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.url.IpLiteralSyntax;
import dev.springxhr.xhr.internal.url.IpLiterals;

/**
 * An IPv4 or IPv6 network in CIDR notation ({@code 169.254.0.0/16}, {@code fe80::/10}) or a single address. An
 * IPv4-mapped IPv6 address ({@code ::ffff:169.254.169.254}) is the IPv4 address it carries: it reaches the same
 * host, so it is in the same networks.
 */
public final class IpNetwork {

	private static final Pattern PREFIX = Pattern.compile("\\d{1,3}");

	private final String text;

	private final byte[] network;

	private final int prefixLength;

	private IpNetwork(String text, byte[] network, int prefixLength) {
		this.text = text;
		this.network = network;
		this.prefixLength = prefixLength;
	}

	/**
	 * Parse a network in CIDR notation, or a single address (a network of one).
	 * @throws IllegalArgumentException if it is neither
	 */
	public static IpNetwork parse(String cidr) {
		String text = cidr.strip();
		int slash = text.indexOf('/');
		String address = (slash >= 0) ? text.substring(0, slash) : text;
		byte[] bytes = parseLiteral(address);
		if (bytes == null) {
			throw new IllegalArgumentException("'" + cidr + "' is not an IP network in CIDR notation such as "
					+ "169.254.0.0/16 or fe80::/10");
		}
		// An IPv4-mapped address written in IPv6 takes an IPv6 prefix length.
		int bits = address.contains(":") ? 128 : 32;
		int prefix = bits;
		if (slash >= 0) {
			String length = text.substring(slash + 1);
			if (!PREFIX.matcher(length).matches() || Integer.parseInt(length) > bits) {
				throw new IllegalArgumentException("'" + cidr + "' has no valid prefix length; for this address it "
						+ "is 0 to " + bits);
			}
			prefix = Integer.parseInt(length);
		}
		if (address.contains(":") && bytes.length == 4) {
			// Written as IPv4-mapped IPv6 (::ffff:a.b.c.d/n): the same network of IPv4 addresses.
			if (slash >= 0 && prefix < 96) {
				throw new IllegalArgumentException("'" + cidr + "' is an IPv4-mapped network; its prefix length is "
						+ "96 to 128");
			}
			prefix = (slash >= 0) ? prefix - 96 : 32;
		}
		byte[] network = mask(bytes, prefix);
		if (!Arrays.equals(network, bytes)) {
			throw new IllegalArgumentException("'" + cidr + "' has host bits set; did you mean "
					+ format(network) + "/" + prefix + "?");
		}
		return new IpNetwork(text, network, prefix);
	}

	/**
	 * Whether a host is an IP literal (IPv4 dotted-quad, or IPv6 with or without brackets); never resolves a name.
	 */
	static boolean isLiteral(String host) {
		return parseLiteral(host) != null;
	}

	/**
	 * The address of an IP literal, without a DNS lookup.
	 * @return the address, or {@code null} if {@code host} is not an IP literal
	 */
	public static @Nullable InetAddress literalAddress(String host) {
		byte[] bytes = parseLiteral(host);
		if (bytes == null) {
			return null;
		}
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	/** Whether the address is in this network (an IPv4-mapped IPv6 address counts as its IPv4 address). */
	public boolean contains(InetAddress address) {
		byte[] bytes = canonicalBytes(address);
		if (bytes.length != this.network.length) {
			return false;
		}
		return Arrays.equals(mask(bytes, this.prefixLength), this.network);
	}

	@Override
	public String toString() {
		return this.text;
	}

	/** The address's bytes, IPv4 for an IPv4-mapped IPv6 address. */
	static byte[] canonicalBytes(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (address instanceof Inet6Address && isIpv4Mapped(bytes)) {
			return Arrays.copyOfRange(bytes, 12, 16);
		}
		return bytes;
	}

	private static boolean isIpv4Mapped(byte[] bytes) {
		for (int i = 0; i < 10; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
	}

	/** The bytes of an IP literal (IPv4 for an IPv4-mapped IPv6 address), or {@code null}. */
	private static byte @Nullable [] parseLiteral(String host) {
		String literal = IpLiterals.withoutBrackets(host);
		// Dotted decimal without leading zeros, as the URL Standard serializes IPv4: InetAddress would also take
		// "127.1" or "0x7f.1", which no URL parser leaves in a host.
		int[] octets = IpLiterals.ipv4Octets(literal, IpLiteralSyntax.URL);
		if (octets != null) {
			return new byte[] { (byte) octets[0], (byte) octets[1], (byte) octets[2], (byte) octets[3] };
		}
		// IPv6 as InetAddress reads it without a lookup, zero-padded or with a numeric zone: configured networks
		// such as fe80::%1/10 keep reading as they did when InetAddress parsed them.
		int[] pieces = IpLiterals.ipv6Pieces(literal, IpLiteralSyntax.INET_ADDRESS);
		if (pieces == null) {
			return null;
		}
		byte[] bytes = new byte[16];
		for (int i = 0; i < 8; i++) {
			bytes[2 * i] = (byte) (pieces[i] >> 8);
			bytes[2 * i + 1] = (byte) pieces[i];
		}
		return isIpv4Mapped(bytes) ? Arrays.copyOfRange(bytes, 12, 16) : bytes;
	}

	private static byte[] mask(byte[] bytes, int prefixLength) {
		byte[] masked = bytes.clone();
		for (int i = 0; i < masked.length; i++) {
			int bitsInByte = Math.max(0, Math.min(8, prefixLength - i * 8));
			masked[i] &= (byte) (0xff << (8 - bitsInByte));
		}
		return masked;
	}

	private static String format(byte[] bytes) {
		try {
			return InetAddress.getByAddress(bytes).getHostAddress();
		}
		catch (UnknownHostException ex) {
			return Arrays.toString(bytes);
		}
	}

}
