package dev.springxhr.autoconfigure.profile;

import java.util.Objects;
import java.util.function.Function;

import dev.springxhr.xhr.CookieStore;
import dev.springxhr.xhr.WebClientXhrFactory;

/**
 * The cookie stores of the auto-configured factory's profiles (by profile key), with what the {@code xhr} health
 * reports of them: in memory by default, in Redis with {@code xhr.profiles.cookie-store=redis}; declare a bean of
 * your own for another store.
 */
public final class XhrCookieStores {

	private final String type;

	private final Function<String, ? extends CookieStore> stores;

	private final Runnable check;

	/**
	 * Create the stores.
	 * @param type what they are, as the health details name them (e.g. {@code "redis"})
	 * @param stores the store of each profile, by key
	 * @param check checks that the stores are reachable, throwing if they are not
	 */
	public XhrCookieStores(String type, Function<String, ? extends CookieStore> stores, Runnable check) {
		this.type = Objects.requireNonNull(type, "'type' must not be null");
		this.stores = Objects.requireNonNull(stores, "'stores' must not be null");
		this.check = Objects.requireNonNull(check, "'check' must not be null");
	}

	/**
	 * The engine's default: an in-memory jar per profile.
	 * @return the stores
	 */
	public static XhrCookieStores inMemory() {
		return new XhrCookieStores("in-memory", WebClientXhrFactory.inMemoryCookieStores(), () -> {
		});
	}

	/**
	 * Return what the stores are.
	 * @return the type
	 */
	public String getType() {
		return this.type;
	}

	/**
	 * Return the store of each profile.
	 * @return the stores, by profile key
	 */
	public Function<String, ? extends CookieStore> getStores() {
		return this.stores;
	}

	/**
	 * Check that the stores are reachable.
	 * @throws RuntimeException if they are not, saying why
	 */
	public void check() {
		this.check.run();
	}

}
