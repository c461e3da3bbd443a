package dev.springxhr.xhr;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.cookie.CookieJar;
import dev.springxhr.xhr.internal.cookie.PublicSuffixList;

/**
 * The engine's default {@link CookieStore}: the RFC 6265bis cookie jar in memory, thread-safe.
 */
public final class InMemoryCookieStore implements CookieStore {

	private final CookieJar jar;

	/** An empty store with the bundled Public Suffix List and the system clock. */
	public InMemoryCookieStore() {
		this(Clock.systemUTC(), PublicSuffixList.instance());
	}

	InMemoryCookieStore(Clock clock, PublicSuffixList suffixes) {
		this.jar = new CookieJar(clock, suffixes);
	}

	@Override
	public @Nullable String cookieHeader(URI requestUrl, boolean sameSiteRequest) {
		return this.jar.cookieHeader(requestUrl, sameSiteRequest);
	}

	@Override
	public void store(URI requestUrl, List<String> setCookieValues, boolean sameSiteRequest) {
		this.jar.store(requestUrl, setCookieValues, sameSiteRequest);
	}

	@Override
	public @Nullable String cookieHeader(URI requestUrl, String requestPath, boolean sameSiteRequest) {
		return this.jar.cookieHeader(requestUrl, requestPath, sameSiteRequest);
	}

	@Override
	public void store(URI requestUrl, String requestPath, List<String> setCookieValues, boolean sameSiteRequest) {
		this.jar.store(requestUrl, requestPath, setCookieValues, sameSiteRequest);
	}

	@Override
	public List<XhrCookie> cookies() {
		return this.jar.cookies().stream().map(XhrCookie::of).toList();
	}

	@Override
	public boolean remove(String name, String domain, String path) {
		return this.jar.remove(name, domain, path);
	}

	@Override
	public void clear() {
		this.jar.clear();
	}

	@Override
	public String toString() {
		return "InMemoryCookieStore[" + this.jar.cookies().size() + " cookies]";
	}

}
