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

import org.jspecify.annotations.Nullable;
import io.netty.channel.DefaultEventLoopGroup;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import reactor.netty.http.client.HttpClient;
import org.opentest4j.AssertionFailedError;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.BrowserHttpClient;
import dev.springxhr.xhr.EventDelivery;
import dev.springxhr.xhr.SyncXhrPolicy;
import dev.springxhr.xhr.WebClientXhrFactory;
import dev.springxhr.xhr.XhrEventObserver;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.XhrSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Replays every scenario of the oracle fixture files — {@code oracle/<name>-scenarios.json} for each of
 * {@link #FIXTURES} (core, bodies, security and its URL-userinfo supplement) — with our {@code XMLHttpRequest}
 * against the browser oracle's own scenario server ({@code oracle/server.py}, origins {A} and {B} on two adjacent
 * ports) and compares each trace with what headless Chromium recorded ({@code oracle/<name>-golden.json}): the
 * step/event log, the final state and the requests the server received. One test factory per file, one dynamic
 * test per scenario, named after it, in file order (scenarios share the server's log, so they run one at a time).
 *
 * <p>One server serves every file (the scenarios file it is given is only served as {@code /scenarios.json}, which
 * the replay does not use). Each file gets its own {@link XhrFactory}, so its own cookie jar, as each browser run
 * had a fresh profile.
 *
 * <p>Everything must match the browser, except the differences listed in {@link #KNOWN_DIFFERENCES}: for those,
 * the test states and asserts our own expected behaviour as an explicit edit of Chromium's trace.
 *
 * <p>How the trace is made and compared: {@link ScenarioInterpreter} (runner.js in Java), {@link TraceRecorder}
 * and {@link ComparableTrace} (the normalizations of the tool's README).
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = { "executor", "event-loop" })
class OracleReplayTests {

	/**
	 * How the page's script and its events run: {@code executor}, the script on the test's thread with its events
	 * held by a {@link ScriptEventLoop}; {@code event-loop}, the script on a Netty event loop with
	 * {@code EventDelivery.EVENT_LOOP}, the events waiting for the loop.
	 */
	@Parameter
	String delivery;

	/** The Netty event loop of the "event-loop" runs' scripts. */
	private static final DefaultEventLoopGroup scriptLoop = new DefaultEventLoopGroup(1);

	/** The fixture files: {@code oracle/<name>-scenarios.json} with {@code oracle/<name>-golden.json}. */
	static final List<String> FIXTURES = List.of("core", "bodies", "security", "security-userinfo",
			"url-hosts", "url-paths", "upload-empty", "leniency");

	/**
	 * Scenarios where we intentionally differ from Chromium: the reason, and our expected behaviour as an edit of
	 * Chromium's (normalized) trace, plus any extra assertion on our raw trace. Scenario names are unique across
	 * the fixture files.
	 */
	static final Map<String, KnownDifference> KNOWN_DIFFERENCES = knownDifferences();

	/**
	 * Scenarios marked {@code deterministic:false} whose only run-to-run difference {@link ComparableTrace}
	 * normalizes away, so that they are compared in full: {@code ctype-1252-formdata} differs only by the random
	 * boundary in its body (its author Content-Type is not multipart, so server.py leaves the boundary in).
	 */
	static final Set<String> DETERMINISTIC_ONCE_NORMALIZED = Set.of("ctype-1252-formdata");

	private static OracleServer server;

	@BeforeAll
	static void startServer() throws Exception {
		Path script = resource("oracle/server.py");
		Path scenarios = resource("oracle/core-scenarios.json");
		// target/test-classes/oracle/server.py -> target/oracle-replay (the server's log and --out)
		Path workDir = script.getParent().getParent().getParent().resolve("oracle-replay");
		server = OracleServer.start(script, scenarios, workDir);
	}

	@AfterAll
	static void stopServer() {
		scriptLoop.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
		if (server != null) {
			server.close();
		}
	}

	/** A fresh interpreter, with a fresh factory and cookie jar, as a fresh browser profile. */
	private ScenarioInterpreter newInterpreter() {
		// A page of origin {A}, as runner.html is: Origin headers, CORS and same-origin credentials as in Chromium.
		URI page = URI.create(ScenarioInterpreter.pageUrl(server));
		ScriptEventLoop eventLoop = new ScriptEventLoop();
		// Reactor Netty as XhrFactory.ofDefaults() and the auto-configured connector set it up: parsing responses as
		// a browser does (BrowserHttpClient).
		HttpClient httpClient = BrowserHttpClient.configure(HttpClient.create());
		XhrSettings settings = XhrSettings.defaults().withBaseUrl(page).withOrigin(URI.create(page.getScheme() + "://"
				+ page.getRawAuthority()));
		boolean onEventLoop = this.delivery.equals("event-loop");
		if (onEventLoop) {
			// A page's script may send synchronously; the script's thread here is an event loop.
			settings = settings.withEventDelivery(EventDelivery.EVENT_LOOP).withSyncXhrPolicy(SyncXhrPolicy.ALLOW);
		}
		XhrFactory factory = new WebClientXhrFactory(
				WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient)), settings, eventLoop,
				XhrEventObserver.NONE);
		return new ScenarioInterpreter(factory, server, eventLoop, onEventLoop ? scriptLoop.next() : null);
	}

	@TestFactory
	Stream<DynamicTest> replayCoreScenarios() throws Exception {
		return replayFile("core");
	}

	@TestFactory
	Stream<DynamicTest> replayBodiesScenarios() throws Exception {
		return replayFile("bodies");
	}

	@TestFactory
	Stream<DynamicTest> replaySecurityScenarios() throws Exception {
		return replayFile("security");
	}

	@TestFactory
	Stream<DynamicTest> replaySecurityUserinfoScenarios() throws Exception {
		return replayFile("security-userinfo");
	}

	@TestFactory
	Stream<DynamicTest> replayLeniencyScenarios() throws Exception {
		return replayFile("leniency");
	}

	@TestFactory
	Stream<DynamicTest> replayUploadEmptyScenarios() throws Exception {
		return replayFile("upload-empty");
	}

	@TestFactory
	Stream<DynamicTest> replayUrlHostsScenarios() throws Exception {
		return replayFile("url-hosts");
	}

	@TestFactory
	Stream<DynamicTest> replayUrlPathsScenarios() throws Exception {
		return replayFile("url-paths");
	}

	@Test
	void everyKnownDifferenceNamesAScenario() throws Exception {
		Set<String> names = new LinkedHashSet<>();
		for (String fixture : FIXTURES) {
			names.addAll(scenarioNames(fixture));
		}
		assertThat(names).containsAll(KNOWN_DIFFERENCES.keySet());
	}

	@SuppressWarnings("unchecked")
	private Stream<DynamicTest> replayFile(String fixture) throws Exception {
		Map<String, Object> scenariosFile = (Map<String, Object>) readJson("oracle/" + fixture + "-scenarios.json");
		Map<String, Object> goldenFile = (Map<String, Object>) readJson("oracle/" + fixture + "-golden.json");
		if (fixture.equals("security-userinfo")) {
			scenariosFile = (Map<String, Object>) withServerPorts(scenariosFile, Map.of("127.0.0.1:18765",
					"127.0.0.1:" + server.portA(), "127.0.0.1:18766", "127.0.0.1:" + server.portB()));
		}
		if (fixture.equals("url-hosts") || fixture.equals("url-paths")) {
			Map<String, String> ports = Map.of(":18865", ":" + server.portA(), ":018865", ":0" + server.portA());
			scenariosFile = (Map<String, Object>) withServerPorts(scenariosFile, ports);
			goldenFile = (Map<String, Object>) withServerPorts(goldenFile, ports);
		}
		List<Map<String, Object>> scenarios = (List<Map<String, Object>>) scenariosFile.get("scenarios");
		Map<String, Map<String, Object>> golden = new LinkedHashMap<>();
		for (Map<String, Object> trace : (List<Map<String, Object>>) goldenFile.get("traces")) {
			golden.put((String) trace.get("name"), trace);
		}
		Set<String> names = scenarioNames(fixture);
		ScenarioInterpreter interpreter = newInterpreter();

		DynamicTest fixtures = DynamicTest.dynamicTest("fixtures: every scenario has a golden trace",
				() -> assertThat(golden.keySet()).containsExactlyElementsOf(names));
		Stream<DynamicTest> replays = scenarios.stream()
			.map((scenario) -> DynamicTest.dynamicTest((String) scenario.get("name"),
					() -> replay(interpreter, scenario, golden.get((String) scenario.get("name")))));
		return Stream.concat(Stream.of(fixtures), replays);
	}

	/**
	 * The userinfo supplement was recorded with literal ports ({@code --port 18765}: {A} = 18765, {B} = 18766),
	 * because {@code http://user:pass@{A}/} cannot be written with the placeholders. Its scenarios are replayed with
	 * those authorities rewritten to the server's own ports at load time; its golden traces are normalized already
	 * ({@code {hostA}}, {@code {hostB}}), so they need no change. The URL-host fixture ({@code --port 18865}) spells
	 * hosts {A} cannot ({@code 0x7f.1:18865}, {@code LOCALHOST:18865}); there the port is rewritten in the scenarios
	 * and in the golden traces, where responseURL and Host keep hosts other than 127.0.0.1 with their port.
	 */
	private static Object withServerPorts(Object value, Map<String, String> replacements) {
		if (value instanceof String s) {
			for (Map.Entry<String, String> replacement : replacements.entrySet()) {
				s = s.replace(replacement.getKey(), replacement.getValue());
			}
			return s;
		}
		if (value instanceof List<?> list) {
			return list.stream().map((item) -> withServerPorts(item, replacements)).toList();
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> out = new LinkedHashMap<>();
			map.forEach((k, v) -> out.put((String) k, withServerPorts(v, replacements)));
			return out;
		}
		return value;
	}

	@SuppressWarnings("unchecked")
	private static Set<String> scenarioNames(String fixture) throws Exception {
		Map<String, Object> scenariosFile = (Map<String, Object>) readJson("oracle/" + fixture + "-scenarios.json");
		Set<String> names = new LinkedHashSet<>();
		((List<Map<String, Object>>) scenariosFile.get("scenarios")).forEach((s) -> names.add((String) s.get("name")));
		return names;
	}

	@SuppressWarnings("unchecked")
	private void replay(ScenarioInterpreter interpreter, Map<String, Object> scenario, Map<String, Object> golden)
			throws Exception {
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
		boolean deterministic = !Boolean.FALSE.equals(golden.get("deterministic"))
				|| DETERMINISTIC_ONCE_NORMALIZED.contains(name);

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

	@SuppressWarnings("unchecked")
	/** Edit the headers a trace reports, in its getAllResponseHeaders() steps and its final state. */
	private static void replaceHeaders(ComparableTrace trace, String chromium, String ours) {
		boolean replaced = false;
		for (Map<String, Object> entry : trace.log) {
			if ("getAllResponseHeaders".equals(entry.get("op")) && entry.get("value") instanceof String headers
					&& headers.contains(chromium)) {
				entry.put("value", headers.replace(chromium, ours));
				replaced = true;
			}
		}
		if (trace.finalState.get("allResponseHeaders") instanceof String headers && headers.contains(chromium)) {
			trace.finalState.put("allResponseHeaders", headers.replace(chromium, ours));
			replaced = true;
		}
		assertThat(replaced).as("Chromium's headers %s in the trace", chromium).isTrue();
	}

	/** Expect a network error where Chromium loaded: loadend with status 0, and the getters of a network error. */
	private static void asNetworkError(ComparableTrace trace) {
		for (Map<String, Object> entry : trace.log) {
			if ("event".equals(entry.get("kind")) && "loadend".equals(entry.get("type"))) {
				entry.put("status", 0L);
				entry.put("loaded", 0L);
				entry.put("total", 0L);
				entry.put("lengthComputable", false);
			}
			if ("step".equals(entry.get("kind")) && entry.containsKey("value")) {
				boolean status = "get".equals(entry.get("op")) && List.of("status").equals(entry.get("args"));
				entry.put("value", status ? 0L : "");
			}
		}
		trace.finalState.put("status", 0L);
		trace.finalState.put("statusText", "");
		trace.finalState.put("responseURL", "");
		trace.finalState.put("allResponseHeaders", "");
		trace.finalState.put("responseText", "");
		trace.finalState.put("response", "");
	}

	/** An empty body's upload events by the standard: loadstart, progress, load, loadend, all (0, 0, false). */
	private static void emptyUploadAsTheStandardSays(ComparableTrace trace) {
		int loadstart = -1;
		for (int i = 0; i < trace.log.size(); i++) {
			Map<String, Object> entry = trace.log.get(i);
			if ("upload".equals(entry.get("target")) && "loadstart".equals(entry.get("type"))) {
				loadstart = i;
			}
		}
		assertThat(loadstart).as("Chromium's upload loadstart").isGreaterThanOrEqualTo(0);
		Map<String, Object> start = trace.log.get(loadstart);
		assertThat(start.get("lengthComputable")).as("Chromium's computable upload loadstart").isEqualTo(true);
		start.put("lengthComputable", false);
		List<Map<String, Object>> end = new ArrayList<>();
		for (String type : List.of("progress", "load", "loadend")) {
			Map<String, Object> event = new LinkedHashMap<>(start);
			event.put("type", type);
			event.remove("in");
			end.add(event);
		}
		// Before processResponse: the request body is always written before the response is processed.
		trace.log.addAll(loadstart + 1, end);
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

		// ---- leniency-scenarios.json ----
		// (BrowserHttpClient parses the rest as Chromium does: equal Content-Length values reported as sent, header
		// lines dropped or kept by Chromium's rules, heads up to 256 KiB, interim 1xx responses skipped.)
		// An invalid Content-Length ("+3"): RFC 9112 §6.3 makes the framing invalid and tells a user agent to discard
		// the response; Netty does (a smuggling guard on a pooled connection), Chromium ignores the header and reads
		// to the close.
		known.put("len-cl-plus", new KnownDifference("a response with an invalid Content-Length ('+3') is a network "
				+ "error (RFC 9112 §6.3); Chromium ignores the header and reads the body to the close",
				OracleReplayTests::asNetworkError));
		// Transfer-Encoding and Content-Length together: RFC 9112 §6.3 lets the client treat it as an error (a
		// response-splitting risk on a pooled connection); Netty does, Chromium ignores the Content-Length.
		known.put("len-te-and-cl", new KnownDifference("a response with both Transfer-Encoding and Content-Length is "
				+ "a network error (RFC 9112 §6.3, a smuggling guard); Chromium loads it",
				OracleReplayTests::asNetworkError));

		// ---- upload-empty-scenarios.json ----
		// XHR send() step 8 leaves the upload complete flag unset for an empty (non-null) body, so "handle request
		// end-of-body" fires upload progress, load and loadend with 0 and 0, and "fire a progress event" with length
		// 0 leaves lengthComputable false. Chromium fires only the upload loadstart, computable, and never its
		// loadend.
		for (String name : List.of("upload-empty-string-body", "upload-empty-blob-body")) {
			known.put(name, new KnownDifference("we follow the spec: an empty body's upload loadstart is not length-"
					+ "computable and is followed by progress, load and loadend (0, 0); Chromium fires only the "
					+ "loadstart", OracleReplayTests::emptyUploadAsTheStandardSays));
		}

		// ---- bodies-scenarios.json ----

		// XHR send() step 4.5.1: the author Content-Type is parsed, its charset set to UTF-8, and re-serialized
		// (WPT send-content-type-charset.htm: "unknown parameters need to be preserved" expects this form).
		// Chromium only swaps the charset value in place and keeps the author's casing, spaces and quotes.
		known.put("ctype-1252-string", new KnownDifference(
				"we re-serialize the rewritten author Content-Type as the spec says, Chromium replaces only the "
						+ "charset value in place", (trace) -> {
					trace.withRequestHeaderValue("Content-Type", "Text/Plain; Charset=\"UTF-8\"; a=b",
							"text/plain;charset=UTF-8;a=b");
				}));

		// XHR "get a blob response": the Blob's type is the final MIME type serialized, parameters included (WPT
		// overridemimetype-blob.html expects them); Chromium reports the lower-cased essence only.
		known.put("blob-text-charset-space", new KnownDifference(BLOB_TYPE,
				(trace) -> blobType(trace.finalState.get("response"), "text/plain", "text/plain;charset=utf-8")));
		known.put("blob-ctype-mixed-case", new KnownDifference(BLOB_TYPE,
				(trace) -> blobType(trace.finalState.get("response"), "text/plain",
						"text/plain;charset=UTF-8;foo=Bar")));
		known.put("blob-override", new KnownDifference(BLOB_TYPE, (trace) -> {
			Map<String, Object> first = trace.log.stream()
				.filter((e) -> "get".equals(e.get("op")) && e.get("value") != null)
				.findFirst()
				.orElseThrow();
			blobType(first.get("value"), "text/plain", "text/plain;charset=Shift_JIS");
		}));

		// XHR set a document response step 8 "set document's encoding to charset": the XML parser decoded the
		// latin1 sample with its declaration's encoding, iso-8859-1, which the Encoding Standard names
		// windows-1252. Chromium decodes the same way but reports UTF-8.
		known.put("doc-xml-kinds", new KnownDifference(
				"we report the encoding the XML parser used (windows-1252 for encoding=\"ISO-8859-1\");"
						+ " Chromium says UTF-8",
				(trace) -> {
					Map<String, Object> latin1 = trace.log.stream()
						.filter((e) -> "get".equals(e.get("op")) && e.get("value") instanceof Map<?, ?> doc
								&& "r".equals(doc.get("root")) && "é".equals(doc.get("text")))
						.findFirst()
						.orElseThrow();
					Map<String, Object> document = new LinkedHashMap<>((Map<String, Object>) latin1.get("value"));
					assertThat(document.get("characterSet")).isEqualTo("UTF-8");
					document.put("characterSet", "windows-1252");
					latin1.put("value", document);
				}));

		// Fetch scheme fetch "data": the response's header list is only Content-Type, so XHR's "extract a length"
		// gives null, and progress/load/loadend have total 0 and lengthComputable false. Chromium uses the decoded
		// body length.
		for (String name : List.of("data-text-events", "data-base64-untyped", "data-post")) {
			known.put(name, new KnownDifference(DATA_LENGTH, OracleReplayTests::dataUrlLengthNotComputable));
		}
		// URL Standard opaque path state: a data: URL's path is percent-encoded with the C0 control set only, so
		// responseURL keeps '{' and '"' (Chromium is right). open() parses with java.net.URI (RFC 2396), which cannot
		// hold them, so they are percent-encoded; keeping them needs a URL Standard parser and serializer.
		known.put("data-json", new KnownDifference(DATA_LENGTH, OracleReplayTests::dataUrlLengthNotComputable));

		// ---- security-scenarios.json and security-userinfo-scenarios.json ----

		// Fetch "CORS non-wildcard request-header name" (Authorization): `Access-Control-Allow-Headers: *` never
		// covers it (Fetch §4.7 CORS-preflight fetch step 7.6); it must be listed. Chromium lets the wildcard cover
		// it and only prints a deprecation warning.
		known.put("cors-preflight-authorization-star", new KnownDifference(
				"we follow Fetch: ACAH '*' never covers Authorization: the preflight fails; Chromium lets it through",
				OracleReplayTests::networkErrorAfterPreflight));
		// Fetch §4.5 HTTP-network-or-cache fetch step 14 would prompt the user for credentials on a 401 without
		// usable ones; Chromium waits for a prompt that headless never answers, so only the scenario's timeout ends
		// it. We have no prompt: the 401 is the response.
		known.put("auth-401-no-credentials", new KnownDifference(NO_AUTH_PROMPT,
				(trace) -> delivered401(trace,
						"{A}/status?code=401&body=denied&h=WWW-Authenticate:Basic%20realm%3D%22oracle%22")));
		known.put("redir-to-userinfo-same-origin", new KnownDifference(NO_AUTH_PROMPT + " (after the one retry with"
				+ " the URL's credentials)", (trace) -> delivered401(trace,
						"http://user:pass@{hostA}/status?code=401&body=denied"
								+ "&h=WWW-Authenticate:Basic%20realm%3D%22oracle%22")));
		// As srh-forbidden-allowed, across a redirect: Fetch keeps the author's User-Agent on every hop.
		known.put("redir-user-agent", new KnownDifference(
				"we send the author's User-Agent on both hops, which the spec allows; Chromium drops it", (trace) -> {
				}, (actual) -> {
					List<?> requests = (List<?>) actual.get("server");
					assertThat(requests).as("the requests of both hops").hasSize(2);
					for (Object request : requests) {
						List<?> headers = (List<?>) ((Map<?, ?>) request).get("headers");
						assertThat(headers).as("User-Agent the server received").anySatisfy((h) -> {
							assertThat((String) ((List<?>) h).get(0)).isEqualToIgnoringCase("User-Agent");
							assertThat(((List<?>) h).get(1)).isEqualTo("oracle-ua/1");
						});
					}
				}));
		// ---- url-paths-scenarios.json ----

		// The URL Standard's path percent-encode set leaves '|' raw (WPT urltestdata agrees); Chromium's URL parser
		// escapes it in a path, so its responseURL and request line have %7C where ours have '|'.
		for (String scenario : List.of("path-space-and-quote", "path-square-brackets")) {
			known.put(scenario, new KnownDifference("we follow the URL Standard: '|' in a path stays raw in "
					+ "responseURL and the request line; Chromium percent-encodes it", (trace) -> {
						for (Map<String, Object> entry : trace.log) {
							if ("responseURL".equals(firstArg(entry)) && entry.get("value") instanceof String url) {
								entry.put("value", rawPipeInPath(url));
							}
						}
						trace.finalState.put("responseURL", rawPipeInPath((String) trace.finalState.get("responseURL")));
						for (Map<String, Object> request : trace.server) {
							request.put("target", rawPipeInPath((String) request.get("target")));
						}
					}));
		}

		return known;
	}

	private static @Nullable Object firstArg(Map<String, Object> logEntry) {
		return (logEntry.get("args") instanceof List<?> args && !args.isEmpty()) ? args.get(0) : null;
	}

	/** A URL's path with Chromium's %7C back to the '|' the URL Standard leaves raw (the query is untouched). */
	private static String rawPipeInPath(String url) {
		int query = url.indexOf('?');
		String path = (query >= 0) ? url.substring(0, query) : url;
		return path.replace("%7C", "|") + ((query >= 0) ? url.substring(query) : "");
	}

	private static final String NO_AUTH_PROMPT = "we have no HTTP-auth prompt: a 401 without usable credentials is"
			+ " the response; Chromium waits for a prompt until the scenario's timeout";

	/**
	 * Chromium's successful trace of a request that we fail at its preflight: the events after send()'s loadstart
	 * become a network error, the final state that of a network error, and the server saw only the OPTIONS.
	 */
	private static void networkErrorAfterPreflight(ComparableTrace trace) {
		int loadstart = indexOfSendLoadstart(trace);
		trace.log.subList(loadstart + 1, trace.log.size()).clear();
		trace.log.add(event("readystatechange", 4, 0, null, null, null));
		trace.log.add(event("error", 4, 0, 0L, 0L, false));
		trace.log.add(event("loadend", 4, 0, 0L, 0L, false));
		trace.finalState.put("status", 0L);
		trace.finalState.put("statusText", "");
		trace.finalState.put("responseURL", "");
		trace.finalState.put("allResponseHeaders", "");
		trace.finalState.put("responseText", "");
		trace.finalState.put("response", "");
		assertThat(trace.server.get(0).get("method")).as("Chromium's first request").isEqualTo("OPTIONS");
		trace.server.subList(1, trace.server.size()).clear();
	}

	/**
	 * Chromium's trace of a 401 it kept for an auth prompt (ended by the timeout): the 401 {@code denied} of
	 * {@code /status?code=401&body=denied} delivered instead, as in auth-open-args-401.
	 */
	private static void delivered401(ComparableTrace trace, String responseUrl) {
		int loadstart = indexOfSendLoadstart(trace);
		List<Map<String, Object>> timeout = trace.log.subList(loadstart + 1, trace.log.size());
		assertThat(timeout).as("Chromium's events after the auth prompt timed out").extracting((e) -> e.get("type"))
			.containsExactly("readystatechange", "timeout", "loadend");
		timeout.clear();
		trace.log.add(event("readystatechange", 2, 401, null, null, null));
		trace.log.add(event("readystatechange", 3, 401, null, null, null));
		trace.log.add(event("progress", 3, 401, 6L, 6L, true));
		trace.log.add(event("readystatechange", 4, 401, null, null, null));
		trace.log.add(event("load", 4, 401, 6L, 6L, true));
		trace.log.add(event("loadend", 4, 401, 6L, 6L, true));
		trace.finalState.put("status", 401L);
		trace.finalState.put("statusText", "Unauthorized");
		trace.finalState.put("responseURL", responseUrl);
		trace.finalState.put("allResponseHeaders", "content-length: 6\r\ncontent-type: text/plain; charset=utf-8\r\n"
				+ "www-authenticate: Basic realm=\"oracle\"\r\n");
		trace.finalState.put("responseText", "denied");
		trace.finalState.put("response", "$=responseText");
	}

	private static int indexOfSendLoadstart(ComparableTrace trace) {
		for (int i = 0; i < trace.log.size(); i++) {
			Map<String, Object> e = trace.log.get(i);
			if ("event".equals(e.get("kind")) && "loadstart".equals(e.get("type")) && "send".equals(e.get("in"))
					&& "xhr".equals(e.get("target"))) {
				return i;
			}
		}
		throw new AssertionError("no xhr loadstart inside send() in Chromium's trace");
	}

	/** An xhr event entry of the trace format (runner.js). */
	private static Map<String, Object> event(String type, long readyState, long status, Long loaded, Long total,
			Boolean lengthComputable) {
		Map<String, Object> e = new LinkedHashMap<>();
		e.put("kind", "event");
		e.put("target", "xhr");
		e.put("type", type);
		e.put("readyState", readyState);
		e.put("status", status);
		e.put("loaded", loaded);
		e.put("total", total);
		e.put("lengthComputable", lengthComputable);
		return e;
	}

	private static final String BLOB_TYPE = "we follow the spec: the response Blob's type is the serialized final MIME"
			+ " type with its parameters; Chromium keeps only the lower-cased essence";

	private static final String DATA_LENGTH = "we follow the spec: a data: URL response has no Content-Length, so"
			+ " lengthComputable is false and total 0; Chromium uses the decoded body length";

	@SuppressWarnings("unchecked")
	private static void blobType(Object summary, String chromium, String ours) {
		Map<String, Object> blob = (Map<String, Object>) summary;
		assertThat(blob.get("type")).as("Chromium's blob type").isEqualTo(chromium);
		blob.put("type", ours);
	}

	/** Chromium's xhr progress/load/loadend of a successful data: URL response, as we fire them. */
	private static void dataUrlLengthNotComputable(ComparableTrace trace) {
		boolean changed = false;
		for (Map<String, Object> e : trace.log) {
			if ("event".equals(e.get("kind")) && "xhr".equals(e.get("target"))
					&& Boolean.TRUE.equals(e.get("lengthComputable")) && Long.valueOf(200).equals(e.get("status"))) {
				e.put("total", 0L);
				e.put("lengthComputable", false);
				changed = true;
			}
		}
		assertThat(changed).as("Chromium's lengthComputable data: URL events").isTrue();
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
