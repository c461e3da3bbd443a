package dev.springxhr.sample.timeline;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.springxhr.sample.watch.CheckResult;
import dev.springxhr.sample.watch.UpstreamWatchProperties;
import dev.springxhr.sample.watch.UpstreamWatcher;

/**
 * The page's data: one Server-Sent Events stream with the relayed XHR events ({@code xhr}), the checks' results
 * ({@code result}) and the {@code xhr} health ({@code health}); and a button's endpoint to check now.
 */
@RestController
@RequestMapping("/api")
class TimelineController {

	private final XhrTimeline timeline;

	private final UpstreamWatcher watcher;

	private final Flux<HealthSnapshot> health;

	TimelineController(XhrTimeline timeline, UpstreamWatcher watcher,
			UpstreamWatchProperties properties,
			@Qualifier("xhrHealthContributor") ObjectProvider<ReactiveHealthContributor> xhrHealth) {
		this.timeline = timeline;
		this.watcher = watcher;
		ReactiveHealthIndicator indicator = mainFactorysHealth(xhrHealth.getIfAvailable());
		// One health poll shared by every open page, and none while no page is open.
		this.health = (indicator != null) ? Flux.interval(Duration.ZERO, properties.healthInterval())
			.onBackpressureDrop()
			.concatMap((tick) -> indicator.health()
				.map((health) -> new HealthSnapshot(health.getStatus().getCode(), health.getDetails(),
						System.currentTimeMillis())))
			.replay(1)
			.refCount() : Flux.empty();
	}

	/**
	 * The health of the auto-configured factory, whose requests the page shows: the whole contributor with one
	 * factory, its {@code xhrFactory} component with several (the partner's factory is the other).
	 */
	private static @Nullable ReactiveHealthIndicator mainFactorysHealth(@Nullable ReactiveHealthContributor health) {
		if (health instanceof CompositeReactiveHealthContributor composite) {
			health = composite.getContributor("xhrFactory");
		}
		return (health instanceof ReactiveHealthIndicator indicator) ? indicator : null;
	}

	@GetMapping(path = "/timeline", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> timeline() {
		return Flux.merge(this.timeline.events().map((event) -> sse("xhr", event)),
				this.watcher.results().map((result) -> sse("result", result)),
				this.health.map((snapshot) -> sse("health", snapshot)));
	}

	/** Check every upstream now; the results follow on the stream. */
	@PostMapping("/checks")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<Map<String, Object>> checkNow() {
		this.watcher.checkAll().subscribe();
		return Mono.just(Map.of("checking", this.watcher.upstreams().size()));
	}

	/** Check every upstream and answer with the results once all have ended. */
	@GetMapping("/checks")
	Flux<CheckResult> checkAndWait() {
		return this.watcher.checkAll();
	}

	private static ServerSentEvent<Object> sse(String name, Object data) {
		return ServerSentEvent.builder(data).event(name).build();
	}

	/**
	 * The {@code xhr} health at one moment.
	 * @param status UP or DOWN
	 * @param details the health details: request statistics and probes
	 * @param timestamp when it was read, epoch milliseconds
	 */
	record HealthSnapshot(String status, Map<String, Object> details, long timestamp) {
	}

}
