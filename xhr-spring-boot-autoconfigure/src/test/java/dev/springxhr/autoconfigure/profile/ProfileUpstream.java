package dev.springxhr.autoconfigure.profile;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.resources.LoopResources;

import org.springframework.web.util.UriComponentsBuilder;

import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.support.XhrTestServer;

/**
 * The upstream of the profile scope tests, on Reactor Netty: {@code /login?user=u} sets a session cookie
 * {@code session=u-secret} (the "-secret" part must never show in logs, events, metrics or health), {@code /echo}
 * answers the Cookie header it received ({@code null} for none).
 */
final class ProfileUpstream {

	static final String SECRET = "-secret";

	/**
	 * Event loops of the upstreams' own: a Spring Boot context that closes (another test class's, running in
	 * parallel) disposes Reactor Netty's global loops, which would stop a server bound on them.
	 */
	private static final LoopResources LOOPS = LoopResources.create("profile-upstream", 2, true);

	private ProfileUpstream() {
	}

	static XhrTestServer<DisposableServer> server() {
		return XhrTestServer.reactorNetty((server) -> server.runOn(LOOPS).route((routes) -> routes
			.get("/login", (request, response) -> {
				String user = UriComponentsBuilder.fromUriString(request.uri()).build().getQueryParams().getFirst("user");
				return response.header("Set-Cookie", "session=" + user + SECRET + "; Path=/; HttpOnly")
					.sendString(Mono.just("logged in"));
			})
			.get("/echo", (request, response) -> response
				.sendString(Mono.just(String.valueOf(request.requestHeaders().get("Cookie")))))));
	}

	/** Send a GET through a factory: the response text once loaded. */
	static CompletableFuture<String> get(XhrFactory factory, String url) {
		XMLHttpRequest xhr = factory.create();
		xhr.open("GET", url);
		xhr.send();
		return xhr.completion().thenApply(XMLHttpRequest::getResponseText).toCompletableFuture();
	}

	static String getNow(XhrFactory factory, String url) throws Exception {
		return get(factory, url).get(20, TimeUnit.SECONDS);
	}

}
