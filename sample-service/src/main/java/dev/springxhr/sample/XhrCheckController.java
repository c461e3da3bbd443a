package dev.springxhr.sample;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.event.Event;
import dev.springxhr.xhr.event.ProgressEvent;

/**
 * Calls one of the demo endpoints with an asynchronous {@link XMLHttpRequest} and answers with what happened: every
 * event with the readyState it saw, then the status and response.
 */
@RestController
class XhrCheckController {

	private static final List<String> EVENT_TYPES = List.of("readystatechange", "loadstart", "progress", "abort",
			"error", "load", "timeout", "loadend");

	private final XhrFactory xhrFactory;

	XhrCheckController(XhrFactory xhrFactory) {
		this.xhrFactory = xhrFactory;
	}

	/**
	 * Check a path of this service, e.g. {@code /check?path=/demo/hello&timeout=1000}.
	 */
	@GetMapping("/check")
	Mono<CheckResult> check(@RequestParam(defaultValue = "/demo/hello") String path,
			@RequestParam(defaultValue = "0") long timeout, ServerHttpRequest request) {
		URI target = request.getURI().resolve(path.startsWith("/") ? path : "/" + path);
		XMLHttpRequest xhr = this.xhrFactory.create();
		List<String> timeline = new CopyOnWriteArrayList<>();
		Sinks.One<CheckResult> result = Sinks.one();
		for (String type : EVENT_TYPES) {
			xhr.addEventListener(type, (event) -> timeline.add(describe(event, xhr)));
		}
		xhr.setOnloadend((event) -> result.tryEmitValue(
				new CheckResult(target.toString(), xhr.getStatus(), xhr.getResponseText(), List.copyOf(timeline))));
		xhr.open("GET", target.toString());
		xhr.setTimeout(timeout);
		xhr.send();
		return result.asMono();
	}

	private static String describe(Event event, XMLHttpRequest xhr) {
		String description = event.getType() + " readyState=" + xhr.getReadyState();
		if (event instanceof ProgressEvent progress) {
			description += " loaded=" + progress.getLoaded() + " total=" + progress.getTotal();
		}
		return description;
	}

	/**
	 * What one check saw.
	 * @param url the URL requested
	 * @param status the HTTP status, 0 for a network error, timeout or abort
	 * @param responseText the response body
	 * @param events the events in order, each with the readyState it saw
	 */
	record CheckResult(String url, int status, String responseText, List<String> events) {
	}

}
