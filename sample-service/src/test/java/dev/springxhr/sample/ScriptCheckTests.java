package dev.springxhr.sample;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.springxhr.test.AutoConfigureXhrTest;
import dev.springxhr.test.XhrEventRecorder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JavaScript check: a script's XMLHttpRequest, through the GraalJS bridge on the application's factory, reaches
 * the demo upstream and is recorded like a Java request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "upstream-watch.interval=0s", "upstream-watch.initial-delay=1h" })
@AutoConfigureWebTestClient
@AutoConfigureXhrTest
class ScriptCheckTests {

	@DynamicPropertySource
	static void port(DynamicPropertyRegistry registry) {
		SamplePort.register(registry);
	}

	@Autowired
	WebTestClient webTestClient;

	@Autowired
	XhrEventRecorder recorder;

	@Test
	void theScriptChecksTheInventoryUpstream() {
		this.webTestClient.get().uri("/api/script-check").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.check").isEqualTo("script")
			.jsonPath("$.status").isEqualTo(200)
			.jsonPath("$.service").isEqualTo("inventory")
			.jsonPath("$.version").isEqualTo("1.4.2");
		assertThat(this.recorder).hasEventSequence("loadstart", "progress", "load", "loadend").hasStatus(200);
		assertThat(this.recorder.request(0).url().getPath()).isEqualTo("/demo/status");
	}

}
