package dev.springxhr.xhr.internal.cookie;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.http.HttpTokens;
import dev.springxhr.xhr.internal.url.IpLiteralSyntax;
import dev.springxhr.xhr.internal.url.IpLiterals;
import dev.springxhr.xhr.internal.url.UrlHosts;

/**
 * The Public Suffix List and its algorithm: which host names are public suffixes ("effective top-level domains")
 * and which is a host's registrable domain (eTLD+1). Rules of the ICANN and the private section both count, as
 * they do in browsers. Immutable, so thread-safe.
 * <p>The bundled list is Mozilla's {@code public_suffix_list.dat} (MPL-2.0), read from the class path once, when
 * {@link #instance()} is first called.
 *
 * @see <a href="https://github.com/publicsuffix/list/wiki/Format">PSL format and algorithm</a>
 * @see <a href="https://url.spec.whatwg.org/#host-registrable-domain">URL §3.2 registrable domain</a>
 */
public final class PublicSuffixList {

	private static final String RESOURCE = "public_suffix_list.dat.gz";

	// Rules by kind, each the punycode of the labels a rule names ("*." and "!" removed).
	private final Set<String> rules;

	private final Set<String> wildcardRules;

	private final Set<String> exceptionRules;

	/**
	 * A list of the given lines in the PSL file format: one rule a line, up to its first whitespace; "//" starts
	 * a comment line; labels may be Unicode (they are converted to punycode).
	 */
	PublicSuffixList(List<String> lines) {
		Set<String> rules = new HashSet<>();
		Set<String> wildcardRules = new HashSet<>();
		Set<String> exceptionRules = new HashSet<>();
		for (String line : lines) {
			String rule = firstWord(line);
			if (rule.isEmpty() || rule.startsWith("//")) {
				continue;
			}
			if (rule.startsWith("!")) {
				exceptionRules.add(toAscii(rule.substring(1)));
			}
			else if (rule.startsWith("*.")) {
				wildcardRules.add(toAscii(rule.substring(2)));
			}
			else {
				rules.add(toAscii(rule));
			}
		}
		this.rules = Set.copyOf(rules);
		this.wildcardRules = Set.copyOf(wildcardRules);
		this.exceptionRules = Set.copyOf(exceptionRules);
	}

	/**
	 * Read a list in the PSL file format, gzipped or not (told by the gzip magic bytes), e.g. a newer one than the
	 * bundled list.
	 * @param in the list; read to its end, not closed
	 * @param description what the list is, for the exception message (a file name, a URL)
	 * @return the list
	 * @throws UncheckedIOException if it cannot be read
	 * @throws IllegalArgumentException if it holds no rule
	 */
	public static PublicSuffixList read(InputStream in, String description) {
		try {
			BufferedInputStream buffered = new BufferedInputStream(in);
			buffered.mark(2);
			boolean gzipped = buffered.read() == 0x1f && buffered.read() == 0x8b;
			buffered.reset();
			InputStream content = gzipped ? new GZIPInputStream(buffered) : buffered;
			List<String> lines = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8)).lines()
				.toList();
			PublicSuffixList list = new PublicSuffixList(lines);
			if (list.rules.isEmpty() && list.wildcardRules.isEmpty()) {
				throw new IllegalArgumentException("The Public Suffix List " + description + " holds no rule; it must "
						+ "be in the format of https://publicsuffix.org/list/public_suffix_list.dat");
			}
			return list;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the Public Suffix List " + description, ex);
		}
	}

	/** The bundled list, loaded on first use. */
	public static PublicSuffixList instance() {
		return Holder.INSTANCE;
	}

	/**
	 * Whether the host is a public suffix: a name under which anyone can register, such as {@code com},
	 * {@code co.uk}, {@code github.io} or, by the implicit {@code *} rule, any single label. An IP address is not.
	 * @param host a lower-case ASCII (punycode) host name
	 */
	boolean isPublicSuffix(String host) {
		String domain = canonicalize(host);
		if (domain == null) {
			return false;
		}
		return publicSuffixStart(domain) == 0;
	}

	/**
	 * The host's registrable domain (eTLD+1): its public suffix and the label before it.
	 * @param host a lower-case ASCII (punycode) host name
	 * @return the registrable domain, or {@code null} when the host is a public suffix itself, a single label
	 * such as {@code localhost}, an IP address, or not a host name (empty labels)
	 */
	@Nullable String registrableDomain(String host) {
		String domain = canonicalize(host);
		if (domain == null) {
			return null;
		}
		int suffix = publicSuffixStart(domain);
		if (suffix == 0) {
			return null;
		}
		// PSL algorithm step 7: the public suffix plus one more label.
		int label = domain.lastIndexOf('.', suffix - 2) + 1;
		return domain.substring(label);
	}

	/**
	 * HTML §7.1.1 "same site" for URLs (their origins): the same scheme, and hosts with the same registrable
	 * domain, or equal hosts when they have none. Ports do not count.
	 * @see <a href="https://html.spec.whatwg.org/multipage/browsers.html#same-site">HTML same site</a>
	 */
	public boolean sameSite(URI a, URI b) {
		String schemeA = a.getScheme();
		String schemeB = b.getScheme();
		String hostA = UrlHosts.hostOf(a);
		String hostB = UrlHosts.hostOf(b);
		if (schemeA == null || schemeB == null || hostA == null || hostB == null) {
			// Opaque origins are same site with nothing but themselves, which a URL cannot tell.
			return false;
		}
		if (!schemeA.equalsIgnoreCase(schemeB)) {
			return false;
		}
		hostA = HttpTokens.toAsciiLowerCase(hostA);
		hostB = HttpTokens.toAsciiLowerCase(hostB);
		if (hostA.equals(hostB)) {
			return true;
		}
		// HTML "same site" for hosts: equal, or both with a non-null and equal registrable domain.
		String domainA = registrableDomain(hostA);
		return domainA != null && domainA.equals(registrableDomain(hostB));
	}

	/**
	 * Whether the host is an IP address, as the cookie rules read one: dotted decimal, its numbers zero-padded or
	 * not, or IPv6 with or without the brackets of a URL ({@link IpLiteralSyntax#ZERO_PADDED}).
	 */
	static boolean isIpAddress(String host) {
		return IpLiterals.isIpAddress(host, IpLiteralSyntax.ZERO_PADDED);
	}

	/**
	 * PSL algorithm steps 1-6: the index in the domain where its public suffix starts.
	 * @param domain a canonical host name: lower-case ASCII, non-empty labels
	 */
	private int publicSuffixStart(String domain) {
		// Step 3: an exception rule prevails over every other match; step 5: its leftmost label is not part of
		// the public suffix.
		for (int start = 0; start >= 0; start = nextLabel(domain, start)) {
			if (this.exceptionRules.contains(domain.substring(start))) {
				return nextLabel(domain, start);
			}
		}
		// Step 4: the matching rule with the most labels, which is the longest suffix that matches; "*" matches
		// exactly one label.
		for (int start = 0; start >= 0; start = nextLabel(domain, start)) {
			int next = nextLabel(domain, start);
			if (this.rules.contains(domain.substring(start))
					|| (next >= 0 && this.wildcardRules.contains(domain.substring(next)))) {
				return start;
			}
		}
		// Step 2: no rule matches, so the implicit "*" rule prevails: the last label is the public suffix.
		return domain.lastIndexOf('.') + 1;
	}

	/** The start of the label after the one that starts at the index, or -1 for the last label. */
	private static int nextLabel(String domain, int start) {
		int dot = domain.indexOf('.', start);
		return (dot >= 0) ? dot + 1 : -1;
	}

	/**
	 * The host as the algorithm takes it: lower-case ASCII (punycode), or {@code null} for an IP address or a
	 * string with an empty label (a leading, trailing or doubled dot).
	 */
	private static @Nullable String canonicalize(String host) {
		if (host.isEmpty() || host.startsWith(".") || host.endsWith(".") || host.contains("..")
				|| isIpAddress(host)) {
			return null;
		}
		String domain = HttpTokens.toAsciiLowerCase(host);
		for (int i = 0; i < domain.length(); i++) {
			if (domain.charAt(i) >= 0x80) {
				// UTS #46, as the URL Standard's host parser: "faß.de" is xn--fa-hia.de, not fass.de.
				return UrlHosts.toAsciiOrNull(domain);
			}
		}
		return domain;
	}

	private static String toAscii(String rule) {
		String ascii = UrlHosts.toAsciiOrNull(rule);
		return (ascii != null) ? ascii : HttpTokens.toAsciiLowerCase(rule);
	}


	private static String firstWord(String line) {
		String stripped = line.strip();
		for (int i = 0; i < stripped.length(); i++) {
			if (Character.isWhitespace(stripped.charAt(i))) {
				return stripped.substring(0, i);
			}
		}
		return stripped;
	}

	private static List<String> readBundledList() {
		try (InputStream resource = PublicSuffixList.class.getResourceAsStream(RESOURCE)) {
			if (resource == null) {
				throw new IllegalStateException("Public Suffix List not found on the class path: " + RESOURCE);
			}
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(new GZIPInputStream(resource), StandardCharsets.UTF_8))) {
				return reader.lines().toList();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the Public Suffix List " + RESOURCE, ex);
		}
	}

	/** Initialization-on-demand holder: the JVM loads the list once, on first use, without locking after. */
	private static final class Holder {

		static final PublicSuffixList INSTANCE = new PublicSuffixList(readBundledList());

	}

}
