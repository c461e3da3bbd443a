package dev.springxhr.xhr.internal.cookie;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.http.HttpTokens;
import dev.springxhr.xhr.internal.url.IpLiteralSyntax;
import dev.springxhr.xhr.internal.url.IpLiterals;

/**
 * A browser's cookie jar: the storage and retrieval models of RFC 6265bis, with the choices browsers make where
 * it leaves them open (public suffixes rejected as cookie domains, "Lax" for cookies without a valid SameSite
 * attribute, Chromium's 180 cookies a site and a total of 3000). Ports are ignored, as in browsers. Meant to be
 * one per {@link XhrFactory}, serving all its requests; it is thread-safe.
 * <p>A request URL is "secure" when its scheme is {@code https} or {@code wss}, or when its host is a loopback
 * host ({@code localhost}, {@code *.localhost}, {@code 127.0.0.0/8}, {@code [::1]}), which browsers treat as
 * potentially trustworthy.
 *
 * @see <a href="https://datatracker.ietf.org/doc/draft-ietf-httpbis-rfc6265bis/">draft-ietf-httpbis-rfc6265bis</a>
 */
public final class CookieStore {

	/** Chromium's limit of cookies a registrable domain (RFC 6265bis §6.1 asks for at least 50). */
	static final int MAX_COOKIES_PER_DOMAIN = 180;

	/** The limit of cookies in the store (RFC 6265bis §6.1 asks for at least 3000). */
	static final int MAX_COOKIES = 3000;

	/** RFC 6265bis §5.6.1 and §5.6.2 "cookie-age-limit": no cookie lives longer than 400 days. */
	static final Duration COOKIE_AGE_LIMIT = Duration.ofDays(400);

	// RFC 6265bis §5.6 steps 5 and 6 of the attribute parsing.
	private static final int MAX_NAME_VALUE_OCTETS = 4096;

	private static final int MAX_ATTRIBUTE_VALUE_OCTETS = 1024;

	private static final String[] MONTHS = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
			"nov", "dec" };

	private final Clock clock;

	private final PublicSuffixList suffixes;

	private final Object lock = new Object();

	// Guarded by lock; in insertion order.
	private final List<Entry> entries = new ArrayList<>();

	// Guarded by lock: orders creations (for equal creation times) and accesses (the LRU order of eviction).
	private long sequence;

	public CookieStore(Clock clock, PublicSuffixList suffixes) {
		this.clock = clock;
		this.suffixes = suffixes;
	}

	/**
	 * Store the cookies of a response: RFC 6265bis §5.6 parsing and §5.7 storage model for each
	 * {@code Set-Cookie} field value. Cookies the algorithm ignores are dropped silently, as browsers do.
	 * @param requestUrl the URL of the request the response answers
	 * @param setCookieValues the values of its {@code Set-Cookie} header fields, one cookie each
	 * @param sameSiteRequest whether the request was same-site (RFC 6265bis §5.2); a cross-site response can only
	 * set {@code SameSite=None} cookies
	 */
	public void store(URI requestUrl, List<String> setCookieValues, boolean sameSiteRequest) {
		String host = cookieHost(requestUrl);
		if (host == null || setCookieValues.isEmpty()) {
			return;
		}
		boolean secureUrl = isSecure(requestUrl, host);
		synchronized (this.lock) {
			Instant now = this.clock.instant();
			for (String setCookieString : setCookieValues) {
				SetCookie parsed = parse(setCookieString, now);
				if (parsed != null) {
					receive(parsed, requestUrl, host, secureUrl, sameSiteRequest, now);
				}
			}
		}
	}

	/**
	 * The {@code Cookie} header value for a request: RFC 6265bis §5.8.3 retrieval algorithm for an HTTP API,
	 * which updates the last-access time of the cookies it returns. XHR is never a top-level navigation, so
	 * {@code SameSite=Lax} cookies are as cross-site as {@code Strict} ones.
	 * @param requestUrl the request's URL
	 * @param sameSiteRequest whether the request is same-site (RFC 6265bis §5.2)
	 * @return {@code name=value} pairs separated by {@code "; "}, or {@code null} when no cookie applies
	 */
	public @Nullable String cookieHeader(URI requestUrl, boolean sameSiteRequest) {
		String host = cookieHost(requestUrl);
		if (host == null) {
			return null;
		}
		boolean secureUrl = isSecure(requestUrl, host);
		String requestPath = requestPath(requestUrl);
		synchronized (this.lock) {
			Instant now = this.clock.instant();
			removeExpired(now);
			// §5.8.3 step 1: domain-match (host-only cookies: identical hosts), path-match, Secure, SameSite.
			List<Entry> matching = new ArrayList<>();
			for (Entry entry : this.entries) {
				StoredCookie cookie = entry.cookie;
				boolean domainMatches = cookie.hostOnly() ? host.equals(cookie.domain())
						: domainMatches(host, cookie.domain());
				if (domainMatches && pathMatches(requestPath, cookie.path()) && (secureUrl || !cookie.secure())
						&& (sameSiteRequest || cookie.sameSite() == SameSite.NONE)) {
					matching.add(entry);
				}
			}
			if (matching.isEmpty()) {
				return null;
			}
			// Step 2: longer paths first, then earlier creation times.
			matching.sort(Comparator.<Entry>comparingInt((entry) -> entry.cookie.path().length())
				.reversed()
				.thenComparing((entry) -> entry.cookie.creation())
				.thenComparingLong((entry) -> entry.creationOrder));
			StringBuilder header = new StringBuilder();
			for (Entry entry : matching) {
				// Step 3: update the last-access time.
				entry.accessOrder = ++this.sequence;
				// Step 4: "name=value", or only the value of a nameless cookie, separated by "; ".
				if (!header.isEmpty()) {
					header.append("; ");
				}
				if (!entry.cookie.name().isEmpty()) {
					header.append(entry.cookie.name()).append('=');
				}
				header.append(entry.cookie.value());
			}
			return header.toString();
		}
	}

	/** Remove every cookie. */
	void clear() {
		synchronized (this.lock) {
			this.entries.clear();
		}
	}

	/** The cookies that have not expired, in the order they were stored: an immutable snapshot. */
	List<StoredCookie> cookies() {
		synchronized (this.lock) {
			removeExpired(this.clock.instant());
			List<StoredCookie> cookies = new ArrayList<>(this.entries.size());
			for (Entry entry : this.entries) {
				cookies.add(entry.cookie);
			}
			return List.copyOf(cookies);
		}
	}

	// RFC 6265bis §5.7 storage model, steps 2 onwards (parsing already ignored CTLs and oversize cookies).
	private void receive(SetCookie parsed, URI requestUrl, String host, boolean secureUrl, boolean sameSiteRequest,
			Instant now) {
		// Step 2: a cookie needs a name or a value.
		if (parsed.name().isEmpty() && parsed.value().isEmpty()) {
			return;
		}
		// Step 6: Max-Age wins over Expires; neither makes a session cookie.
		Instant expiry = (parsed.maxAge() != null) ? parsed.maxAge() : parsed.expires();
		// Step 7.
		String domainAttribute = (parsed.domain() != null) ? parsed.domain() : "";
		// Step 8: a Domain attribute must be ASCII (punycode).
		for (int i = 0; i < domainAttribute.length(); i++) {
			if (domainAttribute.charAt(i) >= 0x80) {
				return;
			}
		}
		if (!domainAttribute.isEmpty() && PublicSuffixList.isIpAddress(host)) {
			// §5.1.3: an IP address only domain-matches itself; browsers then make the cookie host-only.
			if (!domainAttribute.equals(host)) {
				return;
			}
			domainAttribute = "";
		}
		// Step 9: a public suffix is no cookie domain, unless it is the request host (then host-only).
		if (!domainAttribute.isEmpty() && this.suffixes.isPublicSuffix(domainAttribute)) {
			if (!domainAttribute.equals(host)) {
				return;
			}
			domainAttribute = "";
		}
		// Step 10.
		boolean hostOnly = domainAttribute.isEmpty();
		if (!hostOnly && !domainMatches(host, domainAttribute)) {
			return;
		}
		String domain = hostOnly ? host : domainAttribute;
		// Step 11.
		String path = (parsed.path() != null) ? parsed.path() : defaultPath(requestUrl);
		// Steps 12-13: only a secure URL sets a Secure cookie.
		if (parsed.secure() && !secureUrl) {
			return;
		}
		// Step 16 "leave secure cookies alone": an insecure URL cannot shadow a Secure cookie.
		if (!parsed.secure() && !secureUrl) {
			for (Entry entry : this.entries) {
				StoredCookie existing = entry.cookie;
				if (existing.secure() && existing.name().equals(parsed.name())
						&& (domainMatches(existing.domain(), domain) || domainMatches(domain, existing.domain()))
						&& pathMatches(path, existing.path())) {
					return;
				}
			}
		}
		// Step 17: browsers (Chromium's "Lax by default") treat a missing or unknown SameSite value as Lax.
		SameSite sameSite = (parsed.sameSite() != null) ? parsed.sameSite() : SameSite.LAX;
		// Step 18: a cross-site response, never a top-level navigation with XHR, sets SameSite=None cookies only.
		if (sameSite != SameSite.NONE && !sameSiteRequest) {
			return;
		}
		// Step 19: SameSite=None requires Secure.
		if (sameSite == SameSite.NONE && !parsed.secure()) {
			return;
		}
		// Steps 20-21: cookie prefixes, matched case-insensitively.
		if (startsWithIgnoreCase(parsed.name(), "__Secure-") && !parsed.secure()) {
			return;
		}
		if (startsWithIgnoreCase(parsed.name(), "__Host-")
				&& (!parsed.secure() || !hostOnly || parsed.path() == null || !parsed.path().equals("/"))) {
			return;
		}
		// Step 22: a nameless cookie must not look like a prefixed one in the Cookie header.
		if (parsed.name().isEmpty()
				&& (startsWithIgnoreCase(parsed.value(), "__Secure-")
						|| startsWithIgnoreCase(parsed.value(), "__Host-"))) {
			return;
		}
		// Step 5: the creation time, which step 23 carries over from the cookie this one replaces.
		Instant creation = now;
		long creationOrder = ++this.sequence;
		for (int i = 0; i < this.entries.size(); i++) {
			StoredCookie old = this.entries.get(i).cookie;
			if (old.name().equals(parsed.name()) && old.domain().equals(domain) && old.hostOnly() == hostOnly
					&& old.path().equals(path)) {
				creation = old.creation();
				creationOrder = this.entries.get(i).creationOrder;
				this.entries.remove(i);
				break;
			}
		}
		// Step 24.
		StoredCookie cookie = new StoredCookie(parsed.name(), parsed.value(), domain, hostOnly, path, expiry,
				parsed.secure(), parsed.httpOnly(), sameSite, creation);
		Entry entry = new Entry(cookie, quotaKey(domain), creationOrder);
		entry.accessOrder = ++this.sequence;
		this.entries.add(entry);
		// §5.7: expired cookies are evicted at once (this is how Max-Age=0 deletes), then excess ones.
		removeExpired(now);
		removeExcess(entry.quotaKey);
	}

	private void removeExpired(Instant now) {
		this.entries.removeIf((entry) -> entry.cookie.isExpired(now));
	}

	/**
	 * RFC 6265bis §5.7 "removes excess cookies": expired ones are already gone; then, within a registrable domain
	 * over its quota, cookies that are not Secure first, then any, least recently accessed first; then, over the
	 * total limit, the least recently accessed of all.
	 */
	private void removeExcess(String quotaKey) {
		List<Entry> domainEntries = new ArrayList<>();
		for (Entry entry : this.entries) {
			if (entry.quotaKey.equals(quotaKey)) {
				domainEntries.add(entry);
			}
		}
		if (domainEntries.size() > MAX_COOKIES_PER_DOMAIN) {
			domainEntries.sort(Comparator.<Entry, Boolean>comparing((entry) -> entry.cookie.secure())
				.thenComparingLong((entry) -> entry.accessOrder));
			evict(domainEntries.subList(0, domainEntries.size() - MAX_COOKIES_PER_DOMAIN));
		}
		if (this.entries.size() > MAX_COOKIES) {
			List<Entry> all = new ArrayList<>(this.entries);
			all.sort(Comparator.comparingLong((entry) -> entry.accessOrder));
			evict(all.subList(0, all.size() - MAX_COOKIES));
		}
	}

	private void evict(List<Entry> victims) {
		// Identity, not equality: an Entry is its own key.
		Set<Entry> set = Collections.newSetFromMap(new IdentityHashMap<>());
		set.addAll(victims);
		this.entries.removeIf(set::contains);
	}

	/** The registrable domain a cookie's domain counts against, or the domain itself when it has none. */
	private String quotaKey(String domain) {
		String registrable = this.suffixes.registrableDomain(domain);
		return (registrable != null) ? registrable : domain;
	}

	/**
	 * RFC 6265bis §5.6 "set-cookie-string" parsing.
	 * @return the cookie's name, value and the attributes storage uses (the last of each), or {@code null} when
	 * the string is to be ignored entirely
	 */
	static @Nullable SetCookie parse(String setCookieString, Instant now) {
		// Step 1: a control character other than HTAB anywhere ignores the whole string.
		for (int i = 0; i < setCookieString.length(); i++) {
			char c = setCookieString.charAt(i);
			if ((c <= 0x1F && c != 0x09) || c == 0x7F) {
				return null;
			}
		}
		// Step 2: the name-value-pair ends at the first ';'.
		int semicolon = setCookieString.indexOf(';');
		String nameValuePair = (semicolon >= 0) ? setCookieString.substring(0, semicolon) : setCookieString;
		// Step 3: no '=' makes a nameless cookie; else the name ends at the first '='.
		int equals = nameValuePair.indexOf('=');
		String name = (equals >= 0) ? nameValuePair.substring(0, equals) : "";
		String value = (equals >= 0) ? nameValuePair.substring(equals + 1) : nameValuePair;
		// Step 4.
		name = trimWsp(name);
		value = trimWsp(value);
		// Step 5.
		if (octets(name) + octets(value) > MAX_NAME_VALUE_OCTETS) {
			return null;
		}
		SetCookie cookie = new SetCookie(name, value);
		int position = semicolon;
		while (position >= 0) {
			// Attribute steps 2-3: skip the ';', the cookie-av runs to the next one.
			int next = setCookieString.indexOf(';', position + 1);
			String cookieAv = setCookieString.substring(position + 1, (next >= 0) ? next : setCookieString.length());
			position = next;
			// Steps 4-5.
			int avEquals = cookieAv.indexOf('=');
			String attributeName = trimWsp((avEquals >= 0) ? cookieAv.substring(0, avEquals) : cookieAv);
			String attributeValue = (avEquals >= 0) ? trimWsp(cookieAv.substring(avEquals + 1)) : "";
			// Step 6: an oversize attribute value ignores the cookie-av.
			if (octets(attributeValue) > MAX_ATTRIBUTE_VALUE_OCTETS) {
				continue;
			}
			// Step 7: attribute names are case-insensitive; unknown ones are ignored.
			cookie = cookie.with(HttpTokens.toAsciiLowerCase(attributeName), attributeValue, now);
		}
		return cookie;
	}

	/**
	 * RFC 6265bis §5.1.1 "cookie-date" parsing, the algorithm that accepts every date format servers have sent:
	 * date-tokens between delimiters, the first of each kind (time, day of month, month, year) counts.
	 * @return the instant (UTC), or {@code null} when the string does not parse
	 */
	static @Nullable Instant parseCookieDate(String cookieDate) {
		int hour = -1;
		int minute = -1;
		int second = -1;
		int dayOfMonth = -1;
		int month = -1;
		int year = -1;
		int length = cookieDate.length();
		int position = 0;
		// Step 1: date-tokens are runs of non-delimiters.
		while (position < length) {
			while (position < length && isDateDelimiter(cookieDate.charAt(position))) {
				position++;
			}
			int start = position;
			while (position < length && !isDateDelimiter(cookieDate.charAt(position))) {
				position++;
			}
			if (start == position) {
				break;
			}
			String token = cookieDate.substring(start, position);
			// Step 2.1: time = hms-time [ non-digit *OCTET ].
			if (hour < 0) {
				int[] time = parseTime(token);
				if (time != null) {
					hour = time[0];
					minute = time[1];
					second = time[2];
					continue;
				}
			}
			// Step 2.2: day-of-month = 1*2DIGIT [ non-digit *OCTET ].
			if (dayOfMonth < 0) {
				int day = leadingNumber(token, 0, 1, 2);
				if (day >= 0) {
					dayOfMonth = day;
					continue;
				}
			}
			// Step 2.3: month = ( "jan" / ... / "dec" ) *OCTET, case-insensitively.
			if (month < 0) {
				int found = month(token);
				if (found > 0) {
					month = found;
					continue;
				}
			}
			// Step 2.4: year = 2*4DIGIT [ non-digit *OCTET ].
			if (year < 0) {
				year = leadingNumber(token, 0, 2, 4);
			}
		}
		// Steps 3-4: two-digit years: 70-99 are 19xx, 00-69 are 20xx.
		if (year >= 70 && year <= 99) {
			year += 1900;
		}
		else if (year >= 0 && year <= 69) {
			year += 2000;
		}
		// Step 5.
		if (hour < 0 || dayOfMonth < 0 || month < 0 || year < 0 || dayOfMonth < 1 || dayOfMonth > 31
				|| year < 1601 || hour > 23 || minute > 59 || second > 59) {
			return null;
		}
		// Step 6: the date must exist (no 31 February).
		if (dayOfMonth > YearMonth.of(year, month).lengthOfMonth()) {
			return null;
		}
		return LocalDateTime.of(year, month, dayOfMonth, hour, minute, second).toInstant(ZoneOffset.UTC);
	}

	/** hms-time = time-field ":" time-field ":" time-field, time-field = 1*2DIGIT, then a non-digit or the end. */
	private static int @Nullable [] parseTime(String token) {
		int[] fields = new int[3];
		int position = 0;
		for (int i = 0; i < 3; i++) {
			int end = digitsEnd(token, position);
			if (end - position < 1 || end - position > 2) {
				return null;
			}
			fields[i] = Integer.parseInt(token, position, end, 10);
			if (i < 2) {
				if (end >= token.length() || token.charAt(end) != ':') {
					return null;
				}
				position = end + 1;
			}
		}
		return fields;
	}

	/** The number of minDigits to maxDigits leading digits (a non-digit or the end after them), or -1. */
	private static int leadingNumber(String token, int start, int minDigits, int maxDigits) {
		int end = digitsEnd(token, start);
		if (end - start < minDigits || end - start > maxDigits) {
			return -1;
		}
		return Integer.parseInt(token, start, end, 10);
	}

	private static int digitsEnd(String token, int start) {
		int end = start;
		while (end < token.length() && token.charAt(end) >= '0' && token.charAt(end) <= '9') {
			end++;
		}
		return end;
	}

	private static int month(String token) {
		if (token.length() >= 3) {
			for (int i = 0; i < MONTHS.length; i++) {
				if (token.regionMatches(true, 0, MONTHS[i], 0, 3)) {
					return i + 1;
				}
			}
		}
		return -1;
	}

	// delimiter = %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E
	private static boolean isDateDelimiter(char c) {
		return c == 0x09 || (c >= 0x20 && c <= 0x2F) || (c >= 0x3B && c <= 0x40) || (c >= 0x5B && c <= 0x60)
				|| (c >= 0x7B && c <= 0x7E);
	}

	/**
	 * RFC 6265bis §5.1.3 "domain-match": identical, or the domain string is a suffix of the string after a '.'
	 * and the string is a host name, not an IP address.
	 */
	static boolean domainMatches(String string, String domainString) {
		if (string.equals(domainString)) {
			return true;
		}
		return string.endsWith(domainString) && string.length() > domainString.length()
				&& string.charAt(string.length() - domainString.length() - 1) == '.'
				&& !PublicSuffixList.isIpAddress(string);
	}

	/**
	 * RFC 6265bis §5.1.4 "path-match": identical, or the cookie path is a prefix of the request path that ends in
	 * '/' or is followed by '/' in it.
	 */
	static boolean pathMatches(String requestPath, String cookiePath) {
		if (requestPath.equals(cookiePath)) {
			return true;
		}
		return requestPath.startsWith(cookiePath)
				&& (cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/');
	}

	/** RFC 6265bis §5.1.4 "default-path": the request path up to, not including, its right-most '/'. */
	static String defaultPath(URI requestUrl) {
		// Step 1.
		String uriPath = requestUrl.getRawPath();
		// Step 2.
		if (uriPath == null || uriPath.isEmpty() || uriPath.charAt(0) != '/') {
			return "/";
		}
		// Steps 3-4.
		int lastSlash = uriPath.lastIndexOf('/');
		return (lastSlash == 0) ? "/" : uriPath.substring(0, lastSlash);
	}

	private static String requestPath(URI requestUrl) {
		String path = requestUrl.getRawPath();
		return (path == null || path.isEmpty()) ? "/" : path;
	}

	/** The canonicalized host of a URL cookies are for ({@code http}, {@code https}, {@code ws}, {@code wss}). */
	private static @Nullable String cookieHost(URI url) {
		String scheme = url.getScheme();
		String host = url.getHost();
		if (scheme == null || host == null || host.isEmpty()) {
			return null;
		}
		scheme = HttpTokens.toAsciiLowerCase(scheme);
		if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("ws") && !scheme.equals("wss")) {
			return null;
		}
		return HttpTokens.toAsciiLowerCase(host);
	}

	/** Whether the URL denotes a "secure" connection: a secure scheme, or a loopback host. */
	static boolean isSecure(URI url, String host) {
		String scheme = HttpTokens.toAsciiLowerCase(String.valueOf(url.getScheme()));
		return scheme.equals("https") || scheme.equals("wss") || isLoopback(host);
	}

	/**
	 * Secure Contexts §3.1 "potentially trustworthy" hosts: {@code localhost} and its subdomains, 127.0.0.0/8 and
	 * ::1.
	 */
	static boolean isLoopback(String host) {
		if (host.equals("localhost") || host.endsWith(".localhost")) {
			return true;
		}
		// The IP address test of the cookie rules (PublicSuffixList.isIpAddress): zero-padded numbers allowed.
		int[] ipv4 = IpLiterals.ipv4Octets(host, IpLiteralSyntax.ZERO_PADDED);
		if (ipv4 != null) {
			return ipv4[0] == 127;
		}
		int[] ipv6 = IpLiterals.ipv6Pieces(IpLiterals.withoutBrackets(host), IpLiteralSyntax.ZERO_PADDED);
		if (ipv6 != null) {
			for (int i = 0; i < 7; i++) {
				if (ipv6[i] != 0) {
					return false;
				}
			}
			return ipv6[7] == 1;
		}
		return false;
	}

	private static boolean startsWithIgnoreCase(String text, String prefix) {
		return text.regionMatches(true, 0, prefix, 0, prefix.length());
	}

	// WSP = SP / HTAB
	private static String trimWsp(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
			start++;
		}
		while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
			end--;
		}
		return text.substring(start, end);
	}

	/**
	 * The octets a header string stands for: header bytes are decoded one char a byte (ISO-8859-1), so a char up
	 * to U+00FF is one octet; a string decoded otherwise counts its UTF-8 bytes.
	 */
	private static int octets(String text) {
		int octets = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c <= 0xFF) {
				octets++;
			}
			else if (c <= 0x7FF) {
				octets += 2;
			}
			else if (Character.isHighSurrogate(c)) {
				octets += 2;
			}
			else {
				octets += (Character.isLowSurrogate(c)) ? 2 : 3;
			}
		}
		return octets;
	}

	/** RFC 6265bis §5.6.7 {@code SameSite} enforcement modes ("Default" is stored as {@link #LAX}). */
	enum SameSite {

		STRICT, LAX, NONE

	}

	/**
	 * A cookie as the store holds it (RFC 6265bis §5.7 cookie fields). Its {@link #toString()} never shows the
	 * value: cookies are credentials.
	 * @param expiry the expiry time, or {@code null} for a session cookie (no Max-Age or Expires)
	 */
	record StoredCookie(String name, String value, String domain, boolean hostOnly, String path,
			@Nullable Instant expiry, boolean secure, boolean httpOnly, SameSite sameSite, Instant creation) {

		boolean isExpired(Instant now) {
			return this.expiry != null && !this.expiry.isAfter(now);
		}

		@Override
		public String toString() {
			return "StoredCookie[name=" + this.name + ", value=<redacted>, domain=" + this.domain + ", hostOnly="
					+ this.hostOnly + ", path=" + this.path + ", expiry=" + this.expiry + ", secure=" + this.secure
					+ ", httpOnly=" + this.httpOnly + ", sameSite=" + this.sameSite + ", creation=" + this.creation
					+ "]";
		}

	}

	/**
	 * A parsed set-cookie-string: the name, value and the last valid value of each attribute (RFC 6265bis §5.7
	 * uses the last).
	 * @param maxAge the expiry time from Max-Age
	 * @param expires the expiry time from Expires
	 * @param path the Path attribute, {@code null} when there is none or the last one is empty or does not start
	 * with '/' (§5.6.4: then the default-path applies)
	 * @param sameSite the SameSite enforcement, {@code null} for "Default" (none, or an unknown value)
	 */
	record SetCookie(String name, String value, @Nullable Instant maxAge, @Nullable Instant expires,
			@Nullable String domain, @Nullable String path, boolean secure, boolean httpOnly,
			@Nullable SameSite sameSite) {

		SetCookie(String name, String value) {
			this(name, value, null, null, null, null, false, false, null);
		}

		/** This with the cookie-av processed by RFC 6265bis §5.6.1-§5.6.7 (unknown attribute names ignored). */
		SetCookie with(String attributeName, String attributeValue, Instant now) {
			switch (attributeName) {
				case "expires" -> {
					// §5.6.1: an unparseable date ignores the cookie-av; no date is past the cookie-age-limit.
					Instant expiry = parseCookieDate(attributeValue);
					if (expiry == null) {
						return this;
					}
					Instant limit = now.plus(COOKIE_AGE_LIMIT);
					return new SetCookie(this.name, this.value, this.maxAge,
							expiry.isAfter(limit) ? limit : expiry, this.domain, this.path,
							this.secure, this.httpOnly, this.sameSite);
				}
				case "max-age" -> {
					Instant expiry = maxAgeExpiry(attributeValue, now);
					if (expiry == null) {
						return this;
					}
					return new SetCookie(this.name, this.value, expiry, this.expires, this.domain, this.path,
							this.secure, this.httpOnly, this.sameSite);
				}
				case "domain" -> {
					// §5.6.3: an empty Domain is ignored; a leading '.' is dropped.
					if (attributeValue.isEmpty()) {
						return this;
					}
					String domain = HttpTokens.toAsciiLowerCase(
							attributeValue.startsWith(".") ? attributeValue.substring(1) : attributeValue);
					return new SetCookie(this.name, this.value, this.maxAge, this.expires, domain, this.path,
							this.secure, this.httpOnly, this.sameSite);
				}
				case "path" -> {
					// §5.6.4: a value that is empty or does not start with '/' means the default-path.
					boolean isDefault = attributeValue.isEmpty() || attributeValue.charAt(0) != '/';
					return new SetCookie(this.name, this.value, this.maxAge, this.expires, this.domain,
							isDefault ? null : attributeValue, this.secure, this.httpOnly, this.sameSite);
				}
				case "secure" -> {
					return new SetCookie(this.name, this.value, this.maxAge, this.expires, this.domain, this.path,
							true, this.httpOnly, this.sameSite);
				}
				case "httponly" -> {
					return new SetCookie(this.name, this.value, this.maxAge, this.expires, this.domain, this.path,
							this.secure, true, this.sameSite);
				}
				case "samesite" -> {
					// §5.6.7: "None", "Strict" or "Lax" case-insensitively; any other value is "Default".
					SameSite sameSite = switch (HttpTokens.toAsciiLowerCase(attributeValue)) {
						case "none" -> SameSite.NONE;
						case "strict" -> SameSite.STRICT;
						case "lax" -> SameSite.LAX;
						default -> null;
					};
					return new SetCookie(this.name, this.value, this.maxAge, this.expires, this.domain, this.path,
							this.secure, this.httpOnly, sameSite);
				}
				default -> {
					return this;
				}
			}
		}

		/** RFC 6265bis §5.6.2 Max-Age: an optional '-' and digits; at most the cookie-age-limit. */
		private static @Nullable Instant maxAgeExpiry(String attributeValue, Instant now) {
			boolean negative = attributeValue.startsWith("-");
			String digits = negative ? attributeValue.substring(1) : attributeValue;
			if (digits.isEmpty() || digitsEnd(digits, 0) != digits.length()) {
				return null;
			}
			if (negative) {
				// delta-seconds <= 0: the earliest representable time, so the cookie is expired.
				return Instant.MIN;
			}
			long limit = COOKIE_AGE_LIMIT.toSeconds();
			String significant = digits.replaceFirst("^0+", "");
			long deltaSeconds = (significant.length() > 12) ? limit
					: Math.min(Long.parseLong("0" + significant), limit);
			return (deltaSeconds <= 0) ? Instant.MIN : now.plusSeconds(deltaSeconds);
		}

	}

	/** A stored cookie with the store's bookkeeping, guarded by the store's lock. */
	private static final class Entry {

		final StoredCookie cookie;

		final String quotaKey;

		final long creationOrder;

		long accessOrder;

		Entry(StoredCookie cookie, String quotaKey, long creationOrder) {
			this.cookie = cookie;
			this.quotaKey = quotaKey;
			this.creationOrder = creationOrder;
		}

	}

}
