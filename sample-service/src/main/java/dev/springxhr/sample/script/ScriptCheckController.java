package dev.springxhr.sample.script;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.springxhr.autoconfigure.js.XhrJsContexts;
import dev.springxhr.js.XhrJsContext;

/**
 * {@code GET /api/script-check}: the inventory upstream checked by a script, as browser code would check it, in a
 * JavaScript context of its own on the application's factory (so its request is relayed, measured and counted in
 * the health like the watcher's).
 */
@RestController
class ScriptCheckController {

	/** Plain browser JavaScript: an XMLHttpRequest, its events, JSON. */
	static final String SCRIPT = """
			globalThis.result = null;
			const xhr = new XMLHttpRequest();
			xhr.responseType = 'json';
			xhr.timeout = 2000;
			xhr.onload = () => {
			  result = { check: 'script', status: xhr.status, service: xhr.response.service,
			             version: xhr.response.version };
			};
			xhr.onerror = xhr.ontimeout = (event) => { result = { check: 'script', status: 0, error: event.type }; };
			xhr.open('GET', '/demo/status');
			xhr.send();
			""";

	private final XhrJsContexts contexts;

	ScriptCheckController(XhrJsContexts contexts) {
		this.contexts = contexts;
	}

	@GetMapping(path = "/api/script-check", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<String> check() {
		// Waiting for the script's loop is blocking: not on the server's event loop.
		return Mono.fromCallable(this::run).subscribeOn(Schedulers.boundedElastic());
	}

	private String run() throws Exception {
		try (XhrJsContext js = this.contexts.newContext()) {
			js.eval(SCRIPT).get(5, TimeUnit.SECONDS);
			js.runUntilIdle(Duration.ofSeconds(5));
			return String.valueOf(js.eval("JSON.stringify(result)").get(5, TimeUnit.SECONDS));
		}
	}

}
