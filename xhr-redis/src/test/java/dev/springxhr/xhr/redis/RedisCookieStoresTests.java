package dev.springxhr.xhr.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

import dev.springxhr.xhr.DOMException;
import dev.springxhr.xhr.WebClientXhrFactory;
import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrEventObserver;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.XhrSettings;
import dev.springxhr.xhr.support.XhrTestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Profiles' cookies in a real Redis, shared by two factories standing for two replicas of a service (each with its
 * own connections): one user's upstream session is the same on both and never another user's; concurrent
 * {@code Set-Cookie}s of one profile from both replicas are all kept; Redis expires a profile with its last cookie;
 * and Redis stopped mid-run fails the requests that need it with a network error naming it, then, once it is back,
 * nothing stored before is lost.
 */
class RedisCookieStoresTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	@RegisterExtension
	static final XhrTestServer<DisposableServer> upstream = XhrTestServer.reactorNetty((server) -> server
		.route((routes) -> routes
			.get("/login", (request, response) -> response
				.header("Set-Cookie", "session=" + query(request.uri(), "user") + "-secret; Path=/")
				.sendString(Mono.just("ok")))
			.get("/set", (request, response) -> response
				.header("Set-Cookie", query(request.uri(), "name") + "=1; Path=/")
				.sendString(Mono.just("ok")))
			.get("/short", (request, response) -> response.header("Set-Cookie", "short=1; Path=/; Max-Age=1")
				.sendString(Mono.just("ok")))
			.get("/echo", (request, response) -> response
				.sendString(Mono.just(String.valueOf(request.requestHeaders().get("Cookie")))))));

	private final String prefix = "test:" + UUID.randomUUID() + ":";

	private final List<LettuceConnectionFactory> connections = new ArrayList<>();

	@AfterEach
	void disconnect() throws Exception {
		redis.start();
		this.connections.forEach(LettuceConnectionFactory::destroy);
	}

	@Test
	void twoReplicasShareOneUsersCookiesAndNeverAnothers() throws Exception {
		XhrFactory replicaA = replica();
		XhrFactory replicaB = replica();

		get(replicaA.forProfile("alice"), "/login?user=alice");
		get(replicaB.forProfile("bob"), "/login?user=bob");

		assertThat(get(replicaB.forProfile("alice"), "/echo")).isEqualTo("session=alice-secret");
		assertThat(get(replicaA.forProfile("bob"), "/echo")).isEqualTo("session=bob-secret");
		assertThat(get(replicaA.forProfile("carol"), "/echo")).isEqualTo("null");
		assertThat(replicaB.forProfile("alice").getProfile().getCookies()).singleElement()
			.satisfies((cookie) -> assertThat(cookie.toString()).doesNotContain("alice-secret"));
	}

	@Test
	void concurrentSetCookiesOfOneProfileFromBothReplicasAreAllKept() throws Exception {
		XhrFactory replicaA = replica().forProfile("dave");
		XhrFactory replicaB = replica().forProfile("dave");
		List<CompletableFuture<String>> sends = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			sends.add(send(replicaA, "/set?name=a" + i));
			sends.add(send(replicaB, "/set?name=b" + i));
		}
		for (CompletableFuture<String> sent : sends) {
			sent.get(30, TimeUnit.SECONDS);
		}

		assertThat(replicaA.getProfile().getCookies()).hasSize(100);
		assertThat(get(replicaB, "/echo").split("; ")).hasSize(100);
	}

	@Test
	void redisExpiresAProfileWithItsLastCookie() throws Exception {
		XhrFactory replica = replica().forProfile("erin");
		get(replica, "/short");
		StringRedisTemplate template = new StringRedisTemplate(this.connections.get(0));
		String key = this.prefix + "erin";

		assertThat(template.getExpire(key, TimeUnit.MILLISECONDS)).isBetween(1L, 1000L);
		await().atMost(Duration.ofSeconds(10)).until(() -> !Boolean.TRUE.equals(template.hasKey(key)));
		assertThat(get(replica, "/echo")).isEqualTo("null");
	}

	@Test
	void redisStoppedMidRunFailsTheRequestsThatNeedItThenLosesNothing() throws Exception {
		RedisCookieStores stores = new RedisCookieStores(connectionFactory(), this.prefix,
				RedisCookieStores.DEFAULT_SESSION_COOKIE_TIME_TO_LIVE);
		XhrFactory frank = replica(stores).forProfile("frank");
		get(frank, "/login?user=frank");

		redis.stop();
		XMLHttpRequest failed = frank.create();
		failed.open("GET", upstream.url("/set?name=during"));
		failed.send();

		assertThat(failed.completion().toCompletableFuture()).failsWithin(Duration.ofSeconds(20))
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOfSatisfying(DOMException.class, (ex) -> {
				assertThat(ex.getName()).isEqualTo(DOMException.NETWORK_ERROR);
				assertThat(ex).hasCauseInstanceOf(RedisCookieStoreException.class);
				assertThat(ex.getCause()).hasMessageStartingWith("The Redis cookie store failed to");
			});
		assertThatExceptionOfType(RedisCookieStoreException.class).isThrownBy(stores::ping);

		redis.start();
		await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(stores::ping);
		assertThat(get(frank, "/echo")).isEqualTo("session=frank-secret");
		get(frank, "/set?name=after");
		assertThat(get(frank, "/echo")).isEqualTo("session=frank-secret; after=1");
	}

	private XhrFactory replica() {
		LettuceConnectionFactory connectionFactory = connectionFactory();
		String keyPrefix = this.prefix;
		// tag::redis-stores[]
		RedisCookieStores stores = new RedisCookieStores(connectionFactory, keyPrefix, Duration.ofMinutes(30));
		// end::redis-stores[]
		return replica(stores);
	}

	private XhrFactory replica(RedisCookieStores stores) {
		XhrSettings settings = upstream.settings();
		// tag::redis-factory[]
		XhrFactory factory = new WebClientXhrFactory(WebClient.builder(), settings,
				WebClientXhrFactory.defaultEventExecutor(), XhrEventObserver.NONE, stores);
		XhrFactory alice = factory.forProfile("alice");    // the same cookies on every replica
		// end::redis-factory[]
		return factory;
	}

	private LettuceConnectionFactory connectionFactory() {
		LettuceConnectionFactory factory = redis.connectionFactory();
		this.connections.add(factory);
		return factory;
	}

	private static String get(XhrFactory factory, String path) throws Exception {
		return send(factory, path).get(20, TimeUnit.SECONDS);
	}

	private static CompletableFuture<String> send(XhrFactory factory, String path) {
		XMLHttpRequest xhr = factory.create();
		xhr.open("GET", upstream.url(path));
		xhr.send();
		return xhr.completion().thenApply(XMLHttpRequest::getResponseText).toCompletableFuture();
	}

	private static String query(String uri, String name) {
		return UriComponentsBuilder.fromUriString(uri).build().getQueryParams().getFirst(name);
	}

}
