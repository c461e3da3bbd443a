package dev.springxhr.xhr.oracle;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.netty.util.concurrent.EventExecutor;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import dev.springxhr.xhr.Blob;
import dev.springxhr.xhr.DOMException;
import dev.springxhr.xhr.DOMParser;
import dev.springxhr.xhr.FormData;
import dev.springxhr.xhr.URLSearchParams;
import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XMLHttpRequestEventTarget;
import dev.springxhr.xhr.XMLHttpRequestResponseType;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.event.Event;
import dev.springxhr.xhr.event.EventListener;
import dev.springxhr.xhr.event.ProgressEvent;

/**
 * Replays one scenario of the browser oracle's step language with our {@link XMLHttpRequest}, the way
 * {@code runner.js} (the tool's in-browser interpreter) does it, and returns a trace in the same format:
 * {@code name, timingSensitive, log (collapsed when timing-sensitive), rawLog, final, server, finished}.
 *
 * <p>Every string in the trace is normalized as in the tool: the page URL becomes {@code {A}/runner.html}, the
 * origins {@code {A}}/{@code {B}}/{@code {C}} and bare hosts {@code {hostA}}/{@code {hostB}}/{@code {hostC}}.
 *
 * <p>Every body spec of the step language is made with the engine's public API ({@link Blob}, {@link FormData},
 * {@link URLSearchParams}, {@link DOMParser}), and blob and document responses are summarized as runner.js does.
 */
final class ScenarioInterpreter {

	static final List<String> XHR_TYPES = List.of("readystatechange", "loadstart", "progress", "abort", "error",
			"load", "timeout", "loadend");

	static final List<String> UPLOAD_TYPES = List.of("loadstart", "progress", "abort", "error", "load", "timeout",
			"loadend");

	/** runner.js WAIT_CAP_MS: the longest wait for the awaited loadends or a waitFor. */
	static final Duration WAIT_CAP = Duration.ofSeconds(5);

	/** runner.js SETTLE_MS: a quiet period after the awaited loadends, so that late events are still caught. */
	static final long SETTLE_MS = 150;

	private static final int STRING_INLINE_MAX = 2048;

	private static final int BYTES_INLINE_MAX = 1024;

	private static final String XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml";

	private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

	/** The synchronous ops; waitFor and sleep exist only at the top level, elsewhere they are an UnknownStep. */
	private static final Set<String> OPS = Set.of("open", "setRequestHeader", "set", "get", "getResponseHeader",
			"getAllResponseHeaders", "overrideMimeType", "send", "abort", "on");

	/** The value of an op that returns nothing (JavaScript's {@code undefined}): no {@code value} is recorded. */
	private static final Object NO_VALUE = new Object();

	private final XhrFactory factory;

	private final OracleServer server;

	private final ScriptEventLoop eventLoop;

	private final List<String[]> normalization;

	/**
	 * The Netty event loop the script runs on, with a factory of {@code EventDelivery.EVENT_LOOP} (its events then
	 * wait for the loop, as a page's do); {@code null}: the script runs on the test's thread and {@link #eventLoop}
	 * holds the events while it runs.
	 */
	private final @Nullable EventExecutor scriptThread;

	ScenarioInterpreter(XhrFactory factory, OracleServer server, ScriptEventLoop eventLoop) {
		this(factory, server, eventLoop, null);
	}

	ScenarioInterpreter(XhrFactory factory, OracleServer server, ScriptEventLoop eventLoop,
			@Nullable EventExecutor scriptThread) {
		this.scriptThread = scriptThread;
		this.factory = factory;
		this.server = server;
		this.eventLoop = eventLoop;
		this.normalization = List.of(new String[] { pageUrl(server), "{A}/runner.html" },
				new String[] { server.originA(), "{A}" }, new String[] { server.originB(), "{B}" },
				new String[] { server.originC(), "{C}" }, new String[] { "127.0.0.1:" + server.portA(), "{hostA}" },
				new String[] { "127.0.0.1:" + server.portB(), "{hostB}" },
				new String[] { "127.0.0.1:" + server.closedPort(), "{hostC}" });
	}

	/** The URL of the runner page, the base of relative URLs (and the browser's Referer). */
	static String pageUrl(OracleServer server) {
		return server.originA() + "/runner.html";
	}

	/**
	 * Run a scenario and return its normalized trace.
	 * @throws UnsupportedScenarioException for steps or bodies this harness (or the engine) cannot express yet
	 */
	Map<String, Object> run(Map<String, Object> scenario) throws Exception {
		String name = (String) scenario.get("name");
		this.server.begin(name);
		Run run = new Run(scenario);
		List<Object> serverLog;
		try {
			run.execute();
		}
		finally {
			serverLog = this.server.end(name);
		}
		if (run.harnessError != null) {
			throw run.harnessError;
		}
		boolean timingSensitive = Boolean.TRUE.equals(scenario.get("timingSensitive"));
		Map<String, Object> trace = new LinkedHashMap<>();
		trace.put("name", name);
		trace.put("timingSensitive", timingSensitive);
		List<Map<String, Object>> log = run.recorder.snapshot();
		if (timingSensitive) {
			trace.put("log", normalize(collapse(log)));
			trace.put("rawLog", normalize(log));
		}
		else {
			trace.put("log", normalize(log));
		}
		trace.put("final", normalize(run.finalState));
		trace.put("server", normalize(serverLog));
		trace.put("finished", run.finished);
		if (!timingSensitive) {
			trace.put("eventCounts", run.recorder.eventCounts());
		}
		// Not part of the browser's trace: the raw (unnormalized) responseText, to check echo lengths.
		trace.put("$rawResponseText", run.rawResponseText);
		return trace;
	}

	// ---- normalization and collapsing (runner.js norm() and collapse()) ------------------------------------------

	Object normalize(Object value) {
		if (value instanceof String s) {
			for (String[] pair : this.normalization) {
				if (s.contains(pair[0])) {
					s = s.replace(pair[0], pair[1]);
				}
			}
			return s;
		}
		if (value instanceof List<?> list) {
			List<Object> out = new ArrayList<>(list.size());
			for (Object item : list) {
				out.add(normalize(item));
			}
			return out;
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> out = new LinkedHashMap<>();
			map.forEach((k, v) -> out.put((String) k, normalize(v)));
			return out;
		}
		return value;
	}

	private static boolean isProgressish(Map<String, Object> e) {
		return "event".equals(e.get("kind")) && ("progress".equals(e.get("type")) || ("xhr".equals(e.get("target"))
				&& "readystatechange".equals(e.get("type")) && Long.valueOf(3).equals(e.get("readyState"))));
	}

	/** runner.js collapse(): each run of consecutive progress-like events becomes one progressRun entry. */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> collapse(List<Map<String, Object>> log) {
		List<Map<String, Object>> out = new ArrayList<>();
		Map<String, Object> run = null;
		for (Map<String, Object> e : log) {
			boolean progressish = isProgressish(e);
			if (progressish && run != null && run.get("target").equals(e.get("target"))
					&& Objects.equals(run.get("in"), e.get("in"))) {
				List<Object> types = (List<Object>) run.get("types");
				if (!types.contains(e.get("type"))) {
					types.add(e.get("type"));
				}
				if ("progress".equals(e.get("type"))) {
					if (run.get("firstLoaded") == null) {
						run.put("firstLoaded", e.get("loaded"));
					}
					run.put("lastLoaded", e.get("loaded"));
					run.put("total", e.get("total"));
					run.put("lengthComputable", e.get("lengthComputable"));
				}
				continue;
			}
			if (progressish) {
				run = new LinkedHashMap<>();
				run.put("kind", "progressRun");
				run.put("timingSensitive", true);
				run.put("target", e.get("target"));
				run.put("types", new ArrayList<>(List.of(e.get("type"))));
				run.put("firstLoaded", null);
				run.put("lastLoaded", null);
				run.put("total", null);
				run.put("lengthComputable", null);
				if (e.containsKey("in")) {
					run.put("in", e.get("in"));
				}
				if ("progress".equals(e.get("type"))) {
					run.put("firstLoaded", e.get("loaded"));
					run.put("lastLoaded", e.get("loaded"));
					run.put("total", e.get("total"));
					run.put("lengthComputable", e.get("lengthComputable"));
				}
				out.add(run);
				continue;
			}
			run = null;
			out.add(e);
		}
		return out;
	}

	// ---- one run of one scenario (runner.js runScenario) ----------------------------------------------------------

	/** A trigger armed by an {@code on} step. */
	private static final class Trigger {

		final Map<String, Object> cond;

		final List<Object> steps;

		volatile boolean fired;

		Trigger(Map<String, Object> cond, List<Object> steps) {
			this.cond = cond;
			this.steps = steps;
		}

	}

	private final class Run {

		final Map<String, Object> scenario;

		final TraceRecorder recorder = new TraceRecorder();

		final List<Trigger> armed = new CopyOnWriteArrayList<>();

		final XMLHttpRequest xhr = ScenarioInterpreter.this.factory.create();

		final Map<String, Set<String>> recorded = new LinkedHashMap<>();

		Map<String, Object> finalState;

		boolean finished;

		String rawResponseText;

		volatile RuntimeException harnessError;

		Run(Map<String, Object> scenario) {
			this.scenario = scenario;
		}

		@SuppressWarnings("unchecked")
		void execute() throws InterruptedException {
			if (ScenarioInterpreter.this.scriptThread != null) {
				executeOnEventLoop(ScenarioInterpreter.this.scriptThread);
				return;
			}
			List<Object> steps = (List<Object>) this.scenario.get("steps");
			// The top-level script runs to completion, as a page's script does: network events wait until it
			// waits (waitFor, sleep) or ends.
			ScenarioInterpreter.this.eventLoop.scriptRuns();
			try {
				attachListeners(steps);
				// Top level: the synchronous steps plus the asynchronous waitFor and sleep.
				for (Object s : steps) {
					List<Object> step = (List<Object>) s;
					String op = (String) step.get(0);
					List<Object> args = new ArrayList<>(step.subList(1, step.size()));
					if (op.equals("waitFor")) {
						String type = (String) args.get(0);
						int n = (args.size() > 1) ? ((Number) args.get(1)).intValue() : 1;
						String target = (args.size() > 2) ? (String) args.get(2) : "xhr";
						ScenarioInterpreter.this.eventLoop.scriptYields();
						boolean ok = this.recorder.awaitSettled(target + "." + type, n, WAIT_CAP);
						ScenarioInterpreter.this.eventLoop.scriptRuns();
						this.recorder.add(stepEntry(op, args, ok ? null : "WaitTimeout"));
					}
					else if (op.equals("sleep")) {
						ScenarioInterpreter.this.eventLoop.scriptYields();
						Thread.sleep(((Number) args.get(0)).longValue());
						ScenarioInterpreter.this.eventLoop.scriptRuns();
						this.recorder.add(stepEntry(op, args, null));
					}
					else {
						runStep(step, null);
					}
				}
			}
			finally {
				ScenarioInterpreter.this.eventLoop.scriptYields();
			}
			int awaitN = awaitCount(steps);
			this.finished = this.recorder.awaitSettled("xhr.loadend", awaitN, WAIT_CAP);
			Thread.sleep(SETTLE_MS);
			this.finalState = readFinalState();
		}

		/**
		 * The script on an event loop: the steps between two waits run as one task of the loop, so the request's
		 * events (queued to the same loop) run only when the script waits or ends, as in the page.
		 */
		@SuppressWarnings("unchecked")
		private void executeOnEventLoop(EventExecutor loop) throws InterruptedException {
			List<Object> steps = (List<Object>) this.scenario.get("steps");
			List<Runnable> segment = new ArrayList<>();
			segment.add(() -> attachListeners(steps));
			for (Object s : steps) {
				List<Object> step = (List<Object>) s;
				String op = (String) step.get(0);
				List<Object> args = new ArrayList<>(step.subList(1, step.size()));
				if (op.equals("waitFor") || op.equals("sleep")) {
					runOn(loop, segment);
					segment = new ArrayList<>();
					Map<String, Object> entry;
					if (op.equals("waitFor")) {
						String type = (String) args.get(0);
						int n = (args.size() > 1) ? ((Number) args.get(1)).intValue() : 1;
						String target = (args.size() > 2) ? (String) args.get(2) : "xhr";
						boolean ok = this.recorder.awaitSettled(target + "." + type, n, WAIT_CAP);
						entry = stepEntry(op, args, ok ? null : "WaitTimeout");
					}
					else {
						Thread.sleep(((Number) args.get(0)).longValue());
						entry = stepEntry(op, args, null);
					}
					// The script resumes: on the loop, where the wait's entry is recorded before the next steps.
					segment.add(() -> this.recorder.add(entry));
				}
				else {
					segment.add(() -> runStep(step, null));
				}
			}
			runOn(loop, segment);
			int awaitN = awaitCount(steps);
			this.finished = this.recorder.awaitSettled("xhr.loadend", awaitN, WAIT_CAP);
			Thread.sleep(SETTLE_MS);
			this.finalState = readFinalState();
		}

		/** Run a segment of the script as one task of the loop. */
		private void runOn(EventExecutor loop, List<Runnable> segment) throws InterruptedException {
			try {
				loop.submit(() -> segment.forEach(Runnable::run))
					.get(WAIT_CAP.toMillis() * 4, java.util.concurrent.TimeUnit.MILLISECONDS);
			}
			catch (java.util.concurrent.ExecutionException ex) {
				if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				throw new IllegalStateException(ex.getCause());
			}
			catch (java.util.concurrent.TimeoutException ex) {
				throw new IllegalStateException("The script's steps did not end", ex);
			}
		}

		private Map<String, Object> stepEntry(String op, List<Object> args, String threw) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("kind", "step");
			entry.put("op", op);
			entry.put("args", args);
			entry.put("threw", threw);
			return entry;
		}

		@SuppressWarnings("unchecked")
		private int awaitCount(List<Object> steps) {
			Object declared = this.scenario.get("await");
			if (declared != null) {
				return ((Number) declared).intValue();
			}
			boolean[] asyncOpenAndSend = new boolean[2];
			walkSteps(steps, (step) -> {
				if (step.get(0).equals("open") && (step.size() == 3 || Boolean.TRUE.equals(step.get(3)))) {
					asyncOpenAndSend[0] = true;
				}
				if (step.get(0).equals("send")) {
					asyncOpenAndSend[1] = true;
				}
			});
			return (asyncOpenAndSend[0] && asyncOpenAndSend[1]) ? 1 : 0;
		}

		// ---- listeners --------------------------------------------------------------------------------------------

		@SuppressWarnings("unchecked")
		private void attachListeners(List<Object> steps) {
			Map<String, Object> listen = (Map<String, Object>) this.scenario.getOrDefault("listen", Map.of());
			Object xhrListen = listen.get("xhr");
			Object uploadListen = listen.get("upload");
			this.recorded.put("xhr", new LinkedHashSet<>((xhrListen == null || "all".equals(xhrListen)) ? XHR_TYPES
					: "none".equals(xhrListen) ? List.of() : (List<String>) xhrListen));
			this.recorded.put("upload", new LinkedHashSet<>("all".equals(uploadListen) ? UPLOAD_TYPES
					: (uploadListen == null || "none".equals(uploadListen)) ? List.of() : (List<String>) uploadListen));
			String via = (String) listen.getOrDefault("via", "add");
			// The listener set is fixed at the start: the recorded types plus every type a trigger names.
			Map<String, Set<String>> attach = new LinkedHashMap<>();
			attach.put("xhr", new LinkedHashSet<>(this.recorded.get("xhr")));
			attach.put("upload", new LinkedHashSet<>(this.recorded.get("upload")));
			walkSteps(steps, (step) -> {
				if (step.get(0).equals("on")) {
					Map<String, Object> cond = (Map<String, Object>) step.get(1);
					attach.get((String) cond.getOrDefault("target", "xhr")).add((String) cond.get("type"));
				}
			});
			for (String target : List.of("xhr", "upload")) {
				XMLHttpRequestEventTarget eventTarget = target.equals("xhr") ? this.xhr : this.xhr.getUpload();
				for (String type : attach.get(target)) {
					EventListener listener = (event) -> onEvent(target, event);
					if (via.equals("on")) {
						setHandler(eventTarget, type, listener);
					}
					else if (via.equals("add")) {
						eventTarget.addEventListener(type, listener);
					}
					else {
						throw new UnsupportedScenarioException("unknown listen.via '" + via + "'");
					}
				}
			}
		}

		private void setHandler(XMLHttpRequestEventTarget target, String type, EventListener listener) {
			switch (type) {
				case "readystatechange" -> {
					if (!(target instanceof XMLHttpRequest request)) {
						throw new UnsupportedScenarioException("the upload object has no onreadystatechange");
					}
					request.setOnreadystatechange(listener);
				}
				case "loadstart" -> target.setOnloadstart(listener);
				case "progress" -> target.setOnprogress(listener);
				case "abort" -> target.setOnabort(listener);
				case "error" -> target.setOnerror(listener);
				case "load" -> target.setOnload(listener);
				case "timeout" -> target.setOntimeout(listener);
				case "loadend" -> target.setOnloadend(listener);
				default -> throw new UnsupportedScenarioException("no on" + type + " handler property");
			}
		}

		@SuppressWarnings("unchecked")
		private void onEvent(String target, Event event) {
			String key = target + "." + event.getType();
			this.recorder.countEvent(key);
			if (this.recorded.get(target).contains(event.getType())) {
				this.recorder.add(eventEntry(target, event));
			}
			for (Trigger trigger : this.armed) {
				Map<String, Object> c = trigger.cond;
				if (trigger.fired && !Boolean.FALSE.equals(c.get("once"))) {
					continue;
				}
				if (!c.getOrDefault("target", "xhr").equals(target) || !c.get("type").equals(event.getType())) {
					continue;
				}
				if (c.get("readyState") != null
						&& ((Number) c.get("readyState")).intValue() != this.xhr.getReadyState()) {
					continue;
				}
				if (c.get("nth") != null && ((Number) c.get("nth")).intValue() != this.recorder.count(key)) {
					continue;
				}
				trigger.fired = true;
				try {
					for (Object step : trigger.steps) {
						runStep((List<Object>) step, "on:" + key);
					}
				}
				catch (RuntimeException ex) {
					// A listener's exception would only be logged by the EventTarget: keep it for the test.
					this.harnessError = ex;
				}
			}
			this.recorder.settle(key);
		}

		private Map<String, Object> eventEntry(String target, Event event) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("kind", "event");
			entry.put("target", target);
			entry.put("type", event.getType());
			entry.put("readyState", (long) this.xhr.getReadyState());
			entry.put("status", (long) this.xhr.getStatus());
			if (event instanceof ProgressEvent progress) {
				entry.put("loaded", progress.getLoaded());
				entry.put("total", progress.getTotal());
				entry.put("lengthComputable", progress.getLengthComputable());
			}
			else {
				entry.put("loaded", null);
				entry.put("total", null);
				entry.put("lengthComputable", null);
			}
			String in = this.recorder.currentStep();
			if (in != null) {
				entry.put("in", in);
			}
			return entry;
		}

		// ---- steps ------------------------------------------------------------------------------------------------

		@SuppressWarnings("unchecked")
		private void runStep(List<Object> step, String trigger) {
			String op = (String) step.get(0);
			List<Object> args = new ArrayList<>(step.subList(1, step.size()));
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("kind", "step");
			entry.put("op", op);
			entry.put("args", op.equals("on") ? new ArrayList<>(List.of(args.get(0))) : args);
			if (trigger != null) {
				entry.put("trigger", trigger);
			}
			String in = this.recorder.currentStep();
			if (in != null) {
				entry.put("in", in);
			}
			this.recorder.add(entry);
			if (!OPS.contains(op)) {
				entry.put("threw", "UnknownStep");
				return;
			}
			this.recorder.enterStep(op);
			try {
				Object value = perform(op, args);
				entry.put("threw", null);
				if (value != NO_VALUE) {
					entry.put("value", value);
				}
			}
			catch (DOMException ex) {
				entry.put("threw", ex.getName());
			}
			catch (IllegalArgumentException ex) {
				// WebIDL TypeError is IllegalArgumentException in this API.
				entry.put("threw", "TypeError");
			}
			catch (UnsupportedScenarioException ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				// Not an exception the standard knows: record it so that the comparison shows it.
				entry.put("threw", ex.getClass().getSimpleName() + ": " + ex.getMessage());
			}
			finally {
				this.recorder.exitStep();
			}
		}

		@SuppressWarnings("unchecked")
		private Object perform(String op, List<Object> args) {
			switch (op) {
				case "open" -> {
					String method = (String) args.get(0);
					String url = substituteUrl((String) args.get(1));
					if (args.size() == 2) {
						this.xhr.open(method, url);
					}
					else {
						String user = (args.size() > 3) ? (String) args.get(3) : null;
						String password = (args.size() > 4) ? (String) args.get(4) : null;
						this.xhr.open(method, url, (Boolean) args.get(2), user, password);
					}
					return NO_VALUE;
				}
				case "setRequestHeader" -> {
					this.xhr.setRequestHeader((String) args.get(0), (String) args.get(1));
					return NO_VALUE;
				}
				case "set" -> {
					String prop = (String) args.get(0);
					Object value = args.get(1);
					switch (prop) {
						case "timeout" -> this.xhr.setTimeout(((Number) value).longValue());
						case "responseType" -> this.xhr.setResponseType((String) value);
						case "withCredentials" -> this.xhr.setWithCredentials((Boolean) value);
						default -> throw new UnsupportedScenarioException("set of an unknown property '" + prop + "'");
					}
					return tryGet(prop);
				}
				case "get" -> {
					String prop = (String) args.get(0);
					return summarizeValue(prop, read(prop));
				}
				case "getResponseHeader" -> {
					return this.xhr.getResponseHeader((String) args.get(0));
				}
				case "getAllResponseHeaders" -> {
					return this.xhr.getAllResponseHeaders();
				}
				case "overrideMimeType" -> {
					this.xhr.overrideMimeType((String) args.get(0));
					return NO_VALUE;
				}
				case "send" -> {
					if (args.isEmpty()) {
						this.xhr.send();
					}
					else {
						this.xhr.send(makeBody((Map<String, Object>) args.get(0)));
					}
					return NO_VALUE;
				}
				case "abort" -> {
					this.xhr.abort();
					return NO_VALUE;
				}
				case "on" -> {
					this.armed.add(new Trigger((Map<String, Object>) args.get(0), (List<Object>) args.get(1)));
					return NO_VALUE;
				}
				default -> throw new IllegalStateException("not an op: " + op);
			}
		}

		private String substituteUrl(String url) {
			return url.replace("{A}", ScenarioInterpreter.this.server.originA())
				.replace("{B}", ScenarioInterpreter.this.server.originB())
				.replace("{C}", ScenarioInterpreter.this.server.originC());
		}

		// ---- reading and summarizing values (runner.js summarize*) ------------------------------------------------

		/** {@code xhr[prop]} as a JavaScript value. */
		private Object read(String prop) {
			return switch (prop) {
				case "readyState" -> (long) this.xhr.getReadyState();
				case "status" -> (long) this.xhr.getStatus();
				case "statusText" -> this.xhr.getStatusText();
				case "responseURL" -> this.xhr.getResponseURL();
				case "responseType" -> this.xhr.getResponseType().idlValue();
				case "timeout" -> this.xhr.getTimeout();
				case "withCredentials" -> this.xhr.getWithCredentials();
				case "responseText" -> this.xhr.getResponseText();
				case "response" -> this.xhr.getResponse();
				case "responseXML" -> this.xhr.getResponseXML();
				default -> "$undefined";
			};
		}

		private Object tryGet(String prop) {
			try {
				return summarizeValue(prop, read(prop));
			}
			catch (DOMException ex) {
				return Map.of("$threw", ex.getName());
			}
			catch (IllegalArgumentException ex) {
				return Map.of("$threw", "TypeError");
			}
		}

		private Object summarizeValue(String prop, Object value) {
			return switch (prop) {
				case "response" -> summarizeResponse(value);
				case "responseXML" -> summarizeDocument(value);
				case "responseText" -> summarizeString(value);
				default -> value;
			};
		}

		private Object summarizeResponse(Object value) {
			XMLHttpRequestResponseType type = this.xhr.getResponseType();
			if (value == null) {
				return null;
			}
			return switch (type) {
				case EMPTY, TEXT -> summarizeString(value);
				case JSON -> {
					Map<String, Object> json = new LinkedHashMap<>();
					json.put("json", Json.normalizeNumbers(value));
					yield json;
				}
				case ARRAYBUFFER -> {
					ByteBuffer buffer = ((ByteBuffer) value).duplicate();
					buffer.rewind();
					byte[] bytes = new byte[buffer.remaining()];
					buffer.get(bytes);
					Map<String, Object> summary = new LinkedHashMap<>();
					summary.put("arraybuffer", true);
					summary.putAll(summarizeBytes(bytes));
					yield summary;
				}
				case DOCUMENT -> summarizeDocument(value);
				case BLOB -> {
					// runner.js: the synchronous part only; readFinalState() adds the bytes as the runner does
					Blob blob = (Blob) value;
					Map<String, Object> summary = new LinkedHashMap<>();
					summary.put("blob", true);
					summary.put("size", blob.getSize());
					summary.put("type", blob.getType());
					yield summary;
				}
			};
		}

		/**
		 * runner.js summarizeDoc(): what the browser's {@code Document} getters report, read from the W3C DOM the
		 * engine made. {@code documentClass} is {@code HTMLDocument} for a document the engine parsed as HTML (its
		 * root an XHTML {@code html} element), else {@code XMLDocument}; {@code contentType} is the value the engine
		 * records under {@link DOMParser#CONTENT_TYPE_USER_DATA}; {@code characterSet} is
		 * {@link Document#getInputEncoding()}.
		 */
		private Object summarizeDocument(Object value) {
			if (value == null) {
				return null;
			}
			if (!(value instanceof Document document)) {
				return Map.of("notADocument", String.valueOf(value));
			}
			Element root = document.getDocumentElement();
			boolean html = isHtmlDocument(document);
			Map<String, Object> summary = new LinkedHashMap<>();
			summary.put("documentClass", html ? "HTMLDocument" : "XMLDocument");
			summary.put("contentType", document.getUserData(DOMParser.CONTENT_TYPE_USER_DATA));
			summary.put("characterSet", document.getInputEncoding());
			summary.put("root", (root != null) ? nodeName(root, html) : null);
			summary.put("rootNamespace", (root != null) ? root.getNamespaceURI() : null);
			summary.put("title", title(document));
			summary.put("text", (root != null) ? summarizeString(root.getTextContent()) : null);
			return summary;
		}

		private Map<String, Object> readFinalState() {
			Map<String, Object> state = new LinkedHashMap<>();
			state.put("readyState", (long) this.xhr.getReadyState());
			state.put("status", (long) this.xhr.getStatus());
			state.put("statusText", this.xhr.getStatusText());
			state.put("responseURL", this.xhr.getResponseURL());
			state.put("responseType", this.xhr.getResponseType().idlValue());
			state.put("timeout", this.xhr.getTimeout());
			state.put("withCredentials", this.xhr.getWithCredentials());
			state.put("allResponseHeaders", this.xhr.getAllResponseHeaders());
			state.put("responseText", tryGet("responseText"));
			state.put("response", tryGet("response"));
			state.put("responseXML", tryGet("responseXML"));
			// runner.js: a large text is not stored twice; response is "$=responseText" when it is the same string.
			if (state.get("response") instanceof String response && response.equals(state.get("responseText"))
					&& !response.isEmpty()) {
				state.put("response", "$=responseText");
			}
			// runner.js: a blob response also records its bytes (read asynchronously there, after the final state).
			if (this.xhr.getResponseType() == XMLHttpRequestResponseType.BLOB
					&& state.get("response") instanceof Map<?, ?> summary && summary.containsKey("blob")) {
				@SuppressWarnings("unchecked")
				Map<String, Object> blobSummary = (Map<String, Object>) summary;
				blobSummary.put("bytes", summarizeBytes(((Blob) this.xhr.getResponse()).bytes()));
			}
			try {
				this.rawResponseText = this.xhr.getResponseText();
			}
			catch (DOMException ex) {
				this.rawResponseText = null;
			}
			return state;
		}

	}

	// ---- helpers shared with runner.js -----------------------------------------------------------------------------

	@SuppressWarnings("unchecked")
	private static void walkSteps(List<Object> steps, Consumer<List<Object>> action) {
		for (Object s : steps) {
			List<Object> step = (List<Object>) s;
			action.accept(step);
			if (step.get(0).equals("on")) {
				walkSteps((List<Object>) step.get(2), action);
			}
		}
	}

	/** runner.js makeBody(): every body spec of the step language, made with the engine's public API. */
	@SuppressWarnings("unchecked")
	static Object makeBody(Map<String, Object> spec) {
		if (spec == null) {
			return null;
		}
		if (spec.containsKey("string")) {
			return spec.get("string");
		}
		if (spec.containsKey("stringOfLength")) {
			return patternString(((Number) spec.get("stringOfLength")).intValue());
		}
		if (spec.containsKey("arraybuffer")) {
			return hexBytes((String) spec.get("arraybuffer"));
		}
		if (spec.containsKey("uint8array")) {
			byte[] bytes = hexBytes((String) spec.get("uint8array"));
			int offset = (spec.get("offset") != null) ? ((Number) spec.get("offset")).intValue() : 0;
			int length = (spec.get("length") != null) ? ((Number) spec.get("length")).intValue()
					: bytes.length - offset;
			return ByteBuffer.wrap(bytes, offset, length).slice();
		}
		if (spec.containsKey("blob")) {
			return makeBlob((Map<String, Object>) spec.get("blob"));
		}
		if (spec.containsKey("formdata")) {
			FormData form = new FormData();
			for (Object e : (List<Object>) spec.get("formdata")) {
				List<Object> entry = (List<Object>) e;
				String name = (String) entry.get(0);
				if (entry.get(1) instanceof String value) {
					form.append(name, value);
					continue;
				}
				Map<String, Object> file = (Map<String, Object>) entry.get(1);
				Blob blob = makeBlob((Map<String, Object>) file.get("blob"));
				if (file.containsKey("filename")) {
					form.append(name, blob, (String) file.get("filename"));
				}
				else {
					form.append(name, blob);
				}
			}
			return form;
		}
		if (spec.containsKey("urlsearchparams")) {
			return new URLSearchParams((String) spec.get("urlsearchparams"));
		}
		if (spec.containsKey("document")) {
			Map<String, Object> document = (Map<String, Object>) spec.get("document");
			if (document.get("xml") != null) {
				return new DOMParser().parseFromString((String) document.get("xml"), "application/xml");
			}
			return new DOMParser().parseFromString((String) document.get("html"), "text/html");
		}
		throw new UnsupportedScenarioException("unknown body spec " + Json.write(spec));
	}

	/** runner.js makeBlob(): string parts as they are, {@code {"hex": h}} parts as bytes. */
	@SuppressWarnings("unchecked")
	static Blob makeBlob(Map<String, Object> spec) {
		List<Object> parts = new ArrayList<>();
		for (Object part : (List<Object>) spec.getOrDefault("parts", List.of())) {
			parts.add((part instanceof String string) ? string
					: hexBytes((String) ((Map<String, Object>) part).get("hex")));
		}
		return spec.containsKey("type") ? new Blob(parts, (String) spec.get("type")) : new Blob(parts);
	}

	// ---- the Document getters runner.js reads, on a W3C DOM ---------------------------------------------------------

	/**
	 * Whether the engine made {@code document} as an HTML document: flagged by its HTML parser, with an XHTML
	 * {@code html} root.
	 */
	static boolean isHtmlDocument(Document document) {
		Element root = document.getDocumentElement();
		return DOMParser.isHtmlDocument(document) && root != null && XHTML_NAMESPACE.equals(root.getNamespaceURI())
				&& "html".equals(root.getLocalName());
	}

	/**
	 * DOM {@code nodeName} of an element: its qualified name, HTML-uppercased for an XHTML element of an HTML
	 * document (the W3C DOM of the JDK does not do that).
	 */
	static String nodeName(Element element, boolean htmlDocument) {
		String name = element.getNodeName();
		if (!htmlDocument || !XHTML_NAMESPACE.equals(element.getNamespaceURI())) {
			return name;
		}
		StringBuilder upper = new StringBuilder(name.length());
		for (char c : name.toCharArray()) {
			upper.append((c >= 'a' && c <= 'z') ? (char) (c - ('a' - 'A')) : c);
		}
		return upper.toString();
	}

	/**
	 * HTML {@code document.title}: for an SVG root, the child text content of its first SVG {@code title} child;
	 * otherwise that of the first XHTML {@code title} element in tree order, with ASCII whitespace stripped and
	 * collapsed; {@code ""} if there is none.
	 */
	static String title(Document document) {
		Element root = document.getDocumentElement();
		if (root != null && SVG_NAMESPACE.equals(root.getNamespaceURI()) && "svg".equals(root.getLocalName())) {
			for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
				if (child instanceof Element element && SVG_NAMESPACE.equals(element.getNamespaceURI())
						&& "title".equals(element.getLocalName())) {
					return childTextContent(element);
				}
			}
			return "";
		}
		NodeList titles = document.getElementsByTagNameNS(XHTML_NAMESPACE, "title");
		if (titles.getLength() == 0) {
			return "";
		}
		return childTextContent((Element) titles.item(0)).replaceAll("[\\t\\n\\f\\r ]+", " ")
			.replaceAll("^ | $", "");
	}

	/** DOM "child text content": the data of the element's Text children, in order. */
	private static String childTextContent(Element element) {
		StringBuilder text = new StringBuilder();
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
				text.append(child.getNodeValue());
			}
		}
		return text.toString();
	}

	static String patternString(int n) {
		String alphabet = "abcdefghijklmnopqrstuvwxyz";
		StringBuilder out = new StringBuilder(n);
		while (out.length() < n) {
			out.append(alphabet, 0, Math.min(26, n - out.length()));
		}
		return out.toString();
	}

	static byte[] hexBytes(String hex) {
		byte[] bytes = new byte[hex.length() / 2];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) Integer.parseInt(hex.substring(i * 2, i * 2 + 2), 16);
		}
		return bytes;
	}

	/** FNV-1a 32 over integers (bytes or UTF-16 code units), as 8 hex digits. */
	static String fnv1a32(int[] units) {
		int h = 0x811c9dc5;
		for (int u : units) {
			h ^= u;
			h *= 0x01000193;
		}
		return String.format("%08x", h);
	}

	static Object summarizeString(Object value) {
		if (!(value instanceof String s) || s.length() <= STRING_INLINE_MAX) {
			return value;
		}
		int[] units = new int[s.length()];
		for (int i = 0; i < units.length; i++) {
			units[i] = s.charAt(i);
		}
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("length", (long) s.length());
		summary.put("fnv1a32", fnv1a32(units));
		summary.put("head", s.substring(0, 64));
		return summary;
	}

	static Map<String, Object> summarizeBytes(byte[] bytes) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("byteLength", (long) bytes.length);
		if (bytes.length <= BYTES_INLINE_MAX) {
			summary.put("base64", Base64.getEncoder().encodeToString(bytes));
		}
		else {
			int[] units = new int[bytes.length];
			for (int i = 0; i < units.length; i++) {
				units[i] = bytes[i] & 0xff;
			}
			summary.put("fnv1a32", fnv1a32(units));
		}
		return summary;
	}

	/** UTF-8 byte length of a string. */
	static int utf8Length(String s) {
		return s.getBytes(StandardCharsets.UTF_8).length;
	}

	/** The scenario uses something the harness or the engine cannot express yet: the test fails with this. */
	static final class UnsupportedScenarioException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		UnsupportedScenarioException(String message) {
			super(message);
		}

	}

}
