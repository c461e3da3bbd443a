package dev.springxhr.autoconfigure.profile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.ResponseCookie;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.XhrFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session scope in a real Spring MVC application (Tomcat): each {@code HttpSession} has its own profile, found
 * through Spring's {@code RequestContextHolder}; two users interleaving requests only ever send their own upstream
 * session, and a caller without a session has none.
 */
@Tag("profile-scopes")
@SpringBootTest(classes = XhrProfileScopeServletTests.MvcProxyApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "xhr.profiles.scope=session" })
class XhrProfileScopeServletTests extends ProfileScopeApplicationTests {

	@Test
	void eachHttpSessionHasItsOwnProfile() {
		WebClient client = WebClient.create("http://127.0.0.1:" + this.port);
		Map<String, String> sessions = new ConcurrentHashMap<>();
		for (String user : List.of("alice", "bob")) {
			ResponseCookie session = client.get()
				.uri("/proxy/login?user={user}", user)
				.exchangeToMono((response) -> Mono.justOrEmpty(response.cookies().getFirst("JSESSIONID")))
				.block(Duration.ofSeconds(20));
			assertThat(session).as("the service's session cookie for " + user).isNotNull();
			sessions.put(user, session.getValue());
		}
		List<Mono<String>> echoes = new ArrayList<>();
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			for (String user : List.of("alice", "bob")) {
				echoes.add(client.get().uri("/proxy/echo").cookie("JSESSIONID", sessions.get(user))
					.retrieve().bodyToMono(String.class));
				expected.add("session=" + user + ProfileUpstream.SECRET);
			}
		}
		assertThat(Flux.mergeSequential(echoes, 20, 1).collectList().block(Duration.ofSeconds(60)))
			.containsExactlyElementsOf(expected);
		assertThat(client.get().uri("/proxy/echo").retrieve().bodyToMono(String.class).block()).isEqualTo("null");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@RestController
	static class MvcProxyApplication {

		@Autowired
		XhrFactory xhrFactory;

		@Value("${upstream.url}")
		String upstream;

		@GetMapping("/proxy/login")
		String login(@RequestParam String user) throws Exception {
			return ProfileUpstream.getNow(this.xhrFactory, this.upstream + "/login?user=" + user);
		}

		@GetMapping("/proxy/echo")
		String echo() throws Exception {
			return ProfileUpstream.getNow(this.xhrFactory, this.upstream + "/echo");
		}

	}

}
