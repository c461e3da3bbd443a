package dev.springxhr.js;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JavaScript client from npm, loaded into a fresh {@link XhrJsContext} for each test, against WireMock: the script
 * sees the server's base URL as {@code base} and reports into {@code out}.
 */
abstract class NpmClientTests {

	/** A server per test: the subclasses' tests run in parallel. */
	@RegisterExtension
	final WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private final XhrJsContext js = newContext();

	/** The context the client runs in. */
	abstract XhrJsContext newContext();

	/** The client's script, e.g. {@code NpmPackages.file("axios", "1.21.1", "dist/axios.js")}. */
	abstract String client() throws Exception;

	@BeforeEach
	void loadClient() throws Exception {
		eval(client() + "\n;true");
		eval("globalThis.base = '" + this.server.baseUrl() + "'; globalThis.out = {};");
	}

	@AfterEach
	void close() {
		this.js.close();
	}

	/** Run a script, then the loop until it is idle. */
	void run(String script) {
		eval(script);
		assertThat(this.js.runUntilIdle(Duration.ofSeconds(20))).isTrue();
	}

	Object eval(String source) {
		return this.js.eval(source).orTimeout(30, TimeUnit.SECONDS).join();
	}

}
