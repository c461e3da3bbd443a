package dev.springxhr.xhr;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link CookieStore} must do, run against each implementation (extend it for yours): RFC 6265bis
 * retrieval and storage through the SPI, listing without values showing, removing, clearing, and storing
 * atomically when a profile's requests run at the same time.
 */
public abstract class CookieStoreContractTests {

	private static final URI SHOP = URI.create("https://shop.example.com/cart");

	/**
	 * A new, empty store of the implementation under test.
	 * @return the store
	 */
	protected abstract CookieStore newStore();

	@Test
	public void aStoredCookieGoesWithMatchingRequestsOnly() {
		CookieStore store = newStore();
		store.store(SHOP, List.of("session=s1; Path=/; Secure", "wide=w1; Domain=example.com; Path=/"), true);

		assertThat(store.cookieHeader(URI.create("https://shop.example.com/other"), true))
			.isEqualTo("session=s1; wide=w1");
		assertThat(store.cookieHeader(URI.create("https://blog.example.com/"), true)).isEqualTo("wide=w1");
		assertThat(store.cookieHeader(URI.create("http://shop.example.com/"), true)).isEqualTo("wide=w1");
		assertThat(store.cookieHeader(URI.create("https://example.org/"), true)).isNull();
	}

	@Test
	public void sameSiteLaxCookiesStayHomeOnCrossSiteRequests() {
		CookieStore store = newStore();
		store.store(SHOP, List.of("lax=l; SameSite=Lax", "none=n; SameSite=None; Secure"), true);

		assertThat(store.cookieHeader(SHOP, false)).isEqualTo("none=n");
		assertThat(store.cookieHeader(SHOP, true)).isEqualTo("lax=l; none=n");
	}

	@Test
	public void aPublicSuffixIsNoCookieDomainAndMaxAgeZeroDeletes() {
		CookieStore store = newStore();
		store.store(URI.create("https://a.co.uk/"), List.of("bad=b; Domain=co.uk"), true);
		store.store(SHOP, List.of("gone=g"), true);
		store.store(SHOP, List.of("gone=g; Max-Age=0"), true);

		assertThat(store.cookies()).isEmpty();
	}

	@Test
	public void cookiesAreListedWithoutTheirValuesShowingThenRemovedAndCleared() {
		CookieStore store = newStore();
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
	public void overItsSitesLimitTheLeastRecentlyUsedCookieGoes() {
		CookieStore store = newStore();
		URI site = URI.create("https://limits.example/");
		store.store(site, List.of("a=1; Path=/a", "b=1; Path=/b"), true);
		List<String> others = new ArrayList<>();
		for (int i = 0; i < 178; i++) {
			others.add("c" + i + "=1; Path=/c");
		}
		store.store(site, others, true);
		// Retrieval is an access: "a" is now more recent than "b" and every "c".
		assertThat(store.cookieHeader(URI.create("https://limits.example/a"), true)).isEqualTo("a=1");

		store.store(site, List.of("d=1; Path=/d"), true);

		assertThat(store.cookies()).hasSize(180).extracting(XhrCookie::name).contains("a", "d").doesNotContain("b");
	}

	@Test
	public void concurrentStoresLoseNoCookie() throws Exception {
		CookieStore store = newStore();
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
