package dev.springxhr.xhr;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link CookieStore} must do, run against each implementation (add yours to {@link #stores()}): RFC
 * 6265bis retrieval and storage through the SPI, listing without values showing, removing, clearing, and storing
 * atomically when a profile's requests run at the same time.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("stores")
class CookieStoreContractTests {

	private static final URI SHOP = URI.create("https://shop.example.com/cart");

	@Parameter(0)
	String implementation;

	@Parameter(1)
	Supplier<CookieStore> stores;

	static Stream<Arguments> stores() {
		return Stream.of(Arguments.of("in memory", (Supplier<CookieStore>) CookieStore::inMemory));
	}

	@Test
	void aStoredCookieGoesWithMatchingRequestsOnly() {
		CookieStore store = this.stores.get();
		store.store(SHOP, List.of("session=s1; Path=/; Secure", "wide=w1; Domain=example.com; Path=/"), true);

		assertThat(store.cookieHeader(URI.create("https://shop.example.com/other"), true))
			.isEqualTo("session=s1; wide=w1");
		assertThat(store.cookieHeader(URI.create("https://blog.example.com/"), true)).isEqualTo("wide=w1");
		assertThat(store.cookieHeader(URI.create("http://shop.example.com/"), true)).isEqualTo("wide=w1");
		assertThat(store.cookieHeader(URI.create("https://example.org/"), true)).isNull();
	}

	@Test
	void sameSiteLaxCookiesStayHomeOnCrossSiteRequests() {
		CookieStore store = this.stores.get();
		store.store(SHOP, List.of("lax=l; SameSite=Lax", "none=n; SameSite=None; Secure"), true);

		assertThat(store.cookieHeader(SHOP, false)).isEqualTo("none=n");
		assertThat(store.cookieHeader(SHOP, true)).isEqualTo("lax=l; none=n");
	}

	@Test
	void aPublicSuffixIsNoCookieDomainAndMaxAgeZeroDeletes() {
		CookieStore store = this.stores.get();
		store.store(URI.create("https://a.co.uk/"), List.of("bad=b; Domain=co.uk"), true);
		store.store(SHOP, List.of("gone=g"), true);
		store.store(SHOP, List.of("gone=g; Max-Age=0"), true);

		assertThat(store.cookies()).isEmpty();
	}

	@Test
	void cookiesAreListedWithoutTheirValuesShowingThenRemovedAndCleared() {
		CookieStore store = this.stores.get();
		store.store(SHOP, List.of("session=secret-value; Path=/; HttpOnly; Max-Age=3600", "theme=dark; Path=/cart"),
				true);

		assertThat(store.cookies()).extracting(XhrCookie::name).containsExactly("session", "theme");
		XhrCookie session = store.cookies().get(0);
		assertThat(session.domain()).isEqualTo("shop.example.com");
		assertThat(session.hostOnly()).isTrue();
		assertThat(session.httpOnly()).isTrue();
		assertThat(session.expiry()).isNotNull();
		assertThat(session.sameSite()).isEqualTo("Lax");
		assertThat(session.toString()).doesNotContain("secret-value");
		assertThat(store.toString()).doesNotContain("secret-value");

		assertThat(store.remove("theme", "shop.example.com", "/cart")).isTrue();
		assertThat(store.remove("theme", "shop.example.com", "/cart")).isFalse();
		assertThat(store.cookies()).extracting(XhrCookie::name).containsExactly("session");
		store.clear();
		assertThat(store.cookies()).isEmpty();
	}

	@Test
	void concurrentStoresLoseNoCookie() throws Exception {
		CookieStore store = this.stores.get();
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int site = 0; site < 8; site++) {
				URI url = URI.create("https://site" + site + ".example/");
				done.add(threads.submit(() -> {
					for (int i = 0; i < 50; i++) {
						store.store(url, List.of("c" + i + "=v" + i), true);
					}
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(store.cookies()).hasSize(400);
	}

}
