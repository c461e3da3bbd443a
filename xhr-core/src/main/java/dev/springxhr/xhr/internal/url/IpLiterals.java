package dev.springxhr.xhr.internal.url;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * IP address literals, parsed in one place: the URL Standard's IPv4 parser and IPv6 parser (for {@link UrlHosts}),
 * and the same IPv6 parser and a dotted-decimal parser for literals read outside a URL — a cookie's host, a
 * configured network — in the looser spellings of an {@link IpLiteralSyntax}.
 * <p>A host the URL parser has serialized is dotted decimal without leading zeros or IPv6 in its compressed form,
 * which every syntax reads alike; they differ only on spellings no URL host has.
 *
 * @see <a href="https://url.spec.whatwg.org/#concept-ipv4-parser">URL Standard: IPv4 parser</a>
 * @see <a href="https://url.spec.whatwg.org/#concept-ipv6-parser">URL Standard: IPv6 parser</a>
 */
public final class IpLiterals {

	private static final BigInteger MAX_IPV4 = BigInteger.valueOf(0xFFFFFFFFL);

	// java.net.InetAddress reads an IPv4 part of an IPv6 literal of at most 15 characters ("255.255.255.255").
	private static final int MAX_INET_ADDRESS_IPV4_LENGTH = 15;

	private IpLiterals() {
	}

	// URL Standard: hosts that end in a number

	/** URL Standard "ends in a number checker": whether the host parser must read the host as IPv4. */
	public static boolean endsInANumber(String host) {
		List<String> parts = split(host);
		if (parts.get(parts.size() - 1).isEmpty()) {
			if (parts.size() == 1) {
				return false;
			}
			parts.remove(parts.size() - 1);
		}
		String last = parts.get(parts.size() - 1);
		if (!last.isEmpty() && last.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return true;
		}
		return ipv4Number(last) != null;
	}

	/**
	 * URL Standard "IPv4 parser": one to four numbers, each decimal, {@code 0x} hexadecimal or {@code 0} octal,
	 * the last filling the bytes left ({@code 127.1}, {@code 0x7f000001}).
	 * @return the address, 0 to 2<sup>32</sup>-1
	 * @throws IllegalArgumentException saying why the host is no IPv4 address
	 */
	public static long parseIpv4(String host) {
		List<String> parts = split(host);
		if (parts.get(parts.size() - 1).isEmpty() && parts.size() > 1) {
			parts.remove(parts.size() - 1);
		}
		if (parts.size() > 4) {
			throw new IllegalArgumentException("the host ends in a number but has more than 4 parts");
		}
		List<BigInteger> numbers = new ArrayList<>(parts.size());
		for (String part : parts) {
			BigInteger number = ipv4Number(part);
			if (number == null) {
				throw new IllegalArgumentException("the host ends in a number but '" + part
						+ "' is not an IPv4 number");
			}
			numbers.add(number);
		}
		BigInteger limit = BigInteger.valueOf(256).pow(5 - numbers.size());
		for (int i = 0; i < numbers.size() - 1; i++) {
			if (numbers.get(i).compareTo(BigInteger.valueOf(255)) > 0) {
				throw new IllegalArgumentException("the IPv4 address has a part above 255");
			}
		}
		if (numbers.get(numbers.size() - 1).compareTo(limit) >= 0) {
			throw new IllegalArgumentException("the IPv4 address is out of range");
		}
		long ipv4 = numbers.get(numbers.size() - 1).longValueExact();
		for (int i = 0; i < numbers.size() - 1; i++) {
			ipv4 += numbers.get(i).longValueExact() << (8 * (3 - i));
		}
		if (ipv4 > MAX_IPV4.longValue()) {
			throw new IllegalArgumentException("the IPv4 address is out of range");
		}
		return ipv4;
	}

	/** URL Standard "IPv4 number parser": decimal, {@code 0x} hexadecimal or {@code 0} octal; null on failure. */
	private static @Nullable BigInteger ipv4Number(String input) {
		if (input.isEmpty()) {
			return null;
		}
		int radix = 10;
		String digits = input;
		if (digits.length() >= 2 && digits.charAt(0) == '0' && (digits.charAt(1) == 'x' || digits.charAt(1) == 'X')) {
			digits = digits.substring(2);
			radix = 16;
		}
		else if (digits.length() >= 2 && digits.charAt(0) == '0') {
			digits = digits.substring(1);
			radix = 8;
		}
		if (digits.isEmpty()) {
			return BigInteger.ZERO;
		}
		for (int i = 0; i < digits.length(); i++) {
			if (Character.digit(digits.charAt(i), radix) < 0 || digits.charAt(i) >= 0x80) {
				return null;
			}
		}
		return new BigInteger(digits, radix);
	}

	/** Split on '.', keeping empty parts (String.split drops trailing ones). */
	private static List<String> split(String host) {
		List<String> parts = new ArrayList<>(4);
		int start = 0;
		for (int dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', start)) {
			parts.add(host.substring(start, dot));
			start = dot + 1;
		}
		parts.add(host.substring(start));
		return parts;
	}

	// Dotted decimal

	/**
	 * Whether the text is dotted decimal in the syntax: four decimal numbers of 0 to 255, nothing else. With
	 * {@link IpLiteralSyntax#URL} these are exactly the spellings the URL Standard's IPv4 serializer writes.
	 */
	public static boolean isIpv4(String text, IpLiteralSyntax syntax) {
		return parseDottedDecimal(text, 0, text.length(), syntax, null) == null;
	}

	/**
	 * The four numbers of an IPv4 address in dotted decimal, read in the syntax.
	 * @return the numbers, most significant first, or {@code null} when the text is not dotted decimal
	 */
	public static int @Nullable [] ipv4Octets(String text, IpLiteralSyntax syntax) {
		int[] octets = new int[4];
		return (parseDottedDecimal(text, 0, text.length(), syntax, octets) == null) ? octets : null;
	}

	/**
	 * Dotted decimal from start to end: the URL Standard's IPv6 parser's step 6.5 for an IPv4 part, which also
	 * read a lone IPv4 address, with the leading zeros the syntax allows.
	 * @param octets receives the four numbers, or {@code null} when only validity counts
	 * @return why it is not dotted decimal (after "its IPv4 part"), or {@code null} when it is
	 */
	private static @Nullable String parseDottedDecimal(String input, int start, int end, IpLiteralSyntax syntax,
			int @Nullable [] octets) {
		int pointer = start;
		int numbersSeen = 0;
		while (pointer < end) {
			if (numbersSeen > 0) {
				if (input.charAt(pointer) == '.' && numbersSeen < 4) {
					pointer++;
				}
				else {
					return "is malformed";
				}
			}
			if (pointer >= end || !isAsciiDigit(input.charAt(pointer))) {
				return "is malformed";
			}
			int number = -1;
			int digits = 0;
			while (pointer < end && isAsciiDigit(input.charAt(pointer))) {
				int digit = input.charAt(pointer) - '0';
				if (number == -1) {
					number = digit;
				}
				else if (number == 0 && syntax == IpLiteralSyntax.URL) {
					return "has a leading zero";
				}
				else {
					number = number * 10 + digit;
				}
				digits++;
				if (number > 255) {
					return "has a number above 255";
				}
				if (digits > 3 && syntax == IpLiteralSyntax.ZERO_PADDED) {
					return "has a number of more than 3 digits";
				}
				pointer++;
			}
			if (octets != null) {
				octets[numbersSeen] = number;
			}
			numbersSeen++;
		}
		if (numbersSeen != 4) {
			return "does not have 4 numbers";
		}
		if (syntax == IpLiteralSyntax.INET_ADDRESS && end - start > MAX_INET_ADDRESS_IPV4_LENGTH) {
			return "is longer than 15 characters";
		}
		return null;
	}

	// IPv6

	/**
	 * URL Standard "IPv6 parser", given the address without its brackets.
	 * @return the eight 16-bit pieces
	 * @throws IllegalArgumentException saying why the input is no IPv6 address
	 */
	public static int[] parseIpv6(String input) {
		int[] address = new int[8];
		String failure = parseIpv6(input, input.length(), IpLiteralSyntax.URL, address);
		if (failure != null) {
			throw new IllegalArgumentException("the host is not an IPv6 address: " + failure);
		}
		return address;
	}

	/**
	 * The pieces of an IPv6 literal read in the syntax.
	 * @param literal the address without brackets ({@link #withoutBrackets(String)} takes them off a URL host)
	 * @return the eight 16-bit pieces, or {@code null} when the text is no IPv6 literal
	 */
	public static int @Nullable [] ipv6Pieces(String literal, IpLiteralSyntax syntax) {
		int end = literal.length();
		if (syntax == IpLiteralSyntax.INET_ADDRESS) {
			int percent = literal.indexOf('%');
			if (percent >= 0) {
				if (!isZoneIndex(literal, percent + 1)) {
					return null;
				}
				end = percent;
			}
		}
		int[] address = new int[8];
		if (parseIpv6(literal, end, syntax, address) != null) {
			return null;
		}
		if (end < literal.length() && isIpv4Mapped(address)) {
			// InetAddress reads ::ffff:a.b.c.d as the IPv4 address, which has no zones.
			return null;
		}
		return address;
	}

	/**
	 * Whether the host is an IP address in the syntax: dotted decimal, or IPv6 in the brackets of a URL host
	 * ({@code [::1]}) or without them.
	 */
	public static boolean isIpAddress(String host, IpLiteralSyntax syntax) {
		return isIpv4(host, syntax) || ipv6Pieces(withoutBrackets(host), syntax) != null;
	}

	/** The host without the brackets a URL puts around an IPv6 address; any other text as it is. */
	public static String withoutBrackets(String host) {
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

	/** Whether the pieces are an IPv4-mapped address, {@code ::ffff:a.b.c.d} (RFC 4291 §2.5.5.2). */
	public static boolean isIpv4Mapped(int[] pieces) {
		for (int i = 0; i < 5; i++) {
			if (pieces[i] != 0) {
				return false;
			}
		}
		return pieces[5] == 0xFFFF;
	}

	/**
	 * The URL Standard's IPv6 parser on the input up to end, with the leading zeros the syntax allows.
	 * @param address receives the eight pieces
	 * @return why the input is no IPv6 address, or {@code null} when it is one
	 */
	private static @Nullable String parseIpv6(String input, int end, IpLiteralSyntax syntax, int[] address) {
		int pieceIndex = 0;
		int compress = -1;
		int pointer = 0;
		if (pointer < end && input.charAt(pointer) == ':') {
			if (pointer + 1 >= end || input.charAt(pointer + 1) != ':') {
				return "it starts with a single ':'";
			}
			pointer += 2;
			pieceIndex++;
			compress = pieceIndex;
		}
		while (pointer < end) {
			if (pieceIndex == 8) {
				return "it has more than 8 pieces";
			}
			if (input.charAt(pointer) == ':') {
				if (compress != -1) {
					return "it has '::' twice";
				}
				pointer++;
				pieceIndex++;
				compress = pieceIndex;
				continue;
			}
			int value = 0;
			int digits = 0;
			// The URL Standard reads at most four hex digits; InetAddress any number, while the value fits.
			while ((digits < 4 || syntax == IpLiteralSyntax.INET_ADDRESS) && pointer < end
					&& hexDigit(input.charAt(pointer)) >= 0) {
				value = value * 0x10 + hexDigit(input.charAt(pointer));
				if (value > 0xFFFF) {
					return "a piece is above ffff";
				}
				pointer++;
				digits++;
			}
			if (pointer < end && input.charAt(pointer) == '.') {
				if (digits == 0) {
					return "an IPv4 part starts with '.'";
				}
				// The digits read as hex are the IPv4 part's first number: it runs from them to the end.
				pointer -= digits;
				if (pieceIndex > 6) {
					return "the IPv4 part does not fit";
				}
				int[] octets = new int[4];
				String failure = parseDottedDecimal(input, pointer, end, syntax, octets);
				if (failure != null) {
					return "its IPv4 part " + failure;
				}
				address[pieceIndex] = (octets[0] << 8) | octets[1];
				address[pieceIndex + 1] = (octets[2] << 8) | octets[3];
				pieceIndex += 2;
				pointer = end;
				break;
			}
			if (pointer < end && input.charAt(pointer) == ':') {
				pointer++;
				if (pointer >= end) {
					return "it ends with a single ':'";
				}
			}
			else if (pointer < end) {
				return "it contains '" + input.charAt(pointer) + "'";
			}
			address[pieceIndex] = value;
			pieceIndex++;
		}
		if (compress != -1) {
			// "::" stands for the zero pieces that move the pieces after it to the end.
			int swaps = pieceIndex - compress;
			pieceIndex = 7;
			while (pieceIndex != 0 && swaps > 0) {
				int swap = address[compress + swaps - 1];
				address[compress + swaps - 1] = address[pieceIndex];
				address[pieceIndex] = swap;
				pieceIndex--;
				swaps--;
			}
		}
		else if (pieceIndex != 8) {
			return "it has fewer than 8 pieces and no '::'";
		}
		return null;
	}

	/**
	 * A numeric zone index as InetAddress reads one: ASCII digits to the end, a value that fits in an int (it
	 * takes any other zone for an interface name, looked up on this machine, which a literal must not depend on).
	 */
	private static boolean isZoneIndex(String text, int start) {
		if (start >= text.length()) {
			return false;
		}
		long value = 0;
		for (int i = start; i < text.length(); i++) {
			if (!isAsciiDigit(text.charAt(i))) {
				return false;
			}
			value = value * 10 + (text.charAt(i) - '0');
			if (value > Integer.MAX_VALUE) {
				return false;
			}
		}
		return true;
	}

	private static boolean isAsciiDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/** The value of an ASCII hex digit, or -1. */
	private static int hexDigit(char c) {
		return (c < 0x80) ? Character.digit(c, 16) : -1;
	}

}
