package dev.springxhr.xhr.redis;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import dev.springxhr.xhr.SharedCookieStore;

/**
 * One profile's cookies as one Redis hash: field {@code v}, the version (random, so that a deleted and re-created
 * hash never passes for the one read), and field {@code s}, the jar's state. The compare-and-set is a Lua script, so
 * it is atomic in Redis.
 */
final class RedisCookieStore extends SharedCookieStore {

	private static final RedisScript<Long> COMPARE_AND_SET = RedisScript.of("""
			local version = redis.call('HGET', KEYS[1], 'v')
			if (version or '') ~= ARGV[1] then
			  return 0
			end
			if ARGV[2] == '' then
			  redis.call('DEL', KEYS[1])
			else
			  redis.call('HSET', KEYS[1], 'v', ARGV[4], 's', ARGV[2])
			  redis.call('PEXPIRE', KEYS[1], ARGV[3])
			end
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	private final String key;

	RedisCookieStore(StringRedisTemplate redis, String key, Duration sessionCookieTimeToLive) {
		super(sessionCookieTimeToLive);
		this.redis = redis;
		this.key = key;
	}

	@Override
	protected @Nullable VersionedState read() {
		List<Object> fields;
		try {
			fields = this.redis.opsForHash().multiGet(this.key, List.of("v", "s"));
		}
		catch (RuntimeException ex) {
			throw new RedisCookieStoreException("read " + this.key, ex);
		}
		Object version = fields.get(0);
		Object state = fields.get(1);
		return (version != null && state != null) ? new VersionedState(version.toString(), state.toString()) : null;
	}

	@Override
	protected boolean compareAndSet(@Nullable String expectedVersion, @Nullable String state, Duration timeToLive) {
		Long replaced;
		try {
			replaced = this.redis.execute(COMPARE_AND_SET, List.of(this.key), (expectedVersion != null) ? expectedVersion : "",
					(state != null) ? state : "", String.valueOf(Math.max(1, timeToLive.toMillis())),
					UUID.randomUUID().toString());
		}
		catch (RuntimeException ex) {
			throw new RedisCookieStoreException("write " + this.key, ex);
		}
		return replaced != null && replaced == 1L;
	}

	@Override
	public String toString() {
		return "RedisCookieStore[key=" + this.key + "]";
	}

}
