package dev.springxhr.actuate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.springxhr.xhr.XhrEventInfo;
import dev.springxhr.xhr.XhrEventObserver;
import dev.springxhr.xhr.event.XhrEventType;

/**
 * Micrometer metrics of XHR traffic: the timer {@code xhr.requests} (from {@code loadstart} to {@code loadend})
 * tagged {@code method}, {@code outcome} ({@code load}, {@code error}, {@code timeout}, {@code abort}),
 * {@code status} and {@code background}, and the gauge {@code xhr.requests.active}. Tags carry no URL, so no
 * credentials or query values reach the metrics.
 */
public final class XhrMetricsObserver implements XhrEventObserver {

	private final MeterRegistry registry;

	private final AtomicLong active = new AtomicLong();

	/** Start time and outcome of each request in flight. */
	private final Map<Long, InFlight> inFlight = new ConcurrentHashMap<>();

	/**
	 * Create the observer and register the gauge.
	 * @param registry the registry
	 */
	public XhrMetricsObserver(MeterRegistry registry) {
		this.registry = registry;
		registry.gauge("xhr.requests.active", this.active);
	}

	@Override
	public void onEvent(XhrEventInfo event) {
		if (event.upload()) {
			return;
		}
		XhrEventType type = XhrEventType.fromType(event.eventType());
		switch (type) {
			case LOADSTART -> {
				this.inFlight.put(event.requestId(), new InFlight(System.nanoTime()));
				this.active.incrementAndGet();
			}
			case LOAD, ERROR, TIMEOUT, ABORT -> {
				InFlight request = this.inFlight.get(event.requestId());
				if (request != null) {
					request.outcome = type.type();
					request.status = event.status();
				}
			}
			case LOADEND -> {
				InFlight request = this.inFlight.remove(event.requestId());
				if (request != null) {
					this.active.decrementAndGet();
					Timer.builder("xhr.requests")
						.description("XMLHttpRequest sends, from loadstart to loadend")
						.tag("method", event.method())
						.tag("outcome", request.outcome)
						.tag("status", Integer.toString(request.status))
						.tag("background", Boolean.toString(event.backgroundRequest()))
						.register(this.registry)
						.record(System.nanoTime() - request.startNanos, TimeUnit.NANOSECONDS);
				}
			}
			case READYSTATECHANGE, PROGRESS -> {
			}
		}
	}

	private static final class InFlight {

		final long startNanos;

		volatile String outcome = "unknown";

		volatile int status;

		InFlight(long startNanos) {
			this.startNanos = startNanos;
		}

	}

}
