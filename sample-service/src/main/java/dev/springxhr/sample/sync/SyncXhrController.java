package dev.springxhr.sample.sync;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.springxhr.xhr.DOMException;
import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;

/**
 * Synchronous XHR, twice: on the Reactor event-loop thread that runs this handler, where the {@code sync-xhr} policy
 * ({@code DENY_ON_EVENT_LOOP} by default) refuses it, and on a worker thread, where it blocks only that thread.
 */
@RestController
@RequestMapping("/api")
public class SyncXhrController {

	/** What the sync demo requests; the timeline labels it "sync XHR demo". */
	public static final String URL = "/demo/status?caller=sync-demo";

	private final XhrFactory xhrFactory;

	public SyncXhrController(XhrFactory xhrFactory) {
		this.xhrFactory = xhrFactory;
	}

	@PostMapping("/sync-demo")
	Mono<SyncDemoResult> syncDemo() {
		// WebFlux runs this method on a reactor-http event-loop thread.
		SyncAttempt onEventLoop = sendSynchronously();
		return Mono.fromCallable(this::sendSynchronously)
			.subscribeOn(Schedulers.boundedElastic())
			.map((onWorker) -> new SyncDemoResult(onEventLoop, onWorker));
	}

	private SyncAttempt sendSynchronously() {
		String thread = Thread.currentThread().getName();
		XMLHttpRequest xhr = this.xhrFactory.create();
		try {
			xhr.open("GET", URL, false);
			xhr.send();
			return new SyncAttempt(thread, "status " + xhr.getStatus(), xhr.getResponseText());
		}
		catch (DOMException ex) {
			return new SyncAttempt(thread, ex.getName(), String.valueOf(ex.getMessage()));
		}
	}

	/**
	 * The two attempts.
	 * @param onEventLoop the attempt on the event-loop thread
	 * @param onWorker the attempt on a worker thread
	 */
	record SyncDemoResult(SyncAttempt onEventLoop, SyncAttempt onWorker) {
	}

	/**
	 * One synchronous XHR.
	 * @param thread the thread that called {@code send()}
	 * @param outcome {@code status 200}, or the {@code DOMException} name
	 * @param detail the response text or the exception's message
	 */
	record SyncAttempt(String thread, String outcome, String detail) {
	}

}
