package dev.springxhr.xhr;

/**
 * Which requests carry credentials (cookies, HTTP authentication), named after Fetch's {@code RequestCredentials}.
 */
public enum CredentialsPolicy {

	/** Never send or store credentials, whatever {@code withCredentials} says. */
	OMIT,

	/** As the standard: credentials for same-origin requests, and for others only with {@code withCredentials}. */
	SAME_ORIGIN,

	/** Always send and store credentials, as if every request had {@code withCredentials = true}. */
	INCLUDE

}
