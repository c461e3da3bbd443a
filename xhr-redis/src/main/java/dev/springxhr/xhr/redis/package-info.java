/**
 * Profiles' cookies in Redis, shared by every replica of a service: {@link dev.springxhr.xhr.redis.RedisCookieStores}
 * gives each profile a {@link dev.springxhr.xhr.SharedCookieStore} on one Redis hash.
 */
@NullMarked
package dev.springxhr.xhr.redis;

import org.jspecify.annotations.NullMarked;
