package dev.springxhr.xhr.internal.url;

import java.io.Serial;
import java.util.Objects;

/**
 * A URL that the URL Standard's parser fails on, or a relative one without a base: {@code open()} turns it into a
 * {@code SyntaxError}, a redirect into a network error. The message never holds the URL's credentials.
 */
public final class UrlSyntaxException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message what could not be parsed, and why
	 */
	public UrlSyntaxException(String message) {
		super(message);
	}

	@Override
	public String getMessage() {
		return Objects.requireNonNull(super.getMessage());
	}

}
