package dev.springxhr.xhr.redis;

/**
 * Redis failed an operation of a {@link RedisCookieStores} store: the cause of the network error of the request that
 * needed the cookies (no {@code Set-Cookie} is dropped silently), and of a DOWN {@code xhr} health.
 */
public class RedisCookieStoreException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param operation what the store was doing
	 * @param cause what Redis (or the connection to it) reported
	 */
	public RedisCookieStoreException(String operation, Throwable cause) {
		super("The Redis cookie store failed to " + operation + ": " + cause.getMessage(), cause);
	}

}
