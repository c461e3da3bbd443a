package dev.springxhr.xhr;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.cookie.CookieAccess;
import dev.springxhr.xhr.internal.cors.PreflightCache;

/**
 * The browser state that requests of one profile carry, as a browser profile has it: the cookies and the
 * CORS-preflight cache. Requests of different profiles never see each other's state, also when they run at the same
 * time: a service that calls an upstream for many users gives each user a profile
 * ({@link XhrFactory#forProfile(String)}), so that a {@code Set-Cookie} answered to one user is never sent with
 * another's request. A profile can be listed, inspected and cleared; its {@link #toString()} shows no cookie value.
 */
public final class XhrProfile {

	/** The key of the profile a factory's requests carry unless another is asked for. */
	public static final String DEFAULT_KEY = "default";

	private final String key;

	private final CookieStore cookieStore;

	private final PreflightCache preflights;

	private final XhrEngine engine;

	XhrProfile(String key, CookieStore cookieStore, PreflightCache preflights, XhrEngine base) {
		this.key = key;
		this.cookieStore = cookieStore;
		this.preflights = preflights;
		this.engine = base.withFetcher(base.fetcher().withProfile(access(cookieStore), preflights));
	}

	/**
	 * Return the profile's key.
	 * @return the key, {@link #DEFAULT_KEY} for a factory's own profile
	 */
	public String getKey() {
		return this.key;
	}

	/**
	 * Return the store of the profile's cookies.
	 * @return the cookie store
	 */
	public CookieStore getCookieStore() {
		return this.cookieStore;
	}

	/**
	 * Return the profile's cookies that have not expired.
	 * @return an immutable snapshot (names, domains, paths, expiry; values too, but never in {@code toString()})
	 */
	public List<XhrCookie> getCookies() {
		return this.cookieStore.cookies();
	}

	/** Forget the profile's state: its cookies and its CORS-preflight cache. */
	public void clear() {
		this.cookieStore.clear();
		this.preflights.clear();
	}

	/** The engine whose fetches carry this profile's state. */
	XhrEngine engine() {
		return this.engine;
	}

	@Override
	public String toString() {
		return "XhrProfile[key=" + this.key + ", cookies=" + this.cookieStore.cookies().size() + "]";
	}

	private static CookieAccess access(CookieStore store) {
		return new CookieAccess() {

			@Override
			public @Nullable String cookieHeader(URI requestUrl, String requestPath, boolean sameSiteRequest) {
				return store.cookieHeader(requestUrl, requestPath, sameSiteRequest);
			}

			@Override
			public void store(URI requestUrl, String requestPath, List<String> setCookieValues,
					boolean sameSiteRequest) {
				store.store(requestUrl, requestPath, setCookieValues, sameSiteRequest);
			}

			@Override
			public boolean blocking() {
				return store.isBlocking();
			}

		};
	}

}
