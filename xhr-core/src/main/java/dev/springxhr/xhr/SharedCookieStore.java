package dev.springxhr.xhr;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.cookie.CookieJar;
import dev.springxhr.xhr.internal.cookie.PublicSuffixList;

/**
 * A {@link CookieStore} whose state lives outside the JVM, so that several replicas of a service share one
 * profile's cookies (Redis, a database): the engine's RFC 6265bis jar runs on each operation's copy of the state,
 * and the state is written back only if nobody changed it meanwhile (optimistic concurrency: compare the version,
 * else read again and redo). So concurrent requests of one profile, on one replica or several, never lose a
 * {@code Set-Cookie}, and the jar's rules and limits are the in-memory jar's. Implementations give
 * {@link #read()} and {@link #compareAndSet}; a failure of either (the store is unreachable) is thrown to the
 * request, which ends in a network error that names it: a {@code Set-Cookie} is never dropped silently.
 * <p>Calls wait for I/O ({@link #isBlocking()}): the engine makes them on Reactor's bounded-elastic threads, never
 * on an event loop.
 */
public abstract class SharedCookieStore implements CookieStore {

	/** How often an update is redone when other writers keep winning, before it fails. */
	private static final int MAX_ATTEMPTS = 100;

	private final Duration sessionCookieTimeToLive;

	private final Clock clock;

	private volatile PublicSuffixList suffixes = PublicSuffixList.instance();

	/**
	 * A store whose state expires with its last cookie.
	 * @param sessionCookieTimeToLive how long a state that holds a session cookie (no {@code Max-Age} or
	 * {@code Expires}: "until the browser closes", which a server never does) lives after its last change
	 */
	protected SharedCookieStore(Duration sessionCookieTimeToLive) {
		this(sessionCookieTimeToLive, Clock.systemUTC());
	}

	SharedCookieStore(Duration sessionCookieTimeToLive, Clock clock) {
		Objects.requireNonNull(sessionCookieTimeToLive, "'sessionCookieTimeToLive' must not be null");
		if (sessionCookieTimeToLive.isNegative() || sessionCookieTimeToLive.isZero()) {
			throw new IllegalArgumentException("'sessionCookieTimeToLive' must be positive");
		}
		this.sessionCookieTimeToLive = sessionCookieTimeToLive;
		this.clock = clock;
	}

	/**
	 * Read the state.
	 * @return the state and its version, or {@code null} when there is none (no cookie, or it expired)
	 */
	protected abstract @Nullable VersionedState read();

	/**
	 * Replace the state, atomically, if its version is still the one read.
	 * @param expectedVersion the version read, or {@code null} when there was no state
	 * @param state the new state, or {@code null} to delete it (no cookie left)
	 * @param timeToLive how long the new state may live (until its last cookie expires); ignored on delete
	 * @return whether the state was replaced ({@code false}: another writer was first, the update is redone)
	 */
	protected abstract boolean compareAndSet(@Nullable String expectedVersion, @Nullable String state,
			Duration timeToLive);

	/**
	 * Whether calls wait for I/O: always, for a store outside the JVM.
	 * @return {@code true}
	 */
	@Override
	public boolean isBlocking() {
		return true;
	}

	@Override
	public @Nullable String cookieHeader(URI requestUrl, boolean sameSiteRequest) {
		// Retrieval updates the cookies' last-access time (the order of eviction), so it writes too.
		return update((jar) -> jar.cookieHeader(requestUrl, sameSiteRequest));
	}

	@Override
	public void store(URI requestUrl, List<String> setCookieValues, boolean sameSiteRequest) {
		if (!setCookieValues.isEmpty()) {
			update((jar) -> {
				jar.store(requestUrl, setCookieValues, sameSiteRequest);
				return null;
			});
		}
	}

	@Override
	public @Nullable String cookieHeader(URI requestUrl, String requestPath, boolean sameSiteRequest) {
		return update((jar) -> jar.cookieHeader(requestUrl, requestPath, sameSiteRequest));
	}

	@Override
	public void store(URI requestUrl, String requestPath, List<String> setCookieValues, boolean sameSiteRequest) {
		if (!setCookieValues.isEmpty()) {
			update((jar) -> {
				jar.store(requestUrl, requestPath, setCookieValues, sameSiteRequest);
				return null;
			});
		}
	}

	@Override
	public List<XhrCookie> cookies() {
		VersionedState current = read();
		CookieJar jar = CookieJar.decode((current != null) ? current.state() : null, this.clock, this.suffixes);
		return jar.cookies().stream().map(XhrCookie::of).toList();
	}

	@Override
	public boolean remove(String name, String domain, String path) {
		Boolean removed = update((jar) -> jar.remove(name, domain, path));
		return Boolean.TRUE.equals(removed);
	}

	@Override
	public void clear() {
		update((jar) -> {
			jar.clear();
			return null;
		});
	}

	/** The factory's Public Suffix List, given when the store becomes a profile's. */
	void useSuffixes(PublicSuffixList suffixes) {
		this.suffixes = suffixes;
	}

	private <T> @Nullable T update(Function<CookieJar, @Nullable T> operation) {
		for (int attempt = 1;; attempt++) {
			VersionedState current = read();
			String before = (current != null) ? current.state() : null;
			CookieJar jar = CookieJar.decode(before, this.clock, this.suffixes);
			T result = operation.apply(jar);
			String after = jar.encode();
			if (Objects.equals(before, after)) {
				return result;
			}
			if (compareAndSet((current != null) ? current.version() : null, after, timeToLive(jar))) {
				return result;
			}
			if (attempt == MAX_ATTEMPTS) {
				throw new IllegalStateException("The cookie store " + this + " kept changing under " + MAX_ATTEMPTS
						+ " attempts to update it");
			}
			// Another writer was first: back off a little, at random, so that the writers spread out.
			LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(50_000L * Math.min(attempt, 20)));
		}
	}

	private Duration timeToLive(CookieJar jar) {
		Instant latest = jar.latestExpiry();
		if (latest == null) {
			return this.sessionCookieTimeToLive;
		}
		Duration untilExpiry = Duration.between(this.clock.instant(), latest);
		return untilExpiry.isNegative() || untilExpiry.isZero() ? Duration.ofMillis(1) : untilExpiry;
	}

	/**
	 * A stored state and its version.
	 * @param version what changes with every write (a counter, a hash), compared by {@link #compareAndSet}
	 * @param state the state, as this class wrote it
	 */
	public record VersionedState(String version, String state) {

		@Override
		public String toString() {
			// The state holds cookie values.
			return "VersionedState[version=" + this.version + ", state=<redacted>]";
		}

	}

}
