package dev.springxhr.sample.demo;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo upstreams the sample watches out of the box, so that every XHR event type and readyState shows up without
 * any outside network: a fast JSON status, a slow answer (a timeout), a 500, a large download (progress), a redirect
 * chain, a Set-Cookie, and a multipart upload.
 */
@RestController
@RequestMapping("/demo")
class DemoUpstreamController {

	/** The size of {@code /demo/large}: large enough for many progress events, small enough for a laptop. */
	static final int LARGE_SIZE = 8 * 1024 * 1024;

	private static final int CHUNK_SIZE = 64 * 1024;

	private static final byte[] CHUNK = chunk();

	private static final Instant STARTED = Instant.now();

	/** A fast JSON answer, which the watcher maps to a {@code ServiceStatus} record. */
	@GetMapping("/status")
	ServiceStatusBody status() {
		return new ServiceStatusBody("inventory", "ok", "1.4.2",
				Duration.between(STARTED, Instant.now()).toSeconds());
	}

	/** The upstream's own health endpoint, which the {@code xhr} health indicator probes. */
	@GetMapping("/health")
	Map<String, String> health() {
		return Map.of("status", "UP");
	}

	/** Answers after three seconds: more than the watcher's timeout for it, so the check ends in {@code timeout}. */
	@GetMapping("/slow")
	Mono<Map<String, String>> slow() {
		return Mono.just(Map.of("message", "finally")).delayElement(Duration.ofSeconds(3));
	}

	/** An upstream that fails: a 500 is a response, so XHR fires {@code load}, not {@code error}. */
	@GetMapping("/error")
	ResponseEntity<Map<String, String>> error() {
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
			.body(Map.of("error", "the database is on fire"));
	}

	/** 8 MiB sent in 64 KiB chunks over about a second, with a Content-Length: many {@code progress} events. */
	@GetMapping("/large")
	Flux<DataBuffer> large(ServerHttpResponse response) {
		response.getHeaders().setContentType(MediaType.APPLICATION_OCTET_STREAM);
		response.getHeaders().setContentLength(LARGE_SIZE);
		return Flux.range(0, LARGE_SIZE / CHUNK_SIZE)
			.delayElements(Duration.ofMillis(8))
			.map((index) -> DefaultDataBufferFactory.sharedInstance.wrap(CHUNK));
	}

	/** {@code /demo/redirect/3} redirects three times, then lands on {@code /demo/status}: see responseURL. */
	@GetMapping("/redirect/{hops}")
	ResponseEntity<Void> redirect(@PathVariable int hops) {
		URI next = URI.create((hops <= 1) ? "/demo/status" : "/demo/redirect/" + (hops - 1));
		return ResponseEntity.status(HttpStatus.FOUND).location(next).build();
	}

	/**
	 * Sets a session cookie on the first visit and reports the cookie it received: the XHR's cookie store sends it
	 * back on the next check (while {@code Set-Cookie} itself stays invisible to {@code getResponseHeader}).
	 */
	@GetMapping("/session")
	ResponseEntity<Map<String, @Nullable Object>> session(
			@CookieValue(name = "watch-session", required = false) @Nullable String session) {
		ResponseEntity.BodyBuilder response = ResponseEntity.ok();
		if (session != null) {
			return response.body(Map.of("cookieReceived", true, "session", session));
		}
		String created = UUID.randomUUID().toString();
		response.header("Set-Cookie", ResponseCookie.from("watch-session", created)
			.path("/demo")
			.httpOnly(true)
			.maxAge(Duration.ofHours(1))
			.build()
			.toString());
		return response.body(Map.of("cookieReceived", false, "session", created));
	}

	/** Receives a multipart upload without holding it in memory and reports what arrived. */
	@PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	Mono<Map<String, Object>> upload(@RequestBody Flux<PartEvent> parts) {
		return parts.windowUntil(PartEvent::isLast)
			.concatMap((partEvents) -> partEvents.switchOnFirst((first, events) -> {
				PartEvent head = first.get();
				if (head == null) {
					return Mono.<ReceivedPart>empty();
				}
				String filename = (head instanceof FilePartEvent file) ? file.filename() : null;
				return events.map((event) -> {
					int size = event.content().readableByteCount();
					DataBufferUtils.release(event.content());
					return (long) size;
				}).reduce(0L, Long::sum).map((size) -> new ReceivedPart(head.name(), filename, size));
			}))
			.collectList()
			.map((received) -> Map.of("parts", (Object) received));
	}

	private static byte[] chunk() {
		byte[] chunk = new byte[CHUNK_SIZE];
		Arrays.fill(chunk, (byte) 'x');
		return chunk;
	}

	/**
	 * The JSON of {@code /demo/status}.
	 * @param service the service's name
	 * @param status its own opinion of itself
	 * @param version its version
	 * @param uptimeSeconds how long it has been up
	 */
	record ServiceStatusBody(String service, String status, String version, long uptimeSeconds) {
	}

	/**
	 * One part that {@code /demo/upload} received.
	 * @param name the form field name
	 * @param filename the file name, {@code null} for a plain field
	 * @param size the bytes received
	 */
	record ReceivedPart(String name, @Nullable String filename, long size) {
	}

}
