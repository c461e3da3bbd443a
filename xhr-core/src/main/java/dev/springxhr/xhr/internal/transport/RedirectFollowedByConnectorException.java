package dev.springxhr.xhr.internal.transport;

import java.io.IOException;
import java.io.Serial;

/** The WebClient's connector followed a redirect itself, which XHR must do hop by hop. */
final class RedirectFollowedByConnectorException extends IOException {

	@Serial
	private static final long serialVersionUID = 1L;

	RedirectFollowedByConnectorException() {
		super("The WebClient's connector followed a redirect itself; configure it not"
				+ " to follow redirects (Reactor Netty: HttpClient.followRedirect(false)): XMLHttpRequest follows"
				+ " them one hop at a time");
	}

}
