package dev.springxhr.xhr;

import static dev.springxhr.xhr.support.HostileStrings.almostToken;
import static dev.springxhr.xhr.support.HostileStrings.hostile;
import static dev.springxhr.xhr.support.HostileStrings.hostileOrLong;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.springxhr.xhr.support.EventRecorder;
import dev.springxhr.xhr.support.PropertyCheck;
import dev.springxhr.xhr.support.RawHttpServer;
import dev.springxhr.xhr.support.RawHttpServer.RawRequest;
import dev.springxhr.xhr.internal.http.HttpMethods;
import dev.springxhr.xhr.support.XhrTestServer;

/**
 * CRLF and NUL injection is impossible end to end: whatever method, URL and header names and values a caller
 * passes, what reaches a raw socket server is one request, with a clean request line, one line per header, the
 * author headers the standard lets through (combined with {@code ", "}) and none that it forbids.
 */
class RequestInjectionPropertyTests {

	@RegisterExtension
	static final XhrTestServer<RawHttpServer> raw = XhrTestServer.raw();

	/** Fetch §2.2.2 forbidden request-header names (byte-case-insensitive), besides Proxy-* and Sec-*. */
	private static final Set<String> FORBIDDEN = Set.of("accept-charset", "accept-encoding",
			"access-control-request-headers", "access-control-request-method", "connection", "content-length",
			"cookie", "cookie2", "date", "dnt", "expect", "host", "keep-alive", "origin", "referer", "set-cookie", "te",
			"trailer", "transfer-encoding", "upgrade", "via");

	/** The headers the engine and Reactor Netty add themselves. */
	private static final Set<String> ADDED_BY_THE_CLIENT = Set.of("host", "accept", "accept-language", "user-agent",
			"accept-encoding", "content-length");

	private static final Set<String> METHOD_OVERRIDES = Set.of("x-http-method", "x-http-method-override",
			"x-method-override");

	record Attempt(String method, String url, List<Map.Entry<String, String>> headers) {
	}

	static Attempt attempt(SplittableRandom random) {
		String method = (random.nextInt(4) == 0) ? almostToken(random)
				: List.of("GET", "post", "PUT", "DELETE", "patch", "OPTIONS", "HEAD", "X-Custom").get(random.nextInt(8));
		StringBuilder url = new StringBuilder("/").append(hostile(random, 20));
		if (random.nextBoolean()) {
			url.append('?').append(hostile(random, 20));
		}
		if (random.nextInt(4) == 0) {
			url.append('#').append(hostile(random, 10));
		}
		List<Map.Entry<String, String>> headers = new ArrayList<>();
		int count = random.nextInt(6);
		List<String> names = List.of(almostToken(random), almostToken(random),
				SetRequestHeaderPropertyTests.EDGE_NAMES.get(random.nextInt(SetRequestHeaderPropertyTests.EDGE_NAMES.size())));
		for (int i = 0; i < count; i++) {
			String value = (random.nextInt(5) == 0)
					? SetRequestHeaderPropertyTests.EDGE_VALUES.get(random.nextInt(SetRequestHeaderPropertyTests.EDGE_VALUES.size()))
					: (random.nextInt(30) == 0) ? hostileOrLong(random) : hostile(random, 30);
			headers.add(Map.entry(names.get(random.nextInt(names.size())), value));
		}
		return new Attempt(method, url.toString(), headers);
	}

	private static boolean isForbidden(String name, String normalizedValue) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (FORBIDDEN.contains(lower) || lower.startsWith("proxy-") || lower.startsWith("sec-")) {
			return true;
		}
		if (METHOD_OVERRIDES.contains(lower)) {
			for (String method : normalizedValue.split(",", -1)) {
				if (Set.of("CONNECT", "TRACE", "TRACK").contains(SetRequestHeaderPropertyTests.normalize(method)
					.toUpperCase(Locale.ROOT))) {
					return true;
				}
			}
		}
		return false;
	}

	@Test
	void whateverTheCallerPassesTheServerReceivesOneCleanRequestWithExactlyTheAllowedHeaders() {
		int checked = PropertyCheck.forAll(20240861L, 250, RequestInjectionPropertyTests::attempt, (attempt) -> {
			XMLHttpRequest xhr = raw.factory().create();
			EventRecorder rec = EventRecorder.attach(xhr);
			try {
				xhr.open(attempt.method(), raw.baseUrl() + attempt.url());
			}
			catch (DOMException | IllegalArgumentException ex) {
				return; // open() refused it (OpenPropertyTests says which); nothing can reach the wire
			}
			// The oracle: the author headers the standard keeps, combined in first-seen order and casing.
			Map<String, String> expected = new LinkedHashMap<>();
			Map<String, String> casing = new LinkedHashMap<>();
			List<String> forbiddenValues = new ArrayList<>();
			for (Map.Entry<String, String> header : attempt.headers()) {
				try {
					xhr.setRequestHeader(header.getKey(), header.getValue());
				}
				catch (DOMException | IllegalArgumentException ex) {
					continue;
				}
				String value = SetRequestHeaderPropertyTests.normalize(header.getValue());
				if (isForbidden(header.getKey(), value)) {
					forbiddenValues.add(value);
					continue;
				}
				String key = header.getKey().toLowerCase(Locale.ROOT);
				casing.putIfAbsent(key, header.getKey());
				expected.merge(key, value, (old, added) -> old + ", " + added);
			}
			int before = raw.server().requests().size();
			rec.send();
			rec.awaitLoadend();
			assertThat(rec.count("loadend")).isEqualTo(1);
			List<RawRequest> after = raw.server().requests();
			if (expected.values().stream().anyMatch(RequestInjectionPropertyTests::hasControlCharacter)) {
				// Stricter than Fetch (which forbids only NUL, CR and LF): Netty refuses to send a header value with
				// another control character, so the request is a network error and nothing reaches the wire.
				assertThat(after).as("nothing reached the server").hasSize(before);
				assertThat(rec.count("error")).isEqualTo(1);
				return;
			}
			assertThat(after).as("exactly one request reached the server").hasSize(before + 1);
			RawRequest received = after.get(after.size() - 1);
			assertClean(received, HttpMethods.normalize(attempt.method()));
			for (Map.Entry<String, String> header : expected.entrySet()) {
				assertThat(received.headerLinesNamed(header.getKey())).as("lines of %s", header.getKey())
					.containsExactly(casing.get(header.getKey()) + ": " + header.getValue());
			}
			for (String name : received.headerNames()) {
				String lower = name.toLowerCase(Locale.ROOT);
				assertThat(expected.containsKey(lower) || ADDED_BY_THE_CLIENT.contains(lower))
					.as("header %s was neither set by the author nor added by the client", name)
					.isTrue();
			}
			for (String value : forbiddenValues) {
				if (value.length() > 2) {
					assertThat(received.headerLines()).as("a forbidden header's value").noneMatch((line) -> line
						.endsWith(": " + value));
				}
			}
		});
		assertThat(checked).isEqualTo(250);
	}

	private static void assertClean(RawRequest received, String method) {
		String requestLine = received.requestLine();
		assertThat(requestLine).startsWith(method + " /").endsWith(" HTTP/1.1");
		String target = received.target();
		assertThat(requestLine).isEqualTo(method + " " + target + " HTTP/1.1");
		// RFC 9112 §3.2 request-target: visible ASCII only; Fetch never sends the fragment.
		assertThat(target).matches("[\\x21-\\x7E]+").doesNotContain("#");
		// Origin form; what the URL Standard leaves raw (a '%' that starts no escape, '[', '|') is sent raw, as
		// Chromium sends it, so the target need not be an RFC 3986 URI.
		assertThat(target).startsWith("/");
		for (String line : received.headerLines()) {
			// RawHttpServer split the head at CRLF; any CR, LF or NUL left would be an injection
			assertThat(line).doesNotContain("\r", "\n", "\0").matches("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+:.*");
		}
		assertThat(received.body()).isEmpty();
	}

	private static boolean hasControlCharacter(String value) {
		return value.chars().anyMatch((c) -> (c < 0x20 && c != '\t') || c == 0x7F);
	}

}
