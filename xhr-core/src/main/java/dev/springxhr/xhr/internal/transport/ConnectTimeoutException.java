package dev.springxhr.xhr.internal.transport;

import java.io.Serial;

/** The connection could not be made within the connect timeout ({@code XhrSettings#connectTimeout()}). */
final class ConnectTimeoutException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	ConnectTimeoutException(String message) {
		super(message);
	}

}
