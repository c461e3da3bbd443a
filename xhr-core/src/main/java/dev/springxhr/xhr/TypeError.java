package dev.springxhr.xhr;

import java.io.Serial;

/**
 * WebIDL's {@code TypeError}: an argument the standard's IDL cannot convert, such as a header name or value with a
 * character above U+00FF (not a ByteString) or a {@code DOMParser} type outside its enumeration. It is an
 * {@link IllegalArgumentException}, so code that catches that goes on working; every other error of the standard is
 * a {@link DOMException}.
 *
 * @see <a href="https://webidl.spec.whatwg.org/#exceptiondef-typeerror">WebIDL TypeError</a>
 */
public class TypeError extends IllegalArgumentException {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Create a TypeError.
	 * @param message what could not be converted, and what is allowed
	 */
	public TypeError(String message) {
		super(message);
	}

}
