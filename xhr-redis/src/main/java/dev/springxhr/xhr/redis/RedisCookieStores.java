package dev.springxhr.xhr.redis;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.springxhr.xhr.CookieStore;
import dev.springxhr.xhr.SharedCookieStore;
import dev.springxhr.xhr.WebClientXhrFactory;

/**
 * The cookie stores of a factory's profiles in Redis, for the constructors of {@link WebClientXhrFactory} that take
 * cookie stores: each profile's cookies are one Redis hash (key: the prefix and the profile's key), so every replica
 * of a service that asks for a profile gets the same cookies. The jar's rules and limits are the in-memory jar's
 * ({@link SharedCookieStore}); concurrent updates of one profile, from any replica, never lose a {@code Set-Cookie};
 * a hash expires with its last cookie (Redis TTL), or {@code sessionCookieTimeToLive} after its last change while it
 * holds a session cookie. When Redis fails, the request that needed its cookies fails with a network error whose
 * cause names Redis and what went wrong.
 */
public final class RedisCookieStores implements Function<String, CookieStore> {

	/** The default prefix of the Redis keys. */
	public static final String DEFAULT_KEY_PREFIX = "xhr:cookies:";

	/** The default time to live of a profile's cookies while it holds a session cookie. */
	public static final Duration DEFAULT_SESSION_COOKIE_TIME_TO_LIVE = Duration.ofMinutes(30);

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	private final Duration sessionCookieTimeToLive;

	/**
	 * Stores with the default key prefix and session-cookie time to live.
	 * @param connectionFactory the connections to Redis (Lettuce's, say)
	 */
	public RedisCookieStores(RedisConnectionFactory connectionFactory) {
		this(connectionFactory, DEFAULT_KEY_PREFIX, DEFAULT_SESSION_COOKIE_TIME_TO_LIVE);
	}

	/**
	 * Stores.
	 * @param connectionFactory the connections to Redis (Lettuce's, say)
	 * @param keyPrefix the prefix of the Redis keys, before the profile's key
	 * @param sessionCookieTimeToLive how long a profile's cookies live after their last change while one of them is
	 * a session cookie (a browser keeps those until it closes, which a server never does)
	 */
	public RedisCookieStores(RedisConnectionFactory connectionFactory, String keyPrefix,
			Duration sessionCookieTimeToLive) {
		Objects.requireNonNull(connectionFactory, "'connectionFactory' must not be null");
		Objects.requireNonNull(keyPrefix, "'keyPrefix' must not be null");
		Objects.requireNonNull(sessionCookieTimeToLive, "'sessionCookieTimeToLive' must not be null");
		this.redis = new StringRedisTemplate(connectionFactory);
		this.keyPrefix = keyPrefix;
		this.sessionCookieTimeToLive = sessionCookieTimeToLive;
	}

	/**
	 * The store of a profile's cookies.
	 * @param profileKey the profile's key
	 * @return its store
	 */
	@Override
	public CookieStore apply(String profileKey) {
		Objects.requireNonNull(profileKey, "'profileKey' must not be null");
		return new RedisCookieStore(this.redis, this.keyPrefix + profileKey, this.sessionCookieTimeToLive);
	}

	/**
	 * Check that Redis answers (for a health check).
	 * @throws RedisCookieStoreException if it does not
	 */
	public void ping() {
		try {
			this.redis.execute((org.springframework.data.redis.core.RedisCallback<String>) (connection) -> connection
				.ping());
		}
		catch (RuntimeException ex) {
			throw new RedisCookieStoreException("ping", ex);
		}
	}

	/**
	 * Return the prefix of the Redis keys.
	 * @return the prefix
	 */
	public String getKeyPrefix() {
		return this.keyPrefix;
	}

	@Override
	public String toString() {
		return "RedisCookieStores[keyPrefix=" + this.keyPrefix + "]";
	}

}
