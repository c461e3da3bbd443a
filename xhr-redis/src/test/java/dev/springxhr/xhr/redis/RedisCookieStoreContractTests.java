package dev.springxhr.xhr.redis;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.springxhr.xhr.CookieStore;
import dev.springxhr.xhr.CookieStoreContractTests;

/** The {@link CookieStoreContractTests} on a Redis store, against a real redis-server. */
class RedisCookieStoreContractTests extends CookieStoreContractTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	private static LettuceConnectionFactory connections;

	@BeforeAll
	static void connect() {
		connections = redis.connectionFactory();
	}

	@AfterAll
	static void disconnect() {
		connections.destroy();
	}

	@Override
	protected CookieStore newStore() {
		// A prefix per test: each starts empty.
		return new RedisCookieStores(connections, "test:" + UUID.randomUUID() + ":",
				RedisCookieStores.DEFAULT_SESSION_COOKIE_TIME_TO_LIVE).apply("profile");
	}

}
