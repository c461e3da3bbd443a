package dev.springxhr.xhr.oracle;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;

import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.XhrSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Replays every scenario of {@code oracle/core-scenarios.json} with our {@code XMLHttpRequest} against the browser
 * oracle's own scenario server ({@code oracle/server.py}) and compares the trace with what headless Chromium
 * recorded ({@code oracle/core-golden.json}): the step/event log, the final state and the requests the server
 * received. One dynamic test per scenario, named after it, in file order (scenarios share the server's log, so
 * they run one at a time).
 *
 * <p>Everything must match the browser, except the differences listed in {@link #KNOWN_DIFFERENCES}: for those,
 * the test states and asserts our own expected behaviour as an explicit edit of Chromium's trace.
 *
 * <p>How the trace is made and compared: {@link ScenarioInterpreter} (runner.js in Java), {@link TraceRecorder}
 * and {@link ComparableTrace} (the normalizations of the tool's README).
 */
class OracleReplayTests {

	private static final String NOT_YET_ORIGIN = "not yet: issue Engine 3 of 7 (origin mode/credentials)";

	/**
	 * Scenarios where we intentionally differ from Chromium: the reason, and our expected behaviour as an edit of
	 * Chromium's (normalized) trace, plus any extra assertion on our raw trace.
	 */
	static final Map<String, KnownDifference> KNOWN_DIFFERENCES = knownDifferences();

	private static OracleServer server;

	private static ScenarioInterpreter interpreter;

	@BeforeAll
	static void startServer() throws Exception {
		Path script = resource("oracle/server.py");
		Path scenarios = resource("oracle/core-scenarios.json");
		// target/test-classes/oracle/server.py -> target/oracle-replay (the server's log and --out)
		Path workDir = script.getParent().getParent().getParent().resolve("oracle-replay");
		server = OracleServer.start(script, scenarios, workDir);
		XhrFactory factory = XhrFactory.of(WebClient.builder(),
				XhrSettings.defaults().withBaseUrl(URI.create(ScenarioInterpreter.pageUrl(server))));
		interpreter = new ScenarioInterpreter(factory, server);
	}

	@AfterAll
	static void stopServer() {
		if (server != null) {
			server.close();
		}
	}

	@TestFactory
	@SuppressWarnings("unchecked")
	Stream<DynamicTest> replayCoreScenarios() throws Exception {
		Map<String, Object> scenariosFile = (Map<String, Object>) readJson("oracle/core-scenarios.json");
		Map<String, Object> goldenFile = (Map<String, Object>) readJson("oracle/core-golden.json");
		List<Map<String, Object>> scenarios = (List<Map<String, Object>>) scenariosFile.get("scenarios");
		Map<String, Map<String, Object>> golden = new LinkedHashMap<>();
		for (Map<String, Object> trace : (List<Map<String, Object>>) goldenFile.get("traces")) {
			golden.put((String) trace.get("name"), trace);
		}
		Set<String> names = new LinkedHashSet<>();
		scenarios.forEach((s) -> names.add((String) s.get("name")));

		DynamicTest fixtures = DynamicTest.dynamicTest("fixtures: every scenario has a golden trace", () -> {
			assertThat(golden.keySet()).containsExactlyElementsOf(names);
			assertThat(names).containsAll(KNOWN_DIFFERENCES.keySet());
		});
		Stream<DynamicTest> replays = scenarios.stream()
			.map((scenario) -> DynamicTest.dynamicTest((String) scenario.get("name"),
					() -> replay(scenario, golden.get((String) scenario.get("name")))));
		return Stream.concat(Stream.of(fixtures), replays);
	}

	@SuppressWarnings("unchecked")
	private void replay(Map<String, Object> scenario, Map<String, Object> golden) throws Exception {
		String name = (String) scenario.get("name");
		assertThat(golden).as("golden trace of %s", name).isNotNull();
		// A JSON round trip gives our trace exactly the value types of the golden file.
		Map<String, Object> actual = (Map<String, Object>) Json.parse(Json.write(interpreter.run(scenario)));
		String rawResponseText = (String) actual.remove("$rawResponseText");

		ComparableTrace expected = ComparableTrace.of(golden);
		ComparableTrace ours = ComparableTrace.of(actual);
		KnownDifference known = KNOWN_DIFFERENCES.get(name);
		String context = name + ((known != null) ? " [known difference: " + known.reason() + "]" : "");
		if (known != null) {
			known.expectation().accept(expected);
		}
		// deterministic:false (racy in the browser itself): compare the events only.
		boolean deterministic = !Boolean.FALSE.equals(golden.get("deterministic"));

		List<Executable> checks = new ArrayList<>();
		checks.add(() -> assertLines(context, "log", expected.renderLog(), ours.renderLog()));
		if (deterministic) {
			checks.add(() -> assertLines(context, "final", expected.renderFinal(), ours.renderFinal()));
			checks.add(() -> assertLines(context, "server", expected.renderServer(), ours.renderServer()));
			checks.add(() -> assertEquals(expected.finished, ours.finished,
					context + ": finished (the awaited loadend events came within 5 s)"));
		}
		Long echoLength = ComparableTrace.echoLength((Map<String, Object>) actual.get("final"),
				(List<Map<String, Object>>) actual.get("log"));
		if (echoLength != null && rawResponseText != null) {
			// The echo length is compared as a token above; here: our loaded/total are the body's real length.
			checks.add(() -> assertEquals(ScenarioInterpreter.utf8Length(rawResponseText), echoLength.longValue(),
					context + ": load.loaded must be the UTF-8 length of the echoed body"));
		}
		if (known != null) {
			checks.add(() -> known.extraChecks().accept(actual));
		}
		assertAll(context, checks);
	}

	// ---- known differences -------------------------------------------------------------------------------------------

	/**
	 * A known, intentional difference from Chromium.
	 * @param reason why we differ
	 * @param expectation turns Chromium's normalized trace into what we expect
	 * @param extraChecks more assertions on our (normalized) trace, for what the normalization hides
	 */
	record KnownDifference(String reason, Consumer<ComparableTrace> expectation,
			Consumer<Map<String, Object>> extraChecks) {

		KnownDifference(String reason, Consumer<ComparableTrace> expectation) {
			this(reason, expectation, (actual) -> {
			});
		}

	}

	private static Map<String, KnownDifference> knownDifferences() {
		Map<String, KnownDifference> known = new LinkedHashMap<>();

		// Chromium bug (see oracle/README.md): after open() inside readystatechange(2), Chromium still delivers the
		// old response's buffered body (rsc(3) with status 0, progress(1300,0,false)) and ends in LOADING with the
		// old text. The spec drops the old response (processResponse step 6): only the rsc(1) of open() is seen.
		known.put("open-in-rsc2", new KnownDifference(
				"we follow the spec, Chromium has a bug: only rsc(1) after the reopen, the old body is dropped",
				(trace) -> {
					boolean removed = trace.log.removeIf((e) -> "event".equals(e.get("kind"))
							&& Long.valueOf(0).equals(e.get("status"))
							&& (("readystatechange".equals(e.get("type")) && Long.valueOf(3).equals(e.get("readyState")))
									|| "progress".equals(e.get("type"))));
					assertThat(removed).as("Chromium's extra rsc(3)/progress after the reopen").isTrue();
					trace.finalState.put("readyState", 1L);
					trace.finalState.put("responseText", "");
					trace.finalState.put("response", "");
				}));

		// The spec removed User-Agent from the forbidden request headers; Chromium still drops the author's value.
		// User-Agent is an ambient header (not compared), so it is asserted here explicitly.
		known.put("srh-forbidden-allowed", new KnownDifference(
				"we send the author's User-Agent, which the spec allows; Chromium drops it", (trace) -> {
				}, (actual) -> {
					List<?> request = (List<?>) ((Map<?, ?>) ((List<?>) actual.get("server")).get(0)).get("headers");
					assertThat(request).as("User-Agent the server received")
						.anySatisfy((h) -> {
							assertThat((String) ((List<?>) h).get(0)).isEqualToIgnoringCase("User-Agent");
							assertThat(((List<?>) h).get(1)).isEqualTo("oracle-agent/1");
						});
				}));

		// Same-origin POST/PUT/DELETE/PATCH carry Origin: {A} in Chromium (Fetch). Our factory has no origin yet.
		for (String name : List.of("post-upload-interleaving", "open-method-patch-mixed-case",
				"open-method-delete-mixed-case", "send-post-null", "send-put-null", "send-delete-null",
				"send-post-string", "send-post-arraybuffer")) {
			known.put(name, new KnownDifference(NOT_YET_ORIGIN + ": no Origin request header",
					(trace) -> trace.withoutRequestHeader("Origin")));
		}

		// Chromium answers the 401 + WWW-Authenticate: Basic challenge by retrying once with the URL's credentials.
		// We do not retry yet: one request, without Authorization, and its 401 is the response.
		known.put("open-credentials-args-401", new KnownDifference(
				NOT_YET_ORIGIN + ": no retry with Authorization: Basic after the 401 challenge", (trace) -> {
					assertThat(trace.server).hasSize(2);
					trace.server.remove(1);
					trace.withoutRequestHeader("Authorization");
				}));
		return known;
	}

	// ---- helpers -------------------------------------------------------------------------------------------------------

	private static void assertLines(String context, String what, List<String> expected, List<String> actual) {
		if (expected.equals(actual)) {
			return;
		}
		int first = 0;
		while (first < expected.size() && first < actual.size() && expected.get(first).equals(actual.get(first))) {
			first++;
		}
		StringBuilder message = new StringBuilder();
		message.append(context).append(": ").append(what).append(" differs from the expected trace at line ")
			.append(first).append('\n');
		message.append("  expected: ").append((first < expected.size()) ? expected.get(first) : "<end>").append('\n');
		message.append("  actual:   ").append((first < actual.size()) ? actual.get(first) : "<end>").append('\n');
		message.append("--- expected ").append(what).append('\n');
		appendNumbered(message, expected);
		message.append("--- actual ").append(what).append('\n');
		appendNumbered(message, actual);
		throw new AssertionFailedError(message.toString(), String.join("\n", expected), String.join("\n", actual));
	}

	private static void appendNumbered(StringBuilder out, List<String> lines) {
		for (int i = 0; i < lines.size(); i++) {
			out.append(String.format("%3d ", i)).append(lines.get(i)).append('\n');
		}
	}

	private static Path resource(String name) throws URISyntaxException, IOException {
		URL url = OracleReplayTests.class.getClassLoader().getResource(name);
		if (url == null) {
			throw new IOException("test resource " + name + " not found");
		}
		return Path.of(url.toURI());
	}

	private static Object readJson(String name) throws Exception {
		return Json.parse(Files.readString(resource(name), StandardCharsets.UTF_8));
	}

}
