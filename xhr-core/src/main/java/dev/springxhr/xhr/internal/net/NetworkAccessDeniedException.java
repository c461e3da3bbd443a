package dev.springxhr.xhr.internal.net;

/**
 * A request the {@link NetworkAccessPolicy} does not let through: a network error whose message says which rule
 * denied it (never with the URL's credentials: only a host or an address is named).
 */
public final class NetworkAccessDeniedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public NetworkAccessDeniedException(String reason) {
		// No stack trace: the reason says all, and Reactor Netty logs the exception at WARN when the connected
		// address is denied.
		super(reason, null, false, false);
	}

}
