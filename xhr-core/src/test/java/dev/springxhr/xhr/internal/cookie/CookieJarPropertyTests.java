package dev.springxhr.xhr.internal.cookie;

import static dev.springxhr.xhr.support.HostileStrings.hostile;
import static dev.springxhr.xhr.support.HostileStrings.hostileOrLong;
import static dev.springxhr.xhr.support.HostileStrings.oneOf;
import static dev.springxhr.xhr.support.HostileStrings.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.springxhr.xhr.support.PropertyCheck;

/**
 * Properties of the cookie jar (RFC 6265bis §5.6 parsing, §5.7 storage, §5.8.3 retrieval) over generated
 * {@code Set-Cookie} strings: it never throws, never stores what could split a header or another cookie, never
 * stores a cookie for a public suffix or for a domain the response's host does not domain-match, and the
 * {@code Cookie} header gives back exactly the pairs stored. The clock is fixed.
 */
class CookieJarPropertyTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2015-10-01T12:00:00Z"), ZoneOffset.UTC);

	private static final String[] HOSTS = { "example.com", "www.example.com", "a.b.example.co.uk", "127.0.0.1",
			"localhost", "github.io", "user.github.io", "xn--bcher-kva.example" };

	private static final String[] DOMAINS = { "example.com", ".example.com", "com", ".com", "co.uk", "example.co.uk",
			"github.io", "user.github.io", "other.example", "evil.com", "xample.com", "127.0.0.1", "0.0.1",
			"EXAMPLE.COM", "example.com.", "", "localhost", "b\u00fccher.example" };

	private static final List<String> EDGES = List.of("", ";", "=", "a=b\r\nSet-Cookie: c=d", "a=b\0c", "a\nb=c",
			"a=b; Domain=com", "a=b; Domain=co.uk", "a=b; Domain=evil.com", "a=\"b;c\"", "a=b;;;", " = ; Path=/",
			"__Host-a=b; Path=/; Secure", "a=b; Max-Age=-1", "a=b; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
			"a=b; Domain=.example.com; Path=/x\r\n", "a=b; SameSite=None", "\u0100=\u0101", "a=\ud800");

	/** A Set-Cookie string: a name-value pair and some attributes, each a token, a hostile string or a trap. */
	static String setCookie(SplittableRandom random) {
		if (random.nextInt(5) == 0) {
			return hostileOrLong(random);
		}
		StringBuilder result = new StringBuilder();
		result.append(random.nextBoolean() ? token(random, 8) : hostile(random, 8));
		if (random.nextInt(6) > 0) {
			result.append('=').append(random.nextBoolean() ? token(random, 12) : hostile(random, 12));
		}
		int attributes = random.nextInt(5);
		for (int i = 0; i < attributes; i++) {
			result.append(random.nextBoolean() ? "; " : ";");
			result.append(switch (random.nextInt(8)) {
				case 0, 1 -> "Domain=" + oneOf(random, DOMAINS);
				case 2 -> "Path=" + (random.nextBoolean() ? "/" + token(random, 5) : hostile(random, 8));
				case 3 -> oneOf(random, "Secure", "HttpOnly", "SameSite=None", "SameSite=Lax", "SameSite=Strict");
				case 4 -> "Max-Age=" + oneOf(random, "0", "-1", "60", "99999999999999999999", hostile(random, 4));
				case 5 -> "Expires=" + oneOf(random, "Wed, 21 Oct 2015 07:28:00 GMT", "1 jan 1970",
						hostile(random, 12));
				default -> hostile(random, 10);
			});
		}
		return result.toString();
	}

	private static URI url(String host) {
		String authority = host.equals("127.0.0.1") || host.equals("localhost") ? host + ":8080" : host;
		return URI.create("https://" + authority + "/path/page");
	}

	/** RFC 6265bis §5.1.3 domain-match: the same string, or a suffix after a dot (host not an IP address). */
	private static boolean domainMatches(String host, String domain) {
		return host.equals(domain) || (host.endsWith("." + domain) && !host.equals("127.0.0.1"));
	}

	// RFC 6265bis §5.6 step 1 and §5.7: parsing never throws and drops any string with a control character, so
	// no stored name or value holds CR, LF, NUL or another CTL; the name-value pair ends at the first ';', so
	// neither holds a ';' either. §5.7 steps 5-6: no cookie is stored for a public suffix or a domain that the
	// request host does not domain-match.
	@Test
	void storedCookiesCannotSplitAHeaderNorLandOnAForeignDomainOrAPublicSuffix() {
		PublicSuffixList suffixes = PublicSuffixList.instance();
		PropertyCheck.forAll(20240851L, 4000, (random) -> List.of(oneOf(random, HOSTS), setCookie(random),
				setCookie(random)), EDGES.stream().map((edge) -> List.of("www.example.com", edge, "")).toList(),
				(input) -> {
					CookieJar store = new CookieJar(CLOCK, suffixes);
					String host = input.get(0);
					store.store(url(host), input.subList(1, 3), true);
					for (StoredCookie cookie : store.cookies()) {
						for (String part : List.of(cookie.name(), cookie.value())) {
							assertThat(part.chars().noneMatch((c) -> (c <= 0x1F && c != '\t') || c == 0x7F || c == ';'))
								.as("name or value %s", part)
								.isTrue();
						}
						assertThat(domainMatches(host, cookie.domain())).as("domain %s for host %s", cookie.domain(), host)
							.isTrue();
						if (!cookie.hostOnly()) {
							assertThat(suffixes.isPublicSuffix(cookie.domain())).as("public suffix %s", cookie.domain())
								.isFalse();
						}
					}
					String header = store.cookieHeader(url(host), true);
					if (header != null) {
						assertThat(header).doesNotContain("\r", "\n", "\0");
					}
				});
	}

	// RFC 6265bis §5.8.3 step 4: the Cookie header is the stored pairs, "name=value" separated by "; ", so
	// splitting it gives back each stored cookie once (in creation order, which a replacement keeps: §5.7 step 23).
	@Test
	void theCookieHeaderRoundTripsTheStoredPairs() {
		PropertyCheck.forAll(20240852L, 3000, (random) -> {
			List<String> setCookies = new ArrayList<>();
			int count = random.nextInt(1, 6);
			for (int i = 0; i < count; i++) {
				// cookie-octets for the value (no CTL, whitespace, DQUOTE, comma, semicolon, backslash)
				String value = token(random, 10).replace("\"", "").replace(",", "").replace("\\", "");
				setCookies.add(token(random, 6).replace("=", "") + "=" + value + "; Path=/path");
			}
			return setCookies;
		}, (setCookies) -> {
			CookieJar store = new CookieJar(CLOCK, PublicSuffixList.instance());
			store.store(url("example.com"), setCookies, true);
			String header = store.cookieHeader(url("example.com"), true);
			List<String> expected = store.cookies().stream().map((cookie) -> cookie.name() + "=" + cookie.value())
				.toList();
			assertThat(expected).isNotEmpty();
			assertThat(header).isNotNull();
			assertThat(List.of(header.split("; ", -1))).containsExactlyInAnyOrderElementsOf(expected);
		});
	}

}
