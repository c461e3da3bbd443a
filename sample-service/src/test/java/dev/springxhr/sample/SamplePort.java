package dev.springxhr.sample;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.util.TestSocketUtils;

/**
 * A free port for a sample test's server. The sample's {@code xhr.base-url} is {@code http://localhost:${server.port}}
 * (its upstreams and health probe are relative URLs), so its tests run on a port known before the context starts,
 * rather than on {@code RANDOM_PORT}'s port 0.
 */
final class SamplePort {

	private SamplePort() {
	}

	static void register(DynamicPropertyRegistry registry) {
		int port = TestSocketUtils.findAvailableTcpPort();
		registry.add("server.port", () -> port);
	}

}
