package dev.springxhr.xhr.internal.url;

/**
 * The spellings {@link IpLiterals} reads an IP literal in: how many leading zeros a number may have, and whether an
 * IPv6 literal may name a zone. In every syntax dotted decimal is four decimal numbers of 0 to 255, and IPv6 the
 * RFC 4291 §2.2 text form as the URL Standard's IPv6 parser reads it (at most one "::", standing for one or more
 * zero pieces; an IPv4 part only last).
 */
public enum IpLiteralSyntax {

	/**
	 * The URL Standard's: no leading zero in a decimal number ({@code 01.2.3.4} is not dotted decimal), at most four
	 * hex digits a piece, no zone.
	 */
	URL,

	/**
	 * Zero-padded decimal numbers of up to three digits ({@code 001.002.003.004}, {@code ::ffff:010.0.0.1}); at most
	 * four hex digits a piece; no zone.
	 */
	ZERO_PADDED,

	/**
	 * What {@code java.net.InetAddress} reads as an IPv6 literal, without a lookup: any number of leading zeros in
	 * a hex piece ({@code ::00001}) or a decimal number ({@code ::ffff:0010.0.0.1}), an IPv4 part of at most 15
	 * characters, and a numeric zone index ({@code fe80::1%1}, RFC 4007 §11; read, then dropped), except on an
	 * IPv4-mapped address. Dotted decimal on its own is read as that IPv4 part.
	 */
	INET_ADDRESS

}
