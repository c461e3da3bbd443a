package dev.springxhr.xhr;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import dev.springxhr.xhr.internal.cors.PreflightCache;

/**
 * The profiles of one factory and its profile views, created on first use, each with a cookie store of its own
 * and a CORS-preflight cache of its own.
 */
final class XhrProfiles {

	private final ConcurrentMap<String, XhrProfile> profiles = new ConcurrentHashMap<>();

	private final XhrEngine base;

	private final Function<String, ? extends CookieStore> cookieStores;

	private final Function<String, ? extends CookieStore> inMemoryStores;

	private final AtomicLong unlisted = new AtomicLong();

	XhrProfiles(XhrEngine base, Function<String, ? extends CookieStore> cookieStores,
			Function<String, ? extends CookieStore> inMemoryStores) {
		this.base = base;
		this.cookieStores = cookieStores;
		this.inMemoryStores = inMemoryStores;
	}

	XhrProfile get(String key) {
		Objects.requireNonNull(key, "'key' must not be null");
		return this.profiles.computeIfAbsent(key, (created) -> new XhrProfile(created,
				Objects.requireNonNull(this.cookieStores.apply(created), "the cookie store of profile " + created),
				new PreflightCache(Clock.systemUTC()), this.base));
	}

	/** A profile nobody lists: kept by its holder, with the key's cookie store or one in memory. */
	XhrProfile unlisted(String key, boolean inMemory) {
		CookieStore store = inMemory ? this.inMemoryStores.apply(key) : this.cookieStores.apply(key);
		return new XhrProfile(key, Objects.requireNonNull(store, "the cookie store of profile " + key),
				new PreflightCache(Clock.systemUTC()), this.base);
	}

	/** A key for a profile nobody lists. */
	String unlistedKey() {
		return "unlisted-" + this.unlisted.incrementAndGet();
	}

	List<XhrProfile> all() {
		return List.copyOf(this.profiles.values());
	}

	/** Forget a profile; the default one is cleared instead, since the factory's own requests carry it. */
	boolean remove(String key) {
		if (XhrProfile.DEFAULT_KEY.equals(key)) {
			XhrProfile profile = this.profiles.get(key);
			if (profile != null) {
				profile.clear();
			}
			return profile != null;
		}
		XhrProfile removed = this.profiles.remove(key);
		if (removed != null) {
			removed.clear();
		}
		return removed != null;
	}

}
