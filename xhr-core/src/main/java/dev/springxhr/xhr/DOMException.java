package dev.springxhr.xhr;

import java.util.Map;

/**
 * A WebIDL {@code DOMException}: the errors the XHR standard throws, told apart by {@link #getName()}.
 *
 * <p>WebIDL's {@code TypeError} (e.g. a header value that is not a ByteString) is a {@link TypeError} instead, an
 * {@link IllegalArgumentException}.
 *
 * @see <a href="https://webidl.spec.whatwg.org/#idl-DOMException">WebIDL DOMException</a>
 */
public class DOMException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** The object is in a state in which the operation is not allowed. */
	public static final String INVALID_STATE_ERROR = "InvalidStateError";

	/** A string (method, URL, header) did not match the expected syntax. */
	public static final String SYNTAX_ERROR = "SyntaxError";

	/** The operation is insecure (e.g. the methods CONNECT, TRACE and TRACK). */
	public static final String SECURITY_ERROR = "SecurityError";

	/** A network error occurred (a synchronous {@code send()} failed or was refused). */
	public static final String NETWORK_ERROR = "NetworkError";

	/** The operation was aborted. */
	public static final String ABORT_ERROR = "AbortError";

	/** The operation timed out. */
	public static final String TIMEOUT_ERROR = "TimeoutError";

	/** The object does not support the operation or argument (the Window rules of synchronous requests). */
	public static final String INVALID_ACCESS_ERROR = "InvalidAccessError";

	/** The operation is not supported. */
	public static final String NOT_SUPPORTED_ERROR = "NotSupportedError";

	/** The object cannot be found. */
	public static final String NOT_FOUND_ERROR = "NotFoundError";

	// WebIDL's table of legacy codes; names without one have code 0.
	private static final Map<String, Short> LEGACY_CODES = Map.of(NOT_FOUND_ERROR, (short) 8, NOT_SUPPORTED_ERROR,
			(short) 9, INVALID_STATE_ERROR, (short) 11, SYNTAX_ERROR, (short) 12, INVALID_ACCESS_ERROR, (short) 15,
			SECURITY_ERROR, (short) 18, NETWORK_ERROR, (short) 19, ABORT_ERROR, (short) 20, TIMEOUT_ERROR, (short) 23);

	/** The exception's name, e.g. {@code "InvalidStateError"}. */
	private final String name;

	/**
	 * Create an exception, as {@code new DOMException(message, name)}.
	 * @param message what went wrong and what to do about it
	 * @param name the DOMException name, e.g. {@link #INVALID_STATE_ERROR}
	 */
	public DOMException(String message, String name) {
		super(message);
		this.name = name;
	}

	/**
	 * Create an exception with a cause.
	 * @param message what went wrong and what to do about it
	 * @param name the DOMException name
	 * @param cause the underlying failure
	 */
	public DOMException(String message, String name, Throwable cause) {
		super(message, cause);
		this.name = name;
	}

	/**
	 * Return the DOMException name, e.g. {@code "InvalidStateError"}.
	 * @return the name
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * Return the legacy code of the name (e.g. 11 for {@code InvalidStateError}), or 0.
	 * @return the legacy code
	 */
	public short getCode() {
		return LEGACY_CODES.getOrDefault(this.name, (short) 0);
	}

	@Override
	public String toString() {
		return this.name + ": " + getMessage();
	}

}
