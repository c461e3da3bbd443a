package dev.springxhr.autoconfigure.profile;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Profiles of the auto-configured {@code XhrFactory}: their scope and where they keep their cookies.
 */
@ConfigurationProperties("xhr.profiles")
public class XhrProfilesProperties {

	/**
	 * How requests made through the auto-configured XhrFactory get their profile (cookies, CORS-preflight cache):
	 * per inbound request, per web session, or one for the whole application.
	 */
	private XhrProfileScope scope = XhrProfileScope.REQUEST;

	/**
	 * Where profiles keep their cookies: in memory, or in Redis, shared by every replica of the service (needs
	 * dev.springxhr:xhr-redis and a RedisConnectionFactory, from spring-boot-starter-data-redis).
	 */
	private CookieStoreType cookieStore = CookieStoreType.IN_MEMORY;

	private final Redis redis = new Redis();

	public XhrProfileScope getScope() {
		return this.scope;
	}

	public void setScope(XhrProfileScope scope) {
		this.scope = scope;
	}

	public CookieStoreType getCookieStore() {
		return this.cookieStore;
	}

	public void setCookieStore(CookieStoreType cookieStore) {
		this.cookieStore = cookieStore;
	}

	public Redis getRedis() {
		return this.redis;
	}

	/** Where profiles keep their cookies. */
	public enum CookieStoreType {

		/** In the memory of this instance of the service. */
		IN_MEMORY,

		/** In Redis, shared by every replica. */
		REDIS

	}

	/** The Redis cookie store. */
	public static class Redis {

		/** Prefix of the Redis keys of profiles' cookies (one hash a profile). */
		private String keyPrefix = "xhr:cookies:";

		/**
		 * How long a profile's cookies live in Redis after their last change while one of them is a session cookie
		 * (a browser keeps those until it closes, which a service never does); otherwise they expire with the last
		 * cookie.
		 */
		private Duration sessionCookieTimeToLive = Duration.ofMinutes(30);

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

		public Duration getSessionCookieTimeToLive() {
			return this.sessionCookieTimeToLive;
		}

		public void setSessionCookieTimeToLive(Duration sessionCookieTimeToLive) {
			this.sessionCookieTimeToLive = sessionCookieTimeToLive;
		}

	}

}
