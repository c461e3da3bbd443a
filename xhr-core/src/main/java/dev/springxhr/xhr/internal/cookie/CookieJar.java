package dev.springxhr.xhr.internal.cookie;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import static dev.springxhr.xhr.internal.cookie.CookieMatching.domainMatches;
import static dev.springxhr.xhr.internal.cookie.CookieMatching.pathMatches;
import static dev.springxhr.xhr.internal.cookie.CookieMatching.startsWithIgnoreCase;

/**
 * A browser's cookie jar: the storage and retrieval models of RFC 6265bis, with the choices browsers make where
 * it leaves them open (public suffixes rejected as cookie domains, "Lax" for cookies without a valid SameSite
 * attribute, Chromium's 180 cookies a site and a total of 3000). Ports are ignored, as in browsers. Meant to be
 * one per {@code XhrFactory}, serving all its requests; it is thread-safe.
 * <p>A request URL is "secure" when its scheme is {@code https} or {@code wss}, or when its host is a loopback
 * host ({@code localhost}, {@code *.localhost}, {@code 127.0.0.0/8}, {@code [::1]}), which browsers treat as
 * potentially trustworthy.
 *
 * @see <a href="https://datatracker.ietf.org/doc/draft-ietf-httpbis-rfc6265bis/">draft-ietf-httpbis-rfc6265bis</a>
 */
public final class CookieJar implements CookieAccess {

	/** Chromium's limit of cookies a registrable domain (RFC 6265bis §6.1 asks for at least 50). */
	static final int MAX_COOKIES_PER_DOMAIN = 180;

	/** The limit of cookies in the jar (RFC 6265bis §6.1 asks for at least 3000). */
	static final int MAX_COOKIES = 3000;

	private final Clock clock;

	private final PublicSuffixList suffixes;

	private final Object lock = new Object();

	// Guarded by lock; in insertion order.
	private final List<Entry> entries = new ArrayList<>();

	// Guarded by lock: orders creations (for equal creation times) and accesses (the LRU order of eviction).
	private long sequence;

	/**
	 * An empty jar.
	 * @param clock the clock of creation, expiry and last-access times
	 * @param suffixes the public suffixes no cookie may be set for, and the registrable domains quotas count by
	 */
	public CookieJar(Clock clock, PublicSuffixList suffixes) {
		this.clock = clock;
		this.suffixes = suffixes;
	}

	/** As {@link #store(URI, String, List, boolean)}, with the URI's raw path as the request's path. */
	public void store(URI requestUrl, List<String> setCookieValues, boolean sameSiteRequest) {
		store(requestUrl, CookieUrls.requestPath(requestUrl), setCookieValues, sameSiteRequest);
	}

	/**
	 * Store the cookies of a response: RFC 6265bis §5.6 parsing and §5.7 storage model for each
	 * {@code Set-Cookie} field value. Cookies the algorithm ignores are dropped silently, as browsers do.
	 * @param requestUrl the URL of the request the response answers
	 * @param requestPath its path as the URL Standard serializes it, a cookie without {@code Path} defaults to
	 * @param setCookieValues the values of its {@code Set-Cookie} header fields, one cookie each
	 * @param sameSiteRequest whether the request was same-site (RFC 6265bis §5.2); a cross-site response can only
	 * set {@code SameSite=None} cookies
	 */
	@Override
	public void store(URI requestUrl, String requestPath, List<String> setCookieValues, boolean sameSiteRequest) {
		String host = CookieUrls.cookieHost(requestUrl);
		if (host == null || setCookieValues.isEmpty()) {
			return;
		}
		boolean secureUrl = CookieUrls.isSecure(requestUrl, host);
		synchronized (this.lock) {
			Instant now = this.clock.instant();
			for (String setCookieString : setCookieValues) {
				SetCookie parsed = SetCookieParser.parse(setCookieString, now);
				if (parsed != null) {
					receive(parsed, requestPath, host, secureUrl, sameSiteRequest, now);
				}
			}
		}
	}

	/** As {@link #cookieHeader(URI, String, boolean)}, with the URI's raw path as the request's path. */
	public @Nullable String cookieHeader(URI requestUrl, boolean sameSiteRequest) {
		return cookieHeader(requestUrl, CookieUrls.requestPath(requestUrl), sameSiteRequest);
	}

	/**
	 * The {@code Cookie} header value for a request: RFC 6265bis §5.8.3 retrieval algorithm for an HTTP API,
	 * which updates the last-access time of the cookies it returns. XHR is never a top-level navigation, so
	 * {@code SameSite=Lax} cookies are as cross-site as {@code Strict} ones.
	 * @param requestUrl the request's URL
	 * @param requestPath its path as the URL Standard serializes it, which cookies' paths are matched against
	 * @param sameSiteRequest whether the request is same-site (RFC 6265bis §5.2)
	 * @return {@code name=value} pairs separated by {@code "; "}, or {@code null} when no cookie applies
	 */
	@Override
	public @Nullable String cookieHeader(URI requestUrl, String requestPath, boolean sameSiteRequest) {
		String host = CookieUrls.cookieHost(requestUrl);
		if (host == null) {
			return null;
		}
		boolean secureUrl = CookieUrls.isSecure(requestUrl, host);
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
	public void clear() {
		synchronized (this.lock) {
			this.entries.clear();
		}
	}

	/**
	 * Remove one cookie.
	 * @param name its name
	 * @param domain its domain, as stored (lower case, without a leading dot)
	 * @param path its path
	 * @return whether there was such a cookie
	 */
	public boolean remove(String name, String domain, String path) {
		synchronized (this.lock) {
			return this.entries.removeIf((entry) -> entry.cookie.name().equals(name)
					&& entry.cookie.domain().equals(domain) && entry.cookie.path().equals(path));
		}
	}

	/**
	 * The cookies that have not expired, in the order they were stored: an immutable snapshot.
	 * @return the cookies
	 */
	public List<StoredCookie> cookies() {
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
	private void receive(SetCookie parsed, String requestPath, String host, boolean secureUrl, boolean sameSiteRequest,
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
		String path = (parsed.path() != null) ? parsed.path() : CookieUrls.defaultPath(requestPath);
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
	 * The jar's state as text (its cookies with their creation and access order), for a store that keeps it
	 * outside this JVM; {@link #decode} makes the same jar of it.
	 * @return the state, {@code null} when the jar is empty
	 */
	public @Nullable String encode() {
		synchronized (this.lock) {
			return this.entries.isEmpty() ? null : CookieJarText.encode(this.entries, this.sequence);
		}
	}

	/**
	 * A jar of the state {@link #encode()} gave.
	 * @param state the state, {@code null} for an empty jar
	 * @param clock the clock of creation, expiry and last-access times
	 * @param suffixes the public suffixes (see the constructor)
	 * @return the jar
	 * @throws IllegalArgumentException if the state is not one {@link #encode()} gives
	 */
	public static CookieJar decode(@Nullable String state, Clock clock, PublicSuffixList suffixes) {
		CookieJar jar = new CookieJar(clock, suffixes);
		if (state != null) {
			jar.sequence = CookieJarText.decode(state, (cookie, creationOrder, accessOrder) -> {
				Entry entry = new Entry(cookie, jar.quotaKey(cookie.domain()), creationOrder);
				entry.accessOrder = accessOrder;
				jar.entries.add(entry);
			});
		}
		return jar;
	}

	/**
	 * When the last of the cookies expires.
	 * @return the latest expiry, or {@code null} when a cookie is a session cookie or there is none
	 */
	public @Nullable Instant latestExpiry() {
		synchronized (this.lock) {
			Instant latest = null;
			for (Entry entry : this.entries) {
				Instant expiry = entry.cookie.expiry();
				if (expiry == null) {
					return null;
				}
				latest = (latest == null || expiry.isAfter(latest)) ? expiry : latest;
			}
			return latest;
		}
	}

	/** A stored cookie with the jar's bookkeeping, guarded by the jar's lock. */
	static final class Entry {

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
