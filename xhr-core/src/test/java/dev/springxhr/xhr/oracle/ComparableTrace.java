package dev.springxhr.xhr.oracle;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

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
 * <li>an echo longer than 2048 characters, which the trace only summarizes (length, hash, head), is compared as
 * "an echo" only;</li>
 * <li>the same holds for each earlier request to an {@code /echo} URL in the scenario: the xhr events between its
 * {@code open} step and the next one whose {@code loaded}/{@code total} is the request's own echo length (its
 * {@code load}, or else {@code loadend}, {@code loaded}) get the token too;</li>
 * <li>multipart boundaries are replaced by {@code BOUNDARY} by server.py when the request's Content-Type is
 * multipart; a boundary in any other body (an author Content-Type such as {@code text/plain} over a FormData
 * body) is replaced here, by the pattern of Chromium's ({@code ----WebKitFormBoundary} + 16 alphanumerics) and
 * ours ({@code ----SpringXhrFormBoundary} + 16). Boundaries differ in length (38 and 41 characters), so such a body
 * is compared by its normalized bytes: {@code bodyLength}, a {@code Content-Length} that matched it, and the upload
 * events' {@code loaded}/{@code total} that matched it become the length of the normalized body.</li>
 * </ul>
 * The result is mutable so that a known difference can state our expected behaviour as an edit of the browser's.
 */
final class ComparableTrace {

	static final String ECHO_LENGTH = "{echoLength}";

	/** A random multipart boundary of Chromium's or ours. */
	private static final Pattern BOUNDARY = Pattern.compile("----(?:WebKit|SpringXhr)FormBoundary[A-Za-z0-9]{16}");

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
		// Requests first: the upload events' loaded/total follow the normalized multipart lengths.
		Map<Long, Long> multipartLengths = new HashMap<>();
		List<Map<String, Object>> server = new ArrayList<>();
		List<Map<String, Object>> rawServer = (List<Map<String, Object>>) trace.get("server");
		if (rawServer != null) {
			for (Map<String, Object> request : rawServer) {
				server.add(comparableRequest(request, multipartLengths));
			}
		}
		List<Long> segmentEchoLengths = segmentEchoLengths(rawLog);
		List<Map<String, Object>> log = new ArrayList<>();
		for (int i = 0; i < rawLog.size(); i++) {
			log.add(comparableEntry(rawLog.get(i), echoLength, segmentEchoLengths.get(i), multipartLengths));
		}
		Map<String, Object> finalState = new LinkedHashMap<>();
		if (rawFinal != null) {
			rawFinal.forEach((k, v) -> finalState.put(k, comparableValue(k, v, echoLength)));
		}
		return new ComparableTrace(log, finalState, server, Boolean.TRUE.equals(trace.get("finished")));
	}

	/**
	 * For each log entry, the echo length of the request it belongs to (the one opened by the latest {@code open}
	 * step) if that request went to an {@code /echo} URL and completed with a body, else {@code null}.
	 */
	private static List<Long> segmentEchoLengths(List<Map<String, Object>> log) {
		List<Long> lengths = new ArrayList<>(log.size());
		int segmentStart = 0;
		boolean echo = false;
		for (int i = 0; i <= log.size(); i++) {
			Map<String, Object> e = (i < log.size()) ? log.get(i) : null;
			boolean open = e != null && "step".equals(e.get("kind")) && "open".equals(e.get("op"));
			if (e == null || open) {
				Long length = echo ? requestLength(log.subList(segmentStart, i)) : null;
				if (Long.valueOf(0).equals(length)) {
					// An echo is never empty: the request failed (a network error), there is no echo length.
					length = null;
				}
				for (int j = segmentStart; j < i; j++) {
					lengths.add(length);
				}
				segmentStart = i;
				if (open) {
					List<?> args = (List<?>) e.get("args");
					echo = args.size() > 1 && String.valueOf(args.get(1)).contains("/echo");
				}
			}
		}
		return lengths;
	}

	/** The {@code loaded} of the last xhr load event, else of the last xhr loadend, or {@code null}. */
	private static Long requestLength(List<Map<String, Object>> events) {
		Long load = null;
		Long loadend = null;
		for (Map<String, Object> e : events) {
			if ("event".equals(e.get("kind")) && "xhr".equals(e.get("target"))) {
				if ("load".equals(e.get("type"))) {
					load = (Long) e.get("loaded");
				}
				else if ("loadend".equals(e.get("type"))) {
					loadend = (Long) e.get("loaded");
				}
			}
		}
		return (load != null) ? load : loadend;
	}

	/**
	 * The byte length of the final response when it is an echo: the {@code loaded} of the last xhr {@code load}
	 * event (of the last {@code loadend} when only that is listened to), or {@code null}.
	 */
	static Long echoLength(Map<String, Object> finalState, List<Map<String, Object>> log) {
		if (finalState == null || (echo(finalState.get("responseText")) == null
				&& !isSummarizedEcho(finalState.get("responseText")))) {
			return null;
		}
		return requestLength(log);
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

	private static Map<String, Object> comparableEntry(Map<String, Object> entry, Long echoLength,
			Long segmentEchoLength, Map<Long, Long> multipartLengths) {
		Map<String, Object> out = new LinkedHashMap<>(entry);
		if ("event".equals(entry.get("kind")) && "xhr".equals(entry.get("target"))) {
			for (String key : List.of("loaded", "total")) {
				Object value = out.get(key);
				if (value != null && (value.equals(echoLength) || value.equals(segmentEchoLength))) {
					out.put(key, ECHO_LENGTH);
				}
			}
		}
		if ("event".equals(entry.get("kind")) && "upload".equals(entry.get("target"))) {
			for (String key : List.of("loaded", "total")) {
				Long normalized = multipartLengths.get(out.get(key));
				if (normalized != null) {
					out.put(key, normalized);
				}
			}
		}
		if ("step".equals(entry.get("kind")) && entry.containsKey("value")) {
			out.put("value", comparableValue(String.valueOf(entry.get("op")), entry.get("value"), echoLength));
		}
		return out;
	}

	/**
	 * Whether the value is the summary of an echo longer than 2048 characters ({@code length, fnv1a32, head}): its
	 * hash covers the ambient headers, their order and the boundary, so only the fact that it is an echo is compared
	 * (the server's record of the request is compared in full, and our length is checked against our own text).
	 */
	static boolean isSummarizedEcho(Object value) {
		return value instanceof Map<?, ?> map && map.containsKey("fnv1a32") && map.containsKey("length")
				&& map.get("head") instanceof String head && head.startsWith("{\"method\": ");
	}

	private static Object comparableValue(String key, Object value, Long echoLength) {
		Map<String, Object> echo = echo(value);
		if (echo != null) {
			return Map.of("$echo", comparableEcho(echo));
		}
		if (isSummarizedEcho(value)) {
			return Map.of("$echo", "(summarized: longer than 2048 characters)");
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
		normalizeBoundaries(out, new HashMap<>());
		out.put("headers", comparableHeaders((List<Object>) out.get("headers")));
		return out;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> comparableRequest(Map<String, Object> request,
			Map<Long, Long> multipartLengths) {
		Map<String, Object> out = new LinkedHashMap<>(request);
		normalizeBoundaries(out, multipartLengths);
		out.put("headers", comparableHeaders((List<Object>) out.get("headers")));
		return out;
	}

	/**
	 * In a request record ({@code bodyLength}, {@code bodyBase64}, {@code bodyText}, {@code headers}) of a body
	 * with a multipart boundary: replace the boundary by {@code BOUNDARY} if server.py did not, and state the
	 * lengths as those of the normalized body (see the class comment). Records the raw-to-normalized length.
	 */
	@SuppressWarnings("unchecked")
	private static void normalizeBoundaries(Map<String, Object> record, Map<Long, Long> multipartLengths) {
		if (!(record.get("bodyBase64") instanceof String base64) || !(record.get("bodyLength") instanceof Long raw)) {
			return;
		}
		List<Object> headers = (List<Object>) record.get("headers");
		String contentType = headerValue(headers, "content-type");
		boolean multipart = contentType != null && contentType.contains("boundary=BOUNDARY");
		String body = new String(Base64.getDecoder().decode(base64), StandardCharsets.ISO_8859_1);
		String normalized = BOUNDARY.matcher(body).replaceAll("BOUNDARY");
		if (!multipart && normalized.equals(body)) {
			return;
		}
		byte[] bytes = normalized.getBytes(StandardCharsets.ISO_8859_1);
		long length = bytes.length;
		record.put("bodyLength", length);
		record.put("bodyBase64", Base64.getEncoder().encodeToString(bytes));
		record.put("bodyText", strictUtf8(bytes));
		List<Object> fixed = new ArrayList<>();
		for (Object h : headers) {
			List<?> pair = (List<?>) h;
			boolean contentLength = ((String) pair.get(0)).equalsIgnoreCase("content-length")
					&& String.valueOf(raw).equals(pair.get(1));
			fixed.add(contentLength ? List.of(pair.get(0), String.valueOf(length)) : h);
		}
		record.put("headers", fixed);
		multipartLengths.put(raw, length);
	}

	private static String headerValue(List<Object> headers, String name) {
		for (Object h : headers) {
			List<?> pair = (List<?>) h;
			if (((String) pair.get(0)).equalsIgnoreCase(name)) {
				return (String) pair.get(1);
			}
		}
		return null;
	}

	/** The bytes as UTF-8, or {@code null} if they are not UTF-8 (server.py's bodyText). */
	private static String strictUtf8(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
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

	/**
	 * Replace the value {@code from} of a request header (any casing of its name) by {@code to}, in the server's log
	 * and in echoed request records.
	 */
	@SuppressWarnings("unchecked")
	ComparableTrace withRequestHeaderValue(String name, String from, String to) {
		UnaryOperator<List<Object>> fix = (headers) -> {
			List<Object> out = new ArrayList<>();
			for (Object h : headers) {
				List<?> pair = (List<?>) h;
				boolean matches = ((String) pair.get(0)).equalsIgnoreCase(name) && from.equals(pair.get(1));
				out.add(matches ? List.of(pair.get(0), to) : h);
			}
			return out;
		};
		for (Map<String, Object> request : this.server) {
			request.put("headers", fix.apply((List<Object>) request.get("headers")));
		}
		UnaryOperator<Object> fixEcho = (value) -> {
			if (value instanceof Map<?, ?> map && map.get("$echo") instanceof Map<?, ?> echo) {
				Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) echo);
				copy.put("headers", fix.apply((List<Object>) copy.get("headers")));
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
