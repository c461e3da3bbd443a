package dev.springxhr.xhr.internal.url;

import java.math.BigInteger;
import java.net.IDN;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.http.HttpTokens;

/**
 * The URL Standard's host parser and serializer for special URLs ({@code http}, {@code https}, {@code ws},
 * {@code wss}, {@code ftp}): the one spelling of a host that the request, {@code responseURL}, the origin, the
 * cookie jar and the network-access policy all see. A browser turns {@code 0x7f.1}, {@code 127.1},
 * {@code 2130706433} and {@code %31%32%37.0.0.1} into {@code 127.0.0.1}, {@code LOCALHOST} into
 * {@code localhost}, and {@code [::ffff:127.0.0.1]} into {@code [::ffff:7f00:1]} before anything is sent (checked
 * in Chromium: {@code oracle/url-hosts-golden.json}); so does this.
 *
 * @see <a href="https://url.spec.whatwg.org/#host-parsing">URL Standard: host parsing</a>
 */
public final class UrlHosts {

	/** Forbidden domain code points besides C0 controls, U+0020, U+007F (URL Standard §3.2). */
	private static final String FORBIDDEN_DOMAIN = "#%/:<>?@[\\]^|";

	private static final BigInteger MAX_IPV4 = BigInteger.valueOf(0xFFFFFFFFL);

	private UrlHosts() {
	}

	/**
	 * The host parser (not opaque), given the host as it appears in the URL, percent-encoded.
	 * @param input the host, an IPv6 address in brackets
	 * @return the serialized host
	 * @throws IllegalArgumentException saying why it is not a host (the caller makes it a SyntaxError)
	 */
	public static String parse(String input) {
		if (input.startsWith("[")) {
			if (!input.endsWith("]")) {
				throw new IllegalArgumentException("the IPv6 address has no closing ']'");
			}
			return "[" + serializeIpv6(parseIpv6(input.substring(1, input.length() - 1))) + "]";
		}
		if (isCanonicalDomain(input) || isCanonicalIpv4(input)) {
			return input; // the common cases, already in their one spelling: nothing to allocate
		}
		String domain = (input.indexOf('%') >= 0) ? PercentEncoding.decodeToString(input) : input;
		String ascii = domainToAscii(domain);
		for (int i = 0; i < ascii.length(); i++) {
			char c = ascii.charAt(i);
			if (c <= 0x20 || c == 0x7F || FORBIDDEN_DOMAIN.indexOf(c) >= 0) {
				throw new IllegalArgumentException("the host contains the forbidden character U+"
						+ String.format("%04X", (int) c));
			}
		}
		if (endsInANumber(ascii)) {
			return serializeIpv4(parseIpv4(ascii));
		}
		return ascii;
	}

	/** Lower-case letters, digits, '-' and '.', and a last label that does not start with a digit. */
	private static boolean isCanonicalDomain(String host) {
		if (host.isEmpty()) {
			return false;
		}
		int lastLabel = 0;
		for (int i = 0; i < host.length(); i++) {
			char c = host.charAt(i);
			if (c == '.') {
				lastLabel = i + 1;
			}
			else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
				return false;
			}
		}
		return lastLabel < host.length() && !(host.charAt(lastLabel) >= '0' && host.charAt(lastLabel) <= '9');
	}

	/** Dotted decimal with four parts of 0 to 255 without leading zeros, as the IPv4 serializer writes it. */
	private static boolean isCanonicalIpv4(String host) {
		int parts = 0;
		int value = 0;
		int digits = 0;
		for (int i = 0; i <= host.length(); i++) {
			char c = (i < host.length()) ? host.charAt(i) : '.';
			if (c == '.') {
				if (digits == 0 || value > 255) {
					return false;
				}
				parts++;
				value = 0;
				digits = 0;
			}
			else if (c >= '0' && c <= '9' && !(digits == 1 && value == 0) && digits < 3) {
				value = value * 10 + (c - '0');
				digits++;
			}
			else {
				return false;
			}
		}
		return parts == 4;
	}

	/**
	 * Domain to ASCII: UTS #46 for non-ASCII input, which {@link IDN} (IDNA 2003) approximates — it maps the same
	 * full-width digits and dots and punycodes the same common names; ASCII input only lower-cases.
	 */
	private static String domainToAscii(String domain) {
		boolean ascii = true;
		for (int i = 0; i < domain.length() && ascii; i++) {
			ascii = domain.charAt(i) < 0x80;
		}
		String result = domain;
		if (!ascii) {
			try {
				result = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("the host is not a valid internationalized domain name");
			}
		}
		result = HttpTokens.toAsciiLowerCase(result);
		if (result.isEmpty()) {
			throw new IllegalArgumentException("an http(s) URL needs a host");
		}
		return result;
	}

	/** URL Standard "ends in a number checker". */
	static boolean endsInANumber(String host) {
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

	/** URL Standard "IPv4 parser". */
	static long parseIpv4(String host) {
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

	private static String serializeIpv4(long address) {
		return ((address >> 24) & 0xFF) + "." + ((address >> 16) & 0xFF) + "." + ((address >> 8) & 0xFF) + "."
				+ (address & 0xFF);
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

	/** URL Standard "IPv6 parser": eight 16-bit pieces. */
	static int[] parseIpv6(String input) {
		int[] address = new int[8];
		int pieceIndex = 0;
		int compress = -1;
		int pointer = 0;
		int length = input.length();
		if (pointer < length && input.charAt(pointer) == ':') {
			if (pointer + 1 >= length || input.charAt(pointer + 1) != ':') {
				throw ipv6("it starts with a single ':'");
			}
			pointer += 2;
			pieceIndex++;
			compress = pieceIndex;
		}
		while (pointer < length) {
			if (pieceIndex == 8) {
				throw ipv6("it has more than 8 pieces");
			}
			if (input.charAt(pointer) == ':') {
				if (compress != -1) {
					throw ipv6("it has '::' twice");
				}
				pointer++;
				pieceIndex++;
				compress = pieceIndex;
				continue;
			}
			int value = 0;
			int digits = 0;
			while (digits < 4 && pointer < length && Character.digit(input.charAt(pointer), 16) >= 0
					&& input.charAt(pointer) < 0x80) {
				value = value * 0x10 + Character.digit(input.charAt(pointer), 16);
				pointer++;
				digits++;
			}
			if (pointer < length && input.charAt(pointer) == '.') {
				if (digits == 0) {
					throw ipv6("an IPv4 part starts with '.'");
				}
				pointer -= digits;
				if (pieceIndex > 6) {
					throw ipv6("the IPv4 part does not fit");
				}
				pointer = parseIpv4InIpv6(input, pointer, address, pieceIndex);
				pieceIndex += 2;
				break;
			}
			if (pointer < length && input.charAt(pointer) == ':') {
				pointer++;
				if (pointer >= length) {
					throw ipv6("it ends with a single ':'");
				}
			}
			else if (pointer < length) {
				throw ipv6("it contains '" + input.charAt(pointer) + "'");
			}
			address[pieceIndex] = value;
			pieceIndex++;
		}
		if (pointer < length) {
			throw ipv6("it has characters after the IPv4 part");
		}
		if (compress != -1) {
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
			throw ipv6("it has fewer than 8 pieces and no '::'");
		}
		return address;
	}

	private static int parseIpv4InIpv6(String input, int start, int[] address, int pieceIndex) {
		int pointer = start;
		int numbersSeen = 0;
		while (pointer < input.length()) {
			int ipv4Piece = -1;
			if (numbersSeen > 0) {
				if (input.charAt(pointer) == '.' && numbersSeen < 4) {
					pointer++;
				}
				else {
					throw ipv6("its IPv4 part is malformed");
				}
			}
			if (pointer >= input.length() || !(input.charAt(pointer) >= '0' && input.charAt(pointer) <= '9')) {
				throw ipv6("its IPv4 part is malformed");
			}
			while (pointer < input.length() && input.charAt(pointer) >= '0' && input.charAt(pointer) <= '9') {
				int number = input.charAt(pointer) - '0';
				if (ipv4Piece == -1) {
					ipv4Piece = number;
				}
				else if (ipv4Piece == 0) {
					throw ipv6("its IPv4 part has a leading zero");
				}
				else {
					ipv4Piece = ipv4Piece * 10 + number;
				}
				if (ipv4Piece > 255) {
					throw ipv6("its IPv4 part has a number above 255");
				}
				pointer++;
			}
			address[pieceIndex] = address[pieceIndex] * 0x100 + ipv4Piece;
			numbersSeen++;
			if (numbersSeen == 2 || numbersSeen == 4) {
				pieceIndex++;
			}
		}
		if (numbersSeen != 4) {
			throw ipv6("its IPv4 part does not have 4 numbers");
		}
		return pointer;
	}

	/** URL Standard "IPv6 serializer": lower-case hex, the first longest run of two or more zeros as "::". */
	static String serializeIpv6(int[] address) {
		int compress = -1;
		int longest = 1;
		for (int i = 0; i < 8;) {
			if (address[i] != 0) {
				i++;
				continue;
			}
			int run = 0;
			while (i + run < 8 && address[i + run] == 0) {
				run++;
			}
			if (run > longest) {
				longest = run;
				compress = i;
			}
			i += run;
		}
		StringBuilder output = new StringBuilder(39);
		boolean ignore0 = false;
		for (int i = 0; i < 8; i++) {
			if (ignore0 && address[i] == 0) {
				continue;
			}
			ignore0 = false;
			if (compress == i) {
				output.append((i == 0) ? "::" : ":");
				ignore0 = true;
				continue;
			}
			output.append(Integer.toHexString(address[i]));
			if (i != 7) {
				output.append(':');
			}
		}
		return output.toString();
	}

	private static IllegalArgumentException ipv6(String reason) {
		return new IllegalArgumentException("the host is not an IPv6 address: " + reason);
	}

}
