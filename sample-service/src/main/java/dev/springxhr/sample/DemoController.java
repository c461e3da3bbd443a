package dev.springxhr.sample;

import java.time.Duration;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Demo upstream endpoints the sample calls through {@code XMLHttpRequest}: so every event type is visible without
 * any outside network.
 */
@RestController
@RequestMapping("/demo")
class DemoController {

	@GetMapping("/hello")
	Map<String, String> hello() {
		return Map.of("message", "hello from the sample service");
	}

	@GetMapping("/slow")
	Mono<String> slow() {
		return Mono.just("finally").delayElement(Duration.ofSeconds(2));
	}

	@GetMapping("/error")
	ResponseEntity<String> error() {
		return ResponseEntity.internalServerError().body("upstream failed");
	}

}
