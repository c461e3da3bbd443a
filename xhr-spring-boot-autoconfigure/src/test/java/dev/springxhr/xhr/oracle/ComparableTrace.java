package dev.springxhr.xhr.oracle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The part of a trace that is compared, after the normalizations the tool's README prescribes for a replay outside
 * the browser ("Turning traces into test fixtures of your own project"):
 * <ul>
 * <li>request headers the browser or the HTTP client adds anyway ({@code server.py}'s {@code is_ambient()} list, and
 * {@code Accept: *}{@code /*}, which both send) are left out, and the rest is compared without regard to order;</li>
 * <li>{@code /echo} bodies are compared as parsed JSON, with the same header filtering;</li>
 * <li>because an echo's length depends on the ambient headers, the byte length of an echoed response is replaced
 * by the token {@code {echoLength}} wherever it appears (xhr progress/load/loadend {@code loaded} and
 * {@code total}, {@code content-length} in the response headers); the test checks separately that our own value
 * is the UTF-8 length of our echo;</li>
 * <li>multipart boundaries are already replaced by {@code BOUNDARY} by server.py.</li>
 * </ul>
 * The result is mutable so that a known difference can state our expected behaviour as an edit of the browser's.
 */
final class ComparableTrace {

	static final String ECHO_LENGTH = "{echoLength}";

	private static final Set<String> AMBIENT = Set.of("host", "connection", "keep-alive", "user-agent",
			"accept-encoding", "accept-language", "referer", "upgrade", "http2-settings", "te", "priority");

	/** Sent by Chromium and by us on every request (Fetch adds it for XHR); ignored as the task asks. */
	private static final Set<String> ALSO_IGNORED = Set.of("accept");

	final List<Map<String, Object>> log;

	final Map<String, Object> finalState;

	final List<Map<String, Object>> server;

	boolean finished;

	private ComparableTrace(List<Map<String, Object>> log, Map<String, Object> finalState,
			List<Map<String, Object>> server, boolean finished) {
		this.log = log;
		this.finalState = finalState;
		this.server = server;
		this.finished = finished;
	}

	/** server.py is_ambient(), plus {@code Accept}. */
	static boolean isIgnoredRequestHeader(String name) {
		String n = name.toLowerCase(Locale.ROOT);
		return AMBIENT.contains(n) || n.startsWith("sec-ch-") || n.startsWith("sec-fetch-") || ALSO_IGNORED.contains(n);
	}

	@SuppressWarnings("unchecked")
	static ComparableTrace of(Map<String, Object> trace) {
		Map<String, Object> rawFinal = (Map<String, Object>) trace.get("final");
		List<Map<String, Object>> rawLog = (List<Map<String, Object>>) trace.get("log");
		Long echoLength = echoLength(rawFinal, rawLog);
		List<Map<String, Object>> log = new ArrayList<>();
		for (Map<String, Object> entry : rawLog) {
			log.add(comparableEntry(entry, echoLength));
		}
		Map<String, Object> finalState = new LinkedHashMap<>();
		if (rawFinal != null) {
			rawFinal.forEach((k, v) -> finalState.put(k, comparableValue(k, v, echoLength)));
		}
		List<Map<String, Object>> server = new ArrayList<>();
		List<Map<String, Object>> rawServer = (List<Map<String, Object>>) trace.get("server");
		if (rawServer != null) {
			for (Map<String, Object> request : rawServer) {
				server.add(comparableRequest(request));
			}
		}
		return new ComparableTrace(log, finalState, server, Boolean.TRUE.equals(trace.get("finished")));
	}

	/**
	 * The byte length of the final response when it is an echo: the {@code loaded} of the last xhr {@code load}
	 * event, or {@code null}.
	 */
	static Long echoLength(Map<String, Object> finalState, List<Map<String, Object>> log) {
		if (finalState == null || echo(finalState.get("responseText")) == null) {
			return null;
		}
		Long length = null;
		for (Map<String, Object> e : log) {
			if ("event".equals(e.get("kind")) && "xhr".equals(e.get("target")) && "load".equals(e.get("type"))) {
				length = (Long) e.get("loaded");
			}
		}
		return length;
	}

	/** The parsed echo record if the value is the text of a {@code /echo} response, else {@code null}. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> echo(Object value) {
		if (!(value instanceof String text) || !text.startsWith("{")) {
			return null;
		}
		Object parsed = Json.tryParse(text);
		if (parsed instanceof Map<?, ?> map && map.containsKey("method") && map.containsKey("target")
				&& map.containsKey("headers") && map.containsKey("bodyLength")) {
			return (Map<String, Object>) map;
		}
		return null;
	}

	private static Map<String, Object> comparableEntry(Map<String, Object> entry, Long echoLength) {
		Map<String, Object> out = new LinkedHashMap<>(entry);
		if ("event".equals(entry.get("kind")) && "xhr".equals(entry.get("target")) && echoLength != null) {
			for (String key : List.of("loaded", "total")) {
				if (echoLength.equals(out.get(key))) {
					out.put(key, ECHO_LENGTH);
				}
			}
		}
		if ("step".equals(entry.get("kind")) && entry.containsKey("value")) {
			out.put("value", comparableValue(String.valueOf(entry.get("op")), entry.get("value"), echoLength));
		}
		return out;
	}

	private static Object comparableValue(String key, Object value, Long echoLength) {
		Map<String, Object> echo = echo(value);
		if (echo != null) {
			return Map.of("$echo", comparableEcho(echo));
		}
		if (echoLength != null && value instanceof String text
				&& (key.equals("allResponseHeaders") || key.equals("getAllResponseHeaders"))) {
			return text.replace("content-length: " + echoLength + "\r\n", "content-length: " + ECHO_LENGTH + "\r\n");
		}
		return value;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> comparableEcho(Map<String, Object> echo) {
		Map<String, Object> out = new LinkedHashMap<>(echo);
		out.put("headers", comparableHeaders((List<Object>) echo.get("headers")));
		return out;
	}

	private static Map<String, Object> comparableRequest(Map<String, Object> request) {
		Map<String, Object> out = new LinkedHashMap<>();
		request.forEach((k, v) -> {
			if (k.equals("headers")) {
				@SuppressWarnings("unchecked")
				List<Object> headers = (List<Object>) v;
				out.put(k, comparableHeaders(headers));
			}
			else {
				out.put(k, v);
			}
		});
		return out;
	}

	/**
	 * Non-ignored headers as [lower-case name, value] pairs, sorted. Names are compared case-insensitively, as HTTP
	 * defines them: Reactor Netty writes the Content-Length it sets as {@code content-length}, Chromium as
	 * {@code Content-Length}. (Author header names keep their casing on the wire in both.)
	 */
	static List<Object> comparableHeaders(List<Object> headers) {
		List<List<Object>> kept = new ArrayList<>();
		for (Object h : headers) {
			List<?> pair = (List<?>) h;
			String name = (String) pair.get(0);
			if (!isIgnoredRequestHeader(name)) {
				kept.add(List.of(name.toLowerCase(Locale.ROOT), pair.get(1)));
			}
		}
		kept.sort(Comparator.comparing((List<Object> p) -> (String) p.get(0)).thenComparing((p) -> (String) p.get(1)));
		return new ArrayList<>(kept);
	}

	// ---- edits used to state a known difference -------------------------------------------------------------------

	/** Remove a request header (any casing) from the server's log and from echoed request records. */
	@SuppressWarnings("unchecked")
	ComparableTrace withoutRequestHeader(String name) {
		Predicate<Object> matches = (h) -> ((String) ((List<?>) h).get(0)).equalsIgnoreCase(name);
		for (Map<String, Object> request : this.server) {
			((List<Object>) request.get("headers")).removeIf(matches);
		}
		UnaryOperator<Object> fixEcho = (value) -> {
			if (value instanceof Map<?, ?> map && map.get("$echo") instanceof Map<?, ?> echo) {
				Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) echo);
				List<Object> headers = new ArrayList<>((List<Object>) copy.get("headers"));
				headers.removeIf(matches);
				copy.put("headers", headers);
				return Map.of("$echo", copy);
			}
			return value;
		};
		this.finalState.replaceAll((k, v) -> fixEcho.apply(v));
		for (Map<String, Object> entry : this.log) {
			if (entry.containsKey("value")) {
				entry.put("value", fixEcho.apply(entry.get("value")));
			}
		}
		return this;
	}

	// ---- rendering for assertions and failure messages ---------------------------------------------------------------

	/** One line per log entry; every field is shown, the usual ones in a compact form. */
	List<String> renderLog() {
		List<String> lines = new ArrayList<>();
		for (Map<String, Object> entry : this.log) {
			lines.add(renderEntry(entry));
		}
		return lines;
	}

	static String renderEntry(Map<String, Object> entry) {
		Map<String, Object> rest = new LinkedHashMap<>(entry);
		StringBuilder line = new StringBuilder();
		Object kind = rest.remove("kind");
		if ("event".equals(kind)) {
			line.append("event ").append(rest.remove("target")).append('.').append(rest.remove("type"));
			line.append(" rs=").append(rest.remove("readyState")).append(" status=").append(rest.remove("status"));
			Object loaded = rest.remove("loaded");
			Object total = rest.remove("total");
			Object computable = rest.remove("lengthComputable");
			if (loaded != null || total != null || computable != null) {
				line.append(" (").append(loaded).append(',').append(total).append(',').append(computable).append(')');
			}
		}
		else if ("step".equals(kind)) {
			line.append("step ").append(rest.remove("op")).append(' ').append(Json.write(rest.remove("args")));
			if (rest.containsKey("threw")) {
				Object threw = rest.remove("threw");
				if (threw != null) {
					line.append(" THREW ").append(threw);
				}
			}
			else {
				line.append(" (threw missing)");
			}
			if (rest.containsKey("value")) {
				line.append(" -> ").append(Json.canonical(rest.remove("value")));
			}
			if (rest.containsKey("trigger")) {
				line.append(" [").append(rest.remove("trigger")).append(']');
			}
		}
		else {
			line.append(kind);
		}
		if (rest.containsKey("in")) {
			line.append(" (inside ").append(rest.remove("in")).append(')');
		}
		if (!rest.isEmpty()) {
			line.append(' ').append(Json.canonical(rest));
		}
		return line.toString();
	}

	/** One line per member of {@code final}. */
	List<String> renderFinal() {
		List<String> lines = new ArrayList<>();
		this.finalState.forEach((k, v) -> lines.add(k + ": " + Json.canonical(v)));
		return lines;
	}

	/** One line per request received by the server. */
	List<String> renderServer() {
		List<String> lines = new ArrayList<>();
		for (Map<String, Object> request : this.server) {
			lines.add(Json.canonical(request));
		}
		return lines;
	}

}
