package dev.springxhr.xhr.internal.fetch;

import java.io.Serial;
import java.net.URI;

/** A URL whose scheme Fetch cannot fetch here: a network error, as in a browser. */
public final class UnsupportedSchemeException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	UnsupportedSchemeException(URI target) {
		super("The URL scheme '" + target.getScheme() + "' is not supported; use http or https");
	}

}
