package dev.springxhr.actuate;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;

/**
 * The {@code xhr} health of a factory: its request statistics (when it has any), and for each probe a GET made through an
 * {@link XMLHttpRequest} from that factory — UP when it answers the expected status in time, else DOWN with the
 * status, the latency and the error. The health is DOWN when any probe is.
 */
public final class XhrHealthIndicator extends AbstractReactiveHealthIndicator {

	/** Detail key of the request statistics. */
	public static final String REQUESTS = "requests";

	/** Detail key of the probes. */
	public static final String PROBES = "probes";

	/** Detail key of the profiles' cookie store. */
	public static final String COOKIE_STORE = "cookieStore";

	private final XhrFactory factory;

	private final @Nullable XhrRequestStatistics statistics;

	private final List<Probe> probes;

	private final @Nullable CookieStoreCheck cookieStore;

	/**
	 * Create the indicator.
	 * @param factory the factory whose requests the probes use
	 * @param statistics the factory's request statistics, or {@code null} for none
	 * @param probes the probes
	 */
	public XhrHealthIndicator(XhrFactory factory, @Nullable XhrRequestStatistics statistics, List<Probe> probes) {
		this(factory, statistics, probes, null);
	}

	/**
	 * Create the indicator, reporting the profiles' cookie store too: DOWN, with the error, when it is unreachable
	 * (every request with cookies then fails).
	 * @param factory the factory whose requests the probes use
	 * @param statistics the factory's request statistics, or {@code null} for none (a factory not built by the
	 * auto-configured builder)
	 * @param probes the probes
	 * @param cookieStore the check of the profiles' cookie store, or {@code null} for none
	 */
	public XhrHealthIndicator(XhrFactory factory, @Nullable XhrRequestStatistics statistics, List<Probe> probes,
			@Nullable CookieStoreCheck cookieStore) {
		super("XHR health check failed");
		this.factory = factory;
		this.statistics = statistics;
		this.probes = List.copyOf(probes);
		this.cookieStore = cookieStore;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		XhrRequestStatistics statistics = this.statistics;
		if (statistics != null) {
			XhrRequestStatistics.Snapshot snapshot = statistics.snapshot();
			Map<String, Object> requests = new LinkedHashMap<>();
			requests.put("inFlight", snapshot.inFlight());
			requests.put("completed", snapshot.completed());
			requests.put("errors", snapshot.errors());
			requests.put("timeouts", snapshot.timeouts());
			requests.put("aborts", snapshot.aborts());
			requests.put("window", snapshot.window().toString());
			builder.withDetail(REQUESTS, requests);
		}
		Mono<Boolean> cookieStoreUp = checkCookieStore(builder);
		Mono<List<ProbeResult>> probeResults = Flux.fromIterable(this.probes).flatMapSequential(this::check)
			.collectList();
		return cookieStoreUp.zipWith(probeResults, (storeUp, results) -> {
			Map<String, Object> probeDetails = new LinkedHashMap<>();
			boolean allUp = storeUp;
			for (ProbeResult result : results) {
				probeDetails.put(result.name(), result.details());
				allUp &= result.up();
			}
			if (!probeDetails.isEmpty()) {
				builder.withDetail(PROBES, probeDetails);
			}
			return (allUp ? builder.up() : builder.down()).build();
		});
	}

	private Mono<Boolean> checkCookieStore(Health.Builder builder) {
		CookieStoreCheck store = this.cookieStore;
		if (store == null) {
			return Mono.just(true);
		}
		// The check waits for I/O (a ping to Redis, say): not on the caller's thread, which may be an event loop.
		return Mono.fromCallable(() -> {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("type", store.type());
			boolean up;
			try {
				store.check().run();
				details.put("status", "UP");
				up = true;
			}
			catch (RuntimeException ex) {
				details.put("status", "DOWN");
				details.put("error", String.valueOf(ex.getMessage()));
				up = false;
			}
			builder.withDetail(COOKIE_STORE, details);
			return up;
		}).subscribeOn(Schedulers.boundedElastic());
	}

	private Mono<ProbeResult> check(Probe probe) {
		Sinks.One<ProbeResult> result = Sinks.one();
		XMLHttpRequest xhr = this.factory.create();
		long start = System.nanoTime();
		String[] failure = { null };
		xhr.setOnerror((event) -> failure[0] = "network error");
		xhr.setOntimeout((event) -> failure[0] = "timed out after " + probe.timeout().toMillis() + " ms");
		xhr.setOnabort((event) -> failure[0] = "aborted");
		xhr.setOnloadend((event) -> {
			long latency = Duration.ofNanos(System.nanoTime() - start).toMillis();
			int status = xhr.getStatus();
			String error = failure[0];
			if (error == null && status != probe.expectedStatus()) {
				error = "status " + status + ", expected " + probe.expectedStatus();
			}
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("status", (error == null) ? "UP" : "DOWN");
			details.put("httpStatus", status);
			details.put("latencyMs", latency);
			if (error != null) {
				details.put("error", error);
			}
			result.tryEmitValue(new ProbeResult(probe.name(), error == null, details));
		});
		try {
			xhr.open("GET", probe.url().toString());
			xhr.setTimeout(probe.timeout().toMillis());
			xhr.send();
		}
		catch (RuntimeException ex) {
			return Mono.just(new ProbeResult(probe.name(), false,
					Map.of("status", "DOWN", "error", String.valueOf(ex.getMessage()))));
		}
		return result.asMono();
	}

	/**
	 * A health probe.
	 * @param name the probe's name, its key in the health details
	 * @param url the URL to GET (without credentials: it appears in no detail, but keep secrets out of it)
	 * @param expectedStatus the status that means UP
	 * @param timeout how long the probe may take
	 */
	public record Probe(String name, URI url, int expectedStatus, Duration timeout) {
	}

	/**
	 * The check of the profiles' cookie store.
	 * @param type what the store is, e.g. {@code "redis"}
	 * @param check throws, saying why, when the store is unreachable
	 */
	public record CookieStoreCheck(String type, Runnable check) {
	}

	private record ProbeResult(String name, boolean up, Map<String, Object> details) {
	}

}
