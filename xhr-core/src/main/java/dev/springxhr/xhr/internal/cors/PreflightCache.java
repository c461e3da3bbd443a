package dev.springxhr.xhr.internal.cors;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.http.HttpTokens;
import dev.springxhr.xhr.internal.url.RequestUrls;
import dev.springxhr.xhr.internal.http.ResponseHeaders;

/**
 * The CORS-preflight cache of one factory: which methods and request-header names a preflight allowed for an
 * (origin, URL, credentials), and until when. Thread-safe; time comes from a {@link Clock}. At most a fixed number
 * of entries are kept, the oldest going first.
 *
 * <p>The network partition key of an entry is the request origin alone, since a factory has no top-level site.
 *
 * @see <a href="https://fetch.spec.whatwg.org/#cors-preflight-cache">Fetch §4.8 CORS-preflight cache</a>
 */
public final class PreflightCache {

	static final int DEFAULT_MAX_ENTRIES = 1000;

	private final Clock clock;

	private final int maxEntries;

	/** In the order stored; an update of the max-age keeps an entry's place. */
	private final LinkedHashMap<Key, Lifetime> entries = new LinkedHashMap<>();

	public PreflightCache(Clock clock) {
		this(clock, DEFAULT_MAX_ENTRIES);
	}

	public PreflightCache(Clock clock, int maxEntries) {
		if (maxEntries < 1) {
			throw new IllegalArgumentException("'maxEntries' must be positive, was " + maxEntries);
		}
		this.clock = clock;
		this.maxEntries = maxEntries;
	}

	/**
	 * Whether there is a method cache entry match for {@code method} and a header-name cache entry match for every
	 * one of {@code headerNames}.
	 * @param origin the byte-serialized request origin
	 * @param url the request's current URL (the fragment is ignored)
	 * @param includeCredentials whether the request's credentials mode is "include"
	 */
	synchronized boolean matches(String origin, URI url, boolean includeCredentials, String method,
			List<String> headerNames) {
		Instant now = this.clock.instant();
		String target = RequestUrls.serializeWithoutFragment(url);
		if (findMethod(origin, target, includeCredentials, method, now) == null) {
			return false;
		}
		for (String name : headerNames) {
			if (findHeaderName(origin, target, includeCredentials, name, now) == null) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Fetch §4.3 HTTP fetch step 4.1, for a request with makeCORSPreflight true: whether a CORS-preflight fetch is
	 * needed, because there is no method cache entry match for the method and the method is not safelisted or the
	 * use-CORS-preflight flag is set, or because a CORS-unsafe request-header name has no header-name cache entry
	 * match.
	 */
	public synchronized boolean preflightRequired(String origin, URI url, boolean includeCredentials, String method,
			List<String> unsafeHeaderNames, boolean useCorsPreflight) {
		Instant now = this.clock.instant();
		String target = RequestUrls.serializeWithoutFragment(url);
		if ((!CorsRequestRules.isSafelistedMethod(method) || useCorsPreflight)
				&& findMethod(origin, target, includeCredentials, method, now) == null) {
			return true;
		}
		for (String name : unsafeHeaderNames) {
			if (findHeaderName(origin, target, includeCredentials, name, now) == null) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Fetch §4.7 CORS-preflight fetch steps 7.8-7.15, after its checks passed: for each allowed method and header
	 * name, set the max-age of the matching entry, or create one.
	 * @param preflightHeaders the header list of the preflight response
	 * @param method the method of the actual request
	 * @param useCorsPreflight the request's use-CORS-preflight flag
	 */
	public void store(String origin, URI url, boolean includeCredentials, String method, boolean useCorsPreflight,
			ResponseHeaders preflightHeaders) {
		store(origin, url, includeCredentials, CorsCheck.allowedMethods(preflightHeaders, method, useCorsPreflight),
				CorsCheck.allowedHeaderNames(preflightHeaders), CorsCheck.maxAge(preflightHeaders));
	}

	/** Store {@code methods} and {@code headerNames} with {@code maxAge}, as {@link #store(String, URI, boolean,
	 * String, boolean, ResponseHeaders)} does. */
	synchronized void store(String origin, URI url, boolean includeCredentials, List<String> methods,
			List<String> headerNames, Duration maxAge) {
		Instant now = this.clock.instant();
		String target = RequestUrls.serializeWithoutFragment(url);
		for (String method : methods) {
			Key match = findMethod(origin, target, includeCredentials, method, now);
			put(match, new Key(origin, target, includeCredentials, true, method), maxAge, now);
		}
		for (String name : headerNames) {
			Key match = findHeaderName(origin, target, includeCredentials, name, now);
			put(match, new Key(origin, target, includeCredentials, false, HttpTokens.toAsciiLowerCase(name)), maxAge,
					now);
		}
	}

	/** Forget every entry. */
	public synchronized void clear() {
		this.entries.clear();
	}

	/**
	 * Fetch §4.8 "clear cache entries": forget everything about (origin, URL), as when the CORS check of the actual
	 * request fails after a preflight.
	 */
	public synchronized void clearFor(String origin, URI url) {
		String target = RequestUrls.serializeWithoutFragment(url);
		this.entries.keySet().removeIf((key) -> key.origin.equals(origin) && key.url.equals(target));
	}

	synchronized int size() {
		return this.entries.size();
	}

	private void put(@Nullable Key match, Key created, Duration maxAge, Instant now) {
		if (match != null) {
			// "set matching entry's max-age to max-age": counted from when the entry was stored, not from now.
			// Chromium replaces its entry, so its lifetime restarts; a Max-Age 0 here ends the entry at once.
			Lifetime lifetime = Objects.requireNonNull(this.entries.get(match), "the matching entry is in the cache");
			Lifetime updated = new Lifetime(lifetime.stored, maxAge);
			if (updated.isExpiredAt(now)) {
				this.entries.remove(match);
			}
			else {
				this.entries.put(match, updated);
			}
			return;
		}
		if (maxAge.isZero() || maxAge.isNegative()) {
			// "create a new cache entry" with max-age 0: it would be removed at once.
			return;
		}
		this.entries.put(created, new Lifetime(now, maxAge));
		if (this.entries.size() > this.maxEntries) {
			removeExpired(now);
			Iterator<Key> oldest = this.entries.keySet().iterator();
			while (this.entries.size() > this.maxEntries) {
				oldest.next();
				oldest.remove();
			}
		}
	}

	private void removeExpired(Instant now) {
		this.entries.values().removeIf((lifetime) -> lifetime.isExpiredAt(now));
	}

	/**
	 * Fetch §4.8 "method cache entry match": an entry matching the request whose method is {@code method}
	 * (byte-exact) or {@code *}.
	 */
	private @Nullable Key findMethod(String origin, String url, boolean includeCredentials, String method,
			Instant now) {
		Key found = find(new Key(origin, url, includeCredentials, true, method), includeCredentials, now);
		if (found == null && !includeCredentials) {
			// Deviation (security): the standard's "method cache entry match" lets a "*" entry match any request,
			// but a credentialed preflight's "*" is a method named "*" (§4.7 step 7.5), not a wildcard; matched
			// literally it would widen that preflight to every method. Chromium, too, honours "*" only without
			// credentials. So "*" is a wildcard only for a request without credentials, stored without them.
			found = findExact(new Key(origin, url, false, true, "*"), now);
		}
		return found;
	}

	/**
	 * Fetch §4.8 "header-name cache entry match": an entry matching the request whose header name is a
	 * byte-case-insensitive match for {@code name}, or {@code *} if {@code name} is not {@code Authorization}.
	 */
	private @Nullable Key findHeaderName(String origin, String url, boolean includeCredentials, String name,
			Instant now) {
		String lower = HttpTokens.toAsciiLowerCase(name);
		Key found = find(new Key(origin, url, includeCredentials, false, lower), includeCredentials, now);
		if (found == null && !includeCredentials && !CorsRequestRules.isNonWildcardRequestHeaderName(lower)) {
			// Deviation (security), as for methods: "*" is a wildcard only stored, and used, without credentials.
			found = findExact(new Key(origin, url, false, false, "*"), now);
		}
		return found;
	}

	/**
	 * Fetch §4.8 "cache entry match": same origin and URL, and the entry's credentials is true, or it is false and
	 * the request's credentials mode is not "include".
	 */
	private @Nullable Key find(Key key, boolean includeCredentials, Instant now) {
		Key found = findExact(key.withCredentials(true), now);
		if (found == null && !includeCredentials) {
			found = findExact(key.withCredentials(false), now);
		}
		return found;
	}

	private @Nullable Key findExact(Key key, Instant now) {
		Lifetime lifetime = this.entries.get(key);
		if (lifetime == null) {
			return null;
		}
		if (lifetime.isExpiredAt(now)) {
			// "Cache entries must be removed after the seconds specified in their max-age field have passed".
			this.entries.remove(key);
			return null;
		}
		return key;
	}

	/** One entry without its max-age: the header name is byte-lowercased, the method is as is. */
	private record Key(String origin, String url, boolean credentials, boolean method, String name) {

		Key withCredentials(boolean credentials) {
			return (credentials == this.credentials) ? this : new Key(this.origin, this.url, credentials, this.method,
					this.name);
		}

	}

	private record Lifetime(Instant stored, Duration maxAge) {

		boolean isExpiredAt(Instant now) {
			return !now.isBefore(this.stored.plus(this.maxAge));
		}

	}

}
