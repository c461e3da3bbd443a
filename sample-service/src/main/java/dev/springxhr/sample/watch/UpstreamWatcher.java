package dev.springxhr.sample.watch;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import dev.springxhr.sample.watch.UpstreamWatchProperties.Upstream;
import dev.springxhr.xhr.DOMException;
import dev.springxhr.xhr.File;
import dev.springxhr.xhr.FormData;
import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.event.ProgressEvent;

/**
 * Checks every configured upstream with an asynchronous {@link XMLHttpRequest}: on a schedule
 * ({@code upstream-watch.interval}) and on demand. The XHR's events reach the page as relayed Spring
 * {@code XhrApplicationEvent}s (see {@code XhrTimeline}); this class reports how each check ended.
 */
@Service
public class UpstreamWatcher implements DisposableBean {

	private static final Log logger = LogFactory.getLog(UpstreamWatcher.class);

	private static final int SUMMARY_LENGTH = 160;

	private final XhrFactory xhrFactory;

	private final UpstreamWatchProperties properties;

	// The last results, replayed to every new page, then live.
	private final Sinks.Many<CheckResult> results = Sinks.many().replay().limit(50);

	private volatile @Nullable Disposable schedule;

	public UpstreamWatcher(XhrFactory xhrFactory, UpstreamWatchProperties properties) {
		// The watcher calls its upstreams as the service itself, on a schedule or for whoever clicks "Check now":
		// a profile of its own keeps the upstreams' session cookies from one check to the next.
		this.xhrFactory = xhrFactory.forProfile("upstream-watch");
		this.properties = properties;
	}

	/**
	 * The upstreams, in the order of the configuration.
	 * @return the upstreams
	 */
	public List<Upstream> upstreams() {
		return this.properties.upstreams();
	}

	/**
	 * Every check's result: the last ones first, then each new one as it ends.
	 * @return the results
	 */
	public Flux<CheckResult> results() {
		return this.results.asFlux();
	}

	/**
	 * Check every upstream now, all at once.
	 * @return the results, in the order the checks end
	 */
	public Flux<CheckResult> checkAll() {
		return Flux.fromIterable(this.properties.upstreams()).flatMap(this::check);
	}

	/**
	 * Check one upstream now.
	 * @param upstream the upstream
	 * @return its result, once the XHR's {@code loadend} has fired
	 */
	public Mono<CheckResult> check(Upstream upstream) {
		return Mono.defer(() -> {
			XMLHttpRequest xhr = this.xhrFactory.create();
			long start = System.nanoTime();
			try {
				xhr.open(upstream.uploads() ? "POST" : "GET", upstream.url());
				xhr.setTimeout(upstream.timeout().toMillis());
				if (!upstream.serviceStatus()) {
					// Bytes as received: no need to decode an 8 MiB download as text to count it.
					xhr.setResponseType("arraybuffer");
				}
				if (upstream.uploads()) {
					// Upload events are fired only when xhr.upload has a listener (XHR §4.5.6 send() step 11.2, the
					// "upload listener flag"): this one logs the upload's progress, and makes the events visible.
					xhr.getUpload()
						.addEventListener("progress", (event) -> logger.debug(upstream.name() + " uploaded "
								+ ((ProgressEvent) event).getLoaded() + " of " + ((ProgressEvent) event).getTotal()));
					xhr.send(uploadForm(upstream));
				}
				else {
					xhr.send();
				}
			}
			catch (DOMException ex) {
				CheckResult failed = new CheckResult(upstream.name(), upstream.url(), "", "error", 0, 0, 0, null,
						ex.getName() + ": " + ex.getMessage());
				publish(failed);
				return Mono.just(failed);
			}
			// The send's end, after loadend: the request, or the DOMException of an error, a timeout or an abort.
			return xhr.asMono()
				.map((done) -> result(upstream, done, "load", System.nanoTime() - start))
				.onErrorResume(DOMException.class,
						(ex) -> Mono.just(result(upstream, xhr, outcome(ex), System.nanoTime() - start)))
				.doOnNext(this::publish);
		});
	}

	private static FormData uploadForm(Upstream upstream) {
		FormData form = new FormData();
		form.append("note", "uploaded by the upstream watch");
		byte[] report = new byte[(int) upstream.upload().toBytes()];
		form.append("report", new File(List.of(report), "report.bin", "application/octet-stream",
				System.currentTimeMillis()));
		return form;
	}

	private static CheckResult result(Upstream upstream, XMLHttpRequest xhr, String outcome, long nanos) {
		long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
		if (!outcome.equals("load")) {
			return new CheckResult(upstream.name(), upstream.url(), xhr.getResponseURL(), outcome, xhr.getStatus(), 0,
					millis, null, outcome.equals("timeout") ? "no answer within " + upstream.timeout().toMillis() + " ms"
							: outcome);
		}
		ServiceStatus serviceStatus = null;
		String summary;
		long bytes;
		if (upstream.serviceStatus()) {
			String text = xhr.getResponseText();
			bytes = text.getBytes(StandardCharsets.UTF_8).length;
			summary = abbreviate(text);
			try {
				serviceStatus = xhr.getResponse(ServiceStatus.class);
			}
			catch (RuntimeException ex) {
				summary = "not a service status: " + ex.getMessage();
			}
		}
		else {
			ByteBuffer body = (ByteBuffer) xhr.getResponse();
			bytes = (body != null) ? body.remaining() : 0;
			summary = (body != null) ? abbreviate(StandardCharsets.UTF_8.decode(body.duplicate()).toString()) : "";
		}
		return new CheckResult(upstream.name(), upstream.url(), xhr.getResponseURL(), outcome, xhr.getStatus(), bytes,
				millis, serviceStatus, summary);
	}

	private static String abbreviate(String text) {
		if (text.length() > SUMMARY_LENGTH && text.chars().limit(SUMMARY_LENGTH).allMatch((c) -> c == 'x')) {
			return "xxxx… (demo bytes)";
		}
		return (text.length() > SUMMARY_LENGTH) ? text.substring(0, SUMMARY_LENGTH) + "…" : text;
	}

	private void publish(CheckResult result) {
		logger.info("Checked " + result.upstream() + ": " + result.outcome() + " " + result.status() + " in "
				+ result.durationMillis() + " ms");
		// Results come from event-executor threads at once; the sink wants one emitter at a time.
		synchronized (this.results) {
			this.results.tryEmitNext(result);
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void startSchedule() {
		Duration interval = this.properties.interval();
		if (interval.isZero() || this.properties.upstreams().isEmpty()) {
			return;
		}
		this.schedule = Flux.interval(this.properties.initialDelay(), interval)
			.onBackpressureDrop()
			.concatMap((tick) -> checkAll().onErrorResume((ex) -> Mono.empty()))
			.subscribe();
	}

	@Override
	public void destroy() {
		Disposable schedule = this.schedule;
		if (schedule != null) {
			schedule.dispose();
		}
	}

	/** How a send ended, as the event before its loadend names it. */
	private static String outcome(DOMException failure) {
		return switch (failure.getName()) {
			case DOMException.TIMEOUT_ERROR -> "timeout";
			case DOMException.ABORT_ERROR -> "abort";
			default -> "error";
		};
	}

}
