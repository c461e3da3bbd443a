package dev.springxhr.sample.partner;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.springxhr.xhr.DOMException;
import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;

/**
 * The partner's status, through the partner's own factory.
 */
@RestController
class PartnerController {

	private final XhrFactory partner;

	PartnerController(@Qualifier("partner") XhrFactory partner) {
		this.partner = partner;
	}

	@GetMapping("/partner/status")
	Mono<ResponseEntity<String>> status() {
		XMLHttpRequest xhr = this.partner.create();
		xhr.open("GET", "status");   // relative to partner.base-url
		xhr.send();
		return xhr.asMono()
			.map((done) -> ResponseEntity.status(done.getStatus())
				.contentType(MediaType.APPLICATION_JSON)
				.body(done.getResponseText()))
			// The partner's timeout (partner.timeout), or a network error: the request's DOMException.
			.onErrorResume(DOMException.class, (ex) -> Mono.just(ResponseEntity
				.status("TimeoutError".equals(ex.getName()) ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY)
				.body(ex.getName())));
	}

}
