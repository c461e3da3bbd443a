package dev.springxhr.xhr.internal.fetch;

/** A network error of the fetch itself (CORS, redirects): the message says why. */
final class FetchFailureException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	FetchFailureException(String message) {
		super(message);
	}

}
