package dev.springxhr.js;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.BrowserHttpClient;
import dev.springxhr.xhr.XhrFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * xhr2's own test suite (its mocha tests, chai and sinon) in a GraalJS context with our {@code XMLHttpRequest} in
 * place of xhr2's, against its own Express test server, as its browser test page runs it; and the same suite run by
 * xhr2 itself in Node, for comparison. Node-only tests are excluded by name.
 */
class Xhr2SuiteTests {

	/** xhr2's Node API (XMLHttpRequest.nodejsSet and friends): no browser has it. */
	static final String NODE_ONLY = "nodejs_set_test.js";

	@Test
	void xhr2sSuiteRunsOnTheBridge() throws Exception {
		Path dir = Xhr2Suite.prepare();
		String node = Xhr2Suite.runInNode();
		Process server = Xhr2Suite.startServer();
		Map<String, String> ours = new TreeMap<>();
		try (XhrJsContext js = XhrJsContext.create(factory(dir))) {
			for (String script : List.of("node_modules/sinon/pkg/sinon.js", "node_modules/chai/chai.js",
					"node_modules/sinon-chai/lib/sinon-chai.js", "node_modules/mocha/mocha.js")) {
				eval(js, Xhr2Suite.read(script) + "\n;true");
			}
			// As test/src/helpers/browser_mocha_setup.coffee and the browser half of setup.coffee, with a reporter
			// that keeps each test's outcome.
			eval(js, """
					// The test page's location, which mocha's browser runner reads its options from.
					globalThis.location = { href: 'http://localhost:8912/test/html/browser_test.html', search: '',
					  hash: '', protocol: 'http:', host: 'localhost:8912', pathname: '/test/html/browser_test.html' };
					globalThis.results = [];
					mocha.setup({ ui: 'bdd', slow: 150, timeout: 5000, bail: false });
					mocha.reporter(function (runner) {
					  runner.on('pass', (t) => results.push([t.fullTitle(), 'passed']));
					  runner.on('fail', (t, err) => results.push([t.fullTitle(), 'failed: ' + (err && err.message)]));
					  runner.on('pending', (t) => results.push([t.fullTitle(), 'pending']));
					});
					globalThis.NetworkError = Error;
					globalThis.SecurityError = Error;
					globalThis.assert = chai.assert;
					globalThis.expect = chai.expect;
					true""");
			eval(js, Xhr2Suite.read("test/js/helpers/xhr2.png.js") + "\n;true");
			for (File test : dir.resolve("test/js").toFile().listFiles((d, name) -> name.endsWith("_test.js")
					&& !name.equals(NODE_ONLY))) {
				eval(js, Xhr2Suite.read("test/js/" + test.getName()) + "\n;true");
			}
			eval(js, "globalThis.finished = false; mocha.run(() => { finished = true; }); true");
			assertThat(js.runUntilIdle(Duration.ofMinutes(3))).isTrue();
			String report = (String) eval(js, "results.map((r) => r[0] + '\\u0001' + r[1]).join('\\u0002')");
			for (String line : report.split("\u0002")) {
				String[] entry = line.split("\u0001", 2);
				ours.put(entry[0], entry[1]);
			}
		}
		finally {
			server.destroy();
			server.waitFor(10, TimeUnit.SECONDS);
		}
		Map<String, String> failed = new TreeMap<>();
		ours.forEach((title, outcome) -> {
			if (!outcome.equals("passed")) {
				failed.put(title, outcome);
			}
		});
		System.out.println("xhr2 " + Xhr2Suite.VERSION + " suite on the bridge: " + (ours.size() - failed.size())
				+ " passed, " + failed.size() + " failed, " + EXCLUDED + " excluded (" + NODE_ONLY + ")");
		failed.forEach((title, outcome) -> System.out.println("  failed: " + title + " -- " + outcome));
		// xhr2 itself in Node passes its whole suite.
		assertThat(node).contains("\"tests\": 90,").contains("\"passes\": 90,").contains("\"failures\": 0,");
		assertThat(ours).hasSize(90 - EXCLUDED);
		assertThat(failed.keySet()).containsExactlyInAnyOrderElementsOf(KNOWN_FAILURES.keySet());
	}

	/** The tests of {@link #NODE_ONLY}. */
	static final int EXCLUDED = 16;

	private static final String READYSTATE = "the standard fires readystatechange with each progress in LOADING "
			+ "([1, 2, 3, 3, 3, 4]), as Chromium does; xhr2 fires it once";

	private static final String CONNECTION = "the test expects Connection: keep-alive, which xhr2 and Chromium send; "
			+ "the engine sends no Connection header (HTTP/1.1 connections persist without it)";

	private static final String SORTED = "the standard sorts getAllResponseHeaders() by name, so accept-ranges comes "
			+ "first; the test's /(\\A|\\r\\n)accept-ranges/ needs a line before it (JavaScript has no \\A)";

	private static final String GOPHER = "an unsupported scheme is a network error event after an asynchronous send(), "
			+ "as the standard and Chromium have it; xhr2 throws from send()";

	/**
	 * Where xhr2's tests expect what xhr2 does and a browser does not, each with the reason (docs/javascript.md);
	 * a listener's failed assertion ends its test by mocha's timeout, as in a browser.
	 */
	static final Map<String, String> KNOWN_FAILURES = Map.of(
			"XMLHttpRequest readystatechange for a successful fetch with Content-Length set events states are in the "
					+ "correct order", READYSTATE,
			"XMLHttpRequest readystatechange for a successful fetch without Content-Length set events states are in "
					+ "the correct order", READYSTATE,
			"XMLHttpRequest when redirected persists custom request headers across redirects", CONNECTION,
			"XMLHttpRequest when redirected drops content-related headers across redirects", CONNECTION,
			"XMLHttpRequest with no headers should set the protected headers correctly", CONNECTION,
			"XMLHttpRequest #getAllResponseHeaders contains accessible headers", SORTED,
			"XMLHttpRequest #getAllResponseHeaders returns headers when the XHR enters HEADERS_RECEIVED", SORTED,
			"XMLHttpRequest on a local gopher GET #open + #send throw a NetworkError", GOPHER);

	/** The browser page's view: http://localhost:8912, trusting the suite's self-signed https certificate. */
	private static XhrFactory factory(Path dir) throws Exception {
		File certificate = dir.resolve("test/ssl/cert.pem").toFile();
		HttpClient httpClient = BrowserHttpClient.configure(HttpClient.create()
			.secure((spec) -> spec.sslContext(Http11SslContextSpec.forClient()
				.configure((builder) -> builder.trustManager(certificate)))));
		return XhrFactory.builder()
			.webClientBuilder(WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient)))
			.baseUrl("http://localhost:8912/test/html/browser_test.html")
			.origin("http://localhost:8912")
			.build();
	}

	private static Object eval(XhrJsContext js, String source) {
		return js.eval(source).orTimeout(60, TimeUnit.SECONDS).join();
	}

}
