package dev.springxhr.js;

import org.jspecify.annotations.Nullable;

/**
 * A script run by {@link XhrJsContext#eval(String)} threw: the message is the JavaScript error's.
 */
public final class JsException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	JsException(@Nullable String message, Throwable cause) {
		super(message, cause);
	}

}
