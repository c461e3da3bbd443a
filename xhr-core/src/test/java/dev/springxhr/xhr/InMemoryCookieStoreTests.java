package dev.springxhr.xhr;

/**
 * The {@link CookieStoreContractTests} on the default store, {@link InMemoryCookieStore} (the jar itself:
 * {@code CookieJarTests}).
 */
class InMemoryCookieStoreTests extends CookieStoreContractTests {

	@Override
	protected CookieStore newStore() {
		return CookieStore.inMemory();
	}

}
