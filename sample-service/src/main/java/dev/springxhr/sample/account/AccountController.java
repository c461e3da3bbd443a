package dev.springxhr.sample.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;

/**
 * The service's account API, on the demo upstream's: each call is an XHR through the auto-configured factory, whose
 * requests carry the profile of the caller's web session ({@code xhr.profiles.scope: session}). So the upstream's
 * session cookie set for one user is only ever sent with that user's requests.
 */
@RestController
@RequestMapping("/account")
class AccountController {

	private final XhrFactory xhrFactory;

	AccountController(XhrFactory xhrFactory) {
		this.xhrFactory = xhrFactory;
	}

	/** Log the caller in at the upstream: its session cookie lands in the caller's profile. */
	@PostMapping("/login")
	Mono<ResponseEntity<String>> login(@RequestParam String user) {
		return send("POST", "/demo/accounts/login?user=" + URLEncoder.encode(user, StandardCharsets.UTF_8));
	}

	/** The caller's data at the upstream, with the caller's upstream session (401 before a login). */
	@GetMapping("/me")
	Mono<ResponseEntity<String>> me() {
		return send("GET", "/demo/accounts/me");
	}

	private Mono<ResponseEntity<String>> send(String method, String url) {
		XMLHttpRequest xhr = this.xhrFactory.create();   // the caller's session's profile
		xhr.open(method, url);
		xhr.send();
		return xhr.asMono()
			.map((done) -> ResponseEntity.status(done.getStatus())
				.contentType(MediaType.APPLICATION_JSON)
				.body(done.getResponseText()));
	}

}
