package dev.springxhr.autoconfigure.profile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthContributors;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseCookie;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.autoconfigure.XhrApplicationEvent;
import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session scope in a real WebFlux application (Reactor Netty) whose handlers call an upstream through the
 * auto-configured {@link XhrFactory}: two users, each with a web session of their own, log in upstream and make
 * 1,000 interleaved requests each; each user only ever sends their own upstream session, and no cookie value shows
 * in logs, events, metrics or health. A second factory built from the builder bean gives each session a profile of its
 * own as well.
 */
@Tag("profile-scopes")
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = XhrProfileScopeWebFluxTests.ProxyApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "xhr.profiles.scope=session",
				"spring.reactor.context-propagation=auto", "logging.level.dev.springxhr=debug" })
class XhrProfileScopeWebFluxTests extends ProfileScopeApplicationTests {

	@Autowired
	MeterRegistry meters;

	@Autowired
	CompositeReactiveHealthContributor health;

	@Test
	void twoUsersInterleavingAThousandRequestsEachOnlyEverSendTheirOwnSession(CapturedOutput output) {
		List<String> users = List.of("alice", "bob");
		Map<String, String> sessions = new ConcurrentHashMap<>();
		for (String user : users) {
			ResponseCookie session = WebClient.create("http://127.0.0.1:" + this.port).get()
				.uri("/proxy/login?user={user}", user)
				.exchangeToMono((response) -> Mono.justOrEmpty(response.cookies().getFirst("SESSION")))
				.block(Duration.ofSeconds(20));
			assertThat(session).as("the service's session cookie for " + user).isNotNull();
			sessions.put(user, session.getValue());
		}
		WebClient client = WebClient.create("http://127.0.0.1:" + this.port);
		// Twenty waves of 50 requests a user, interleaved and in flight together: 1,000 each.
		for (int wave = 0; wave < 20; wave++) {
			List<Mono<String>> echoes = new ArrayList<>();
			List<String> expected = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				for (String user : users) {
					echoes.add(client.get().uri("/proxy/echo").cookie("SESSION", sessions.get(user))
						.retrieve().bodyToMono(String.class));
					expected.add("session=" + user + ProfileUpstream.SECRET);
				}
			}
			List<String> answers = Flux.mergeSequential(echoes, 100, 1).collectList().block(Duration.ofSeconds(60));
			assertThat(answers).containsExactlyElementsOf(expected);
		}
		// A caller without a session has nothing.
		assertThat(client.get().uri("/proxy/echo").retrieve().bodyToMono(String.class).block()).isEqualTo("null");

		List<String> seen = new ArrayList<>(ProxyApplication.events);
		for (Meter meter : this.meters.getMeters()) {
			seen.add(meter.getId().toString());
		}
		// Two factories: the auto-configured one and "second", each reported by bean name.
		assertThat(this.health.stream().map(ReactiveHealthContributors.Entry::name)).containsExactlyInAnyOrder(
				"xhrFactory", "secondXhrFactory");
		this.health.stream().forEach((entry) -> seen.add(String.valueOf(((ReactiveHealthIndicator) entry.contributor())
			.health().block(Duration.ofSeconds(20)))));
		seen.add(output.getAll());
		assertThat(ProxyApplication.events).hasSizeGreaterThan(2000);
		assertThat(seen).noneMatch((text) -> text.contains(ProfileUpstream.SECRET));
		assertThat(output.getAll()).contains("XhrFactory profiles: scope session");
	}

	@Test
	void aSecondFactoryBuiltFromTheBuilderGivesEachSessionAProfileOfItsOwnToo() {
		WebClient client = WebClient.create("http://127.0.0.1:" + this.port);
		Map<String, String> sessions = new ConcurrentHashMap<>();
		for (String user : List.of("carol", "dave")) {
			ResponseCookie session = client.get()
				.uri("/proxy/second/login?user={user}", user)
				.exchangeToMono((response) -> Mono.justOrEmpty(response.cookies().getFirst("SESSION")))
				.block(Duration.ofSeconds(20));
			assertThat(session).as("the service's session cookie for " + user).isNotNull();
			sessions.put(user, session.getValue());
		}
		for (String user : List.of("carol", "dave")) {
			String echoed = client.get().uri("/proxy/second/echo").cookie("SESSION", sessions.get(user))
				.retrieve().bodyToMono(String.class).block(Duration.ofSeconds(20));
			assertThat(echoed).isEqualTo("session=" + user + ProfileUpstream.SECRET);
			// The auto-configured factory's profile of the same session is another one: nothing was logged in there.
			assertThat(client.get().uri("/proxy/echo").cookie("SESSION", sessions.get(user))
				.retrieve().bodyToMono(String.class).block(Duration.ofSeconds(20))).isEqualTo("null");
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@RestController
	static class ProxyApplication {

		static final List<String> events = new CopyOnWriteArrayList<>();

		@Autowired
		XhrFactory xhrFactory;

		@Value("${upstream.url}")
		String upstream;

		@GetMapping("/proxy/login")
		Mono<String> login(@RequestParam String user) {
			return send("/login?user=" + user);
		}

		@GetMapping("/proxy/echo")
		Mono<String> echo() {
			return send("/echo");
		}

		@Autowired
		@Qualifier("second")
		XhrFactory secondXhrFactory;

		@GetMapping("/proxy/second/login")
		Mono<String> secondLogin(@RequestParam String user) {
			return send(this.secondXhrFactory, this.upstream + "/login?user=" + user);
		}

		@GetMapping("/proxy/second/echo")
		Mono<String> secondEcho() {
			return send(this.secondXhrFactory, this.upstream + "/echo");
		}

		@Bean(defaultCandidate = false)
		@Qualifier("second")
		static XhrFactory secondXhrFactory(XhrFactory.Builder builder) {
			return builder.build();
		}

		private static Mono<String> send(XhrFactory factory, String url) {
			XMLHttpRequest xhr = factory.create();
			xhr.open("GET", url);
			xhr.send();
			return xhr.asMono().map(XMLHttpRequest::getResponseText);
		}

		private Mono<String> send(String path) {
			// tag::scoped-handler[]
			// Created in the handler: the factory finds the caller's web session in the Reactor context.
			XMLHttpRequest xhr = this.xhrFactory.create();
			xhr.open("GET", this.upstream + path);
			xhr.send();
			return xhr.asMono().map(XMLHttpRequest::getResponseText);
			// end::scoped-handler[]
		}

		@Bean
		static ApplicationListener<XhrApplicationEvent> recordingListener() {
			return (event) -> events.add(event.toString());
		}

		@Bean
		static MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
