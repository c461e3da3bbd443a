package dev.springxhr.xhr.internal.cors;

import static dev.springxhr.xhr.internal.cors.CorsCheckTests.headers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.springxhr.xhr.internal.cors.CorsCheck;
import dev.springxhr.xhr.internal.url.Origins;
import dev.springxhr.xhr.internal.cors.PreflightCache;

/**
 * {@link PreflightCache} against Fetch §4.8 CORS-preflight cache and the cache steps of §4.3 HTTP fetch and §4.7
 * CORS-preflight fetch, with cases after WPT {@code fetch/api/cors/cors-preflight-cache.any.js} and
 * {@code cors/preflight-cache.htm}.
 */
class PreflightCacheTests {

	private static final String ORIGIN = "https://app.example";

	private static final URI URL = URI.create("https://api.example/items?page=1");

	private final MutableClock clock = new MutableClock();

	private final PreflightCache cache = new PreflightCache(this.clock);

	private void store(boolean credentials, String... preflightHeaders) {
		this.cache.store(ORIGIN, URL, credentials, "PUT", false, headers(preflightHeaders));
	}

	private boolean matches(boolean credentials, String method, String... headerNames) {
		return this.cache.matches(ORIGIN, URL, credentials, method, List.of(headerNames));
	}

	@Test
	void anEmptyCacheMatchesNothing() {
		assertThat(matches(false, "PUT")).isFalse();
		assertThat(this.cache.size()).isZero();
	}

	@Test
	void matchesTheStoredMethodsAndHeaderNames() {
		store(false, "Access-Control-Allow-Methods", "PUT, DELETE", "Access-Control-Allow-Headers", "X-Foo, x-bar");
		assertThat(matches(false, "PUT", "x-foo", "X-BAR")).isTrue();
		assertThat(matches(false, "DELETE")).isTrue();
		assertThat(matches(false, "PATCH")).isFalse();
		assertThat(matches(false, "PUT", "x-baz")).isFalse();
		assertThat(this.cache.size()).isEqualTo(4);
	}

	@Test
	void methodsMatchByteForByte() {
		store(false, "Access-Control-Allow-Methods", "PATCH");
		assertThat(matches(false, "PATCH")).isTrue();
		assertThat(matches(false, "patch")).isFalse();
	}

	@Test
	void entriesAreKeyedByOriginAndUrlWithoutFragment() {
		store(false, "Access-Control-Allow-Methods", "PUT");
		assertThat(this.cache.matches(ORIGIN, URI.create("https://api.example/items?page=1#top"), false, "PUT",
				List.of())).isTrue();
		assertThat(this.cache.matches(ORIGIN, URI.create("https://api.example/items?page=2"), false, "PUT",
				List.of())).isFalse();
		assertThat(this.cache.matches(ORIGIN, URI.create("https://api.example/items"), false, "PUT", List.of()))
			.isFalse();
		assertThat(this.cache.matches("https://other.example", URL, false, "PUT", List.of())).isFalse();
		assertThat(this.cache.matches(Origins.OPAQUE, URL, false, "PUT", List.of())).isFalse();
	}

	@Test
	void theDefaultMaxAgeIsFiveSeconds() {
		store(false, "Access-Control-Allow-Methods", "PUT");
		this.clock.advance(Duration.ofMillis(4999));
		assertThat(matches(false, "PUT")).isTrue();
		this.clock.advance(Duration.ofMillis(1));
		assertThat(matches(false, "PUT")).isFalse();
		assertThat(this.cache.size()).isZero();
	}

	@Test
	void maxAgeSetsTheLifetime() {
		store(false, "Access-Control-Allow-Methods", "PUT", "Access-Control-Max-Age", "600");
		this.clock.advance(Duration.ofSeconds(599));
		assertThat(matches(false, "PUT")).isTrue();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(matches(false, "PUT")).isFalse();
	}

	@Test
	void maxAgeZeroMeansNoCaching() {
		store(false, "Access-Control-Allow-Methods", "PUT", "Access-Control-Allow-Headers", "x-foo",
				"Access-Control-Max-Age", "0");
		assertThat(matches(false, "PUT")).isFalse();
		assertThat(this.cache.size()).isZero();
	}

	@Test
	void maxAgeIsCappedAtTwoHours() {
		store(false, "Access-Control-Allow-Methods", "PUT", "Access-Control-Max-Age", "86400");
		this.clock.advance(Duration.ofSeconds(7199));
		assertThat(matches(false, "PUT")).isTrue();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(matches(false, "PUT")).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
		"'' | 5", "abc | 5", "-1 | 5", "1.5 | 5", "+10 | 5", "10s | 5", "'10, 20' | 5", "' 10 ' | 10", "0 | 0",
		"007 | 7", "7200 | 7200", "7201 | 7200", "99999999999999999999999999 | 7200",
	})
	void maxAgeIsDeltaSecondsOrFiveSeconds(String value, long seconds) {
		assertThat(CorsCheck.maxAge(headers("Access-Control-Max-Age", value))).hasSeconds(seconds);
	}

	@Test
	void twoMaxAgeHeadersAreAFailureSoFiveSeconds() {
		assertThat(CorsCheck.maxAge(headers("Access-Control-Max-Age", "60", "Access-Control-Max-Age", "60")))
			.hasSeconds(5);
		assertThat(CorsCheck.maxAge(headers())).hasSeconds(5);
	}

	@Test
	void anEntryWithCredentialsAlsoMatchesARequestWithout() {
		store(true, "Access-Control-Allow-Methods", "PUT", "Access-Control-Allow-Headers", "x-foo");
		assertThat(matches(true, "PUT", "x-foo")).isTrue();
		assertThat(matches(false, "PUT", "x-foo")).isTrue();
	}

	@Test
	void anEntryWithoutCredentialsDoesNotMatchARequestWith() {
		store(false, "Access-Control-Allow-Methods", "PUT", "Access-Control-Allow-Headers", "x-foo");
		assertThat(matches(false, "PUT", "x-foo")).isTrue();
		assertThat(matches(true, "PUT")).isFalse();
		assertThat(matches(true, "GET", "x-foo")).isFalse();
	}

	@Test
	void wildcardEntriesMatchEveryMethodAndHeaderButAuthorizationWithoutCredentials() {
		store(false, "Access-Control-Allow-Methods", "*", "Access-Control-Allow-Headers", "*");
		assertThat(matches(false, "PUT", "x-foo", "content-type")).isTrue();
		assertThat(matches(false, "CHICKEN")).isTrue();
		assertThat(matches(false, "PUT", "authorization")).isFalse();
		assertThat(matches(true, "PUT")).isFalse();
	}

	@Test
	void authorizationMatchesWhenListedByName() {
		store(false, "Access-Control-Allow-Methods", "*", "Access-Control-Allow-Headers", "*, Authorization");
		assertThat(matches(false, "PUT", "authorization", "x-foo")).isTrue();
	}

	@Test
	void wildcardEntriesStoredWithCredentialsAreNoWildcard() {
		// With credentials the preflight's "*" is a literal name; it must not allow every method later.
		store(true, "Access-Control-Allow-Methods", "*", "Access-Control-Allow-Headers", "*");
		assertThat(matches(true, "DELETE")).isFalse();
		assertThat(matches(true, "GET", "x-foo")).isFalse();
		assertThat(matches(false, "DELETE")).isFalse();
		assertThat(matches(false, "GET", "x-foo")).isFalse();
		assertThat(matches(true, "*", "*")).isTrue();
	}

	@Test
	void aMissingAllowMethodsCachesTheMethodOnlyWithTheUseCorsPreflightFlag() {
		this.cache.store(ORIGIN, URL, false, "POST", false, headers("Access-Control-Allow-Origin", "*"));
		assertThat(this.cache.size()).isZero();
		this.cache.store(ORIGIN, URL, false, "POST", true, headers("Access-Control-Allow-Origin", "*"));
		assertThat(matches(false, "POST")).isTrue();
	}

	@Test
	void preflightRequiredForAnUnsafeMethodUntilCached() {
		assertThat(this.cache.preflightRequired(ORIGIN, URL, false, "PUT", List.of(), false)).isTrue();
		store(false, "Access-Control-Allow-Methods", "PUT");
		assertThat(this.cache.preflightRequired(ORIGIN, URL, false, "PUT", List.of(), false)).isFalse();
		this.clock.advance(Duration.ofSeconds(5));
		assertThat(this.cache.preflightRequired(ORIGIN, URL, false, "PUT", List.of(), false)).isTrue();
	}

	@Test
	void preflightRequiredForAnUnsafeHeaderUntilCached() {
		assertThat(this.cache.preflightRequired(ORIGIN, URL, false, "GET", List.of("x-foo"), false)).isTrue();
		store(false, "Access-Control-Allow-Headers", "x-foo");
		assertThat(this.cache.preflightRequired(ORIGIN, URL, false, "GET", List.of("x-foo"), false)).isFalse();
		assertThat(this.cache.preflightRequired(ORIGIN, URL, false, "GET", List.of("x-foo", "x-bar"), false))
			.isTrue();
	}

	@Test
	void preflightRequiredForASafelistedMethodOnlyWithTheUseCorsPreflightFlag() {
		assertThat(this.cache.preflightRequired(ORIGIN, URL, false, "POST", List.of(), false)).isFalse();
		assertThat(this.cache.preflightRequired(ORIGIN, URL, false, "POST", List.of(), true)).isTrue();
		this.cache.store(ORIGIN, URL, false, "POST", true, headers("Access-Control-Allow-Origin", "*"));
		assertThat(this.cache.preflightRequired(ORIGIN, URL, false, "POST", List.of(), true)).isFalse();
	}

	@Test
	void storingAgainSetsTheMaxAgeOfTheMatchingEntryFromWhenItWasStored() {
		store(false, "Access-Control-Allow-Methods", "PUT", "Access-Control-Max-Age", "10");
		this.clock.advance(Duration.ofSeconds(6));
		store(false, "Access-Control-Allow-Methods", "PUT", "Access-Control-Max-Age", "20");
		assertThat(this.cache.size()).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(13));
		assertThat(matches(false, "PUT")).isTrue();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(matches(false, "PUT")).isFalse();
	}

	@Test
	void storingAgainWithMaxAgeZeroEndsTheMatchingEntry() {
		store(false, "Access-Control-Allow-Methods", "PUT", "Access-Control-Max-Age", "600");
		store(false, "Access-Control-Allow-Methods", "PUT", "Access-Control-Max-Age", "0");
		assertThat(matches(false, "PUT")).isFalse();
		assertThat(this.cache.size()).isZero();
	}

	@Test
	void clearForRemovesTheEntriesOfOriginAndUrlOnly() {
		store(true, "Access-Control-Allow-Methods", "PUT", "Access-Control-Allow-Headers", "x-foo");
		store(false, "Access-Control-Allow-Methods", "DELETE");
		URI other = URI.create("https://api.example/other");
		this.cache.store(ORIGIN, other, false, "PUT", false, headers("Access-Control-Allow-Methods", "PUT"));
		this.cache.store("https://b.example", URL, false, "PUT", false, headers("Access-Control-Allow-Methods", "PUT"));
		this.cache.clearFor(ORIGIN, URI.create(URL + "#fragment"));
		assertThat(matches(false, "PUT")).isFalse();
		assertThat(matches(false, "DELETE")).isFalse();
		assertThat(this.cache.matches(ORIGIN, other, false, "PUT", List.of())).isTrue();
		assertThat(this.cache.matches("https://b.example", URL, false, "PUT", List.of())).isTrue();
	}

	@Test
	void theOldestEntriesGoWhenTheCacheIsFull() {
		PreflightCache small = new PreflightCache(this.clock, 3);
		small.store(ORIGIN, URL, false, List.of("A", "B", "C"), List.of(), Duration.ofSeconds(60));
		small.store(ORIGIN, URL, false, List.of("D"), List.of(), Duration.ofSeconds(60));
		assertThat(small.size()).isEqualTo(3);
		assertThat(small.matches(ORIGIN, URL, false, "A", List.of())).isFalse();
		assertThat(small.matches(ORIGIN, URL, false, "B", List.of())).isTrue();
		assertThat(small.matches(ORIGIN, URL, false, "D", List.of())).isTrue();
	}

	@Test
	void expiredEntriesGoBeforeLiveOnesWhenTheCacheIsFull() {
		PreflightCache small = new PreflightCache(this.clock, 2);
		small.store(ORIGIN, URL, false, List.of("A"), List.of(), Duration.ofSeconds(60));
		small.store(ORIGIN, URL, false, List.of("B"), List.of(), Duration.ofSeconds(1));
		this.clock.advance(Duration.ofSeconds(2));
		small.store(ORIGIN, URL, false, List.of("C"), List.of(), Duration.ofSeconds(60));
		assertThat(small.matches(ORIGIN, URL, false, "A", List.of())).isTrue();
		assertThat(small.matches(ORIGIN, URL, false, "C", List.of())).isTrue();
	}

	@Test
	void theCacheNeedsRoomForAnEntry() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PreflightCache(this.clock, 0));
	}

	@Test
	void concurrentStoresAndLookupsKeepTheBound() throws InterruptedException {
		PreflightCache bounded = new PreflightCache(this.clock, 50);
		CountDownLatch start = new CountDownLatch(1);
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			int id = t;
			Thread thread = new Thread(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				for (int i = 0; i < 500; i++) {
					bounded.store(ORIGIN, URL, false, List.of("M" + id + "-" + i), List.of("h" + i),
							Duration.ofSeconds(60));
					bounded.matches(ORIGIN, URL, false, "M" + id + "-" + i, List.of("h" + i));
				}
			});
			threads.add(thread);
			thread.start();
		}
		start.countDown();
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(bounded.size()).isLessThanOrEqualTo(50);
	}

	/** A clock that moves only when told. */
	static final class MutableClock extends Clock {

		private volatile Instant now = Instant.parse("2030-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
