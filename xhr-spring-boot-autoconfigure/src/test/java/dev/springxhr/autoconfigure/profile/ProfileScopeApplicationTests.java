package dev.springxhr.autoconfigure.profile;

import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.netty.DisposableServer;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.springxhr.xhr.support.XhrTestServer;

/**
 * What the profile scope tests in real applications share: the {@link ProfileUpstream} (its URL is the application's
 * {@code upstream.url}) and the application's port.
 */
abstract class ProfileScopeApplicationTests {

	@RegisterExtension
	static final XhrTestServer<DisposableServer> upstream = ProfileUpstream.server();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void upstreamUrl(DynamicPropertyRegistry registry) {
		registry.add("upstream.url", upstream::baseUrl);
	}

}
