package dev.springxhr.autoconfigure.profile;

import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default scope, {@code request}, in a real WebFlux application: the requests made while serving one inbound
 * request share a profile (a login, then the call it allows), the next inbound request starts empty, and no web
 * session is started for it.
 */
@Tag("profile-scopes")
@SpringBootTest(classes = XhrProfileScopeRequestTests.RequestProxyApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "spring.reactor.context-propagation=auto" })
class XhrProfileScopeRequestTests extends ProfileScopeApplicationTests {

	@Test
	void theRequestsOfOneInboundRequestShareAProfileAndTheNextStartsEmpty() {
		WebClient client = WebClient.create("http://127.0.0.1:" + this.port);

		assertThat(client.get().uri("/proxy/login-then-echo?user=carol").exchangeToMono((response) -> {
			assertThat(response.cookies()).as("no web session is started").isEmpty();
			return response.bodyToMono(String.class);
		}).block(Duration.ofSeconds(20))).isEqualTo("session=carol" + ProfileUpstream.SECRET);
		assertThat(client.get().uri("/proxy/echo").retrieve().bodyToMono(String.class).block(Duration.ofSeconds(20)))
			.isEqualTo("null");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@RestController
	static class RequestProxyApplication {

		@Autowired
		XhrFactory xhrFactory;

		@Value("${upstream.url}")
		String upstream;

		@GetMapping("/proxy/login-then-echo")
		Mono<String> loginThenEcho(@RequestParam String user) {
			// The second request is created after the first completes, on another thread: the profile follows.
			return send("/login?user=" + user).then(Mono.defer(() -> send("/echo")));
		}

		@GetMapping("/proxy/echo")
		Mono<String> echo() {
			return send("/echo");
		}

		private Mono<String> send(String path) {
			XMLHttpRequest xhr = this.xhrFactory.create();
			xhr.open("GET", this.upstream + path);
			xhr.send();
			return xhr.asMono().map(XMLHttpRequest::getResponseText);
		}

	}

}
