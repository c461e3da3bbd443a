package dev.springxhr.xhr;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.DisposableServer;

import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

import dev.springxhr.xhr.support.XhrTestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Profiles: requests of different profiles never see each other's cookies, also when they run at the same time; a
 * profile is listed, inspected without its values showing, cleared and removed. The upstream is a Reactor Netty
 * server that logs a user in with a session cookie and echoes the Cookie header it receives.
 */
class XhrProfileTests {

	@RegisterExtension
	static final XhrTestServer<DisposableServer> upstream = XhrTestServer.reactorNetty((server) -> server
		.route((routes) -> routes
			.get("/login", (request, response) -> {
				String user = UriComponentsBuilder.fromUriString(request.uri()).build().getQueryParams().getFirst("user");
				return response.header("Set-Cookie", "session=" + user + "-secret; Path=/").sendString(Mono.just("ok"));
			})
			.get("/echo", (request, response) -> response
				.sendString(Mono.just(String.valueOf(request.requestHeaders().get("Cookie")))))));

	private static final Logger log = LoggerFactory.getLogger(XhrProfileTests.class);

	private final XhrFactory factory = upstream.newFactory();

	@Test
	void aCookieSetForOneProfileIsNeverSentWithAnothers() throws Exception {
		// tag::profiles[]
		XhrFactory alice = this.factory.forProfile("alice");    // created empty on first use
		XhrFactory bob = this.factory.forProfile("bob");        // another cookie store, another preflight cache
		// end::profiles[]
		get(alice, "/login?user=alice");
		get(bob, "/login?user=bob");

		assertThat(get(alice, "/echo")).isEqualTo("session=alice-secret");
		assertThat(get(bob, "/echo")).isEqualTo("session=bob-secret");
		assertThat(get(this.factory, "/echo")).isEqualTo("null");
		assertThat(this.factory.forProfile("alice").getProfile()).isSameAs(alice.getProfile());
	}

	@Test
	void twoUsersInterleavingAThousandRequestsEachOnlyEverSendTheirOwnSession() throws Exception {
		List<String> users = List.of("alice", "bob");
		for (String user : users) {
			get(this.factory.forProfile(user), "/login?user=" + user);
		}
		// Twenty waves of 50 requests a user, interleaved and in flight together: a thousand each, within what one
		// connection pool queues (Reactor Netty's default pool refuses acquires beyond its pending limit).
		for (int wave = 0; wave < 20; wave++) {
			Map<String, List<CompletableFuture<String>>> echoes = new ConcurrentHashMap<>();
			for (int i = 0; i < 50; i++) {
				for (String user : users) {
					echoes.computeIfAbsent(user, (key) -> new CopyOnWriteArrayList<>())
						.add(send(this.factory.forProfile(user), "/echo"));
				}
			}
			for (String user : users) {
				for (CompletableFuture<String> echo : echoes.get(user)) {
					assertThat(echo.get(30, TimeUnit.SECONDS)).isEqualTo("session=" + user + "-secret");
				}
			}
		}
	}

	@Test
	void aProfileIsInspectedWithoutItsValuesShowingThenClearedAndRemoved() throws Exception {
		XhrFactory carol = this.factory.forProfile("carol");
		get(carol, "/login?user=carol");
		assertThat(carol.getProfile().getCookies()).singleElement().satisfies((cookie) -> {
			assertThat(cookie.name()).isEqualTo("session");
			assertThat(cookie.domain()).isEqualTo("127.0.0.1");
			assertThat(cookie.path()).isEqualTo("/");
			assertThat(cookie.expiry()).isNull();
			assertThat(cookie.toString()).doesNotContain("carol-secret");
		});
		assertThat(carol.getProfile().toString()).isEqualTo("XhrProfile[key=carol, cookies=1]");
		assertThat(this.factory.getProfiles()).extracting(XhrProfile::getKey).contains("default", "carol");

		// tag::inspect[]
		XhrProfile profile = carol.getProfile();
		for (XhrCookie cookie : profile.getCookies()) {
			log.info("{}: {} for {}{} until {}", profile.getKey(), cookie.name(), cookie.domain(), cookie.path(),
					cookie.expiry());   // cookie.toString() never shows the value either
		}
		profile.clear();                        // forget its cookies and preflights, e.g. at logout
		this.factory.removeProfile("carol");    // or forget the profile itself
		// end::inspect[]

		assertThat(get(carol, "/echo")).isEqualTo("null");
		assertThat(this.factory.getProfiles()).extracting(XhrProfile::getKey).doesNotContain("carol");
		assertThat(get(this.factory.forProfile("carol"), "/echo")).isEqualTo("null");
	}

	@Test
	void aFactoryOfTheCallersCookieStoresAsksForOneStorePerProfile() throws Exception {
		List<String> asked = new CopyOnWriteArrayList<>();
		List<String> stored = new CopyOnWriteArrayList<>();
		XhrFactory custom = new WebClientXhrFactory(WebClient.builder(), upstream.settings(),
				WebClientXhrFactory.defaultEventExecutor(), XhrEventObserver.NONE, (key) -> {
					asked.add(key);
					return new RecordingStore(stored);
				});
		get(custom.forProfile("dave"), "/login?user=dave");
		get(custom.forProfile("dave"), "/echo");

		assertThat(asked).containsExactly("default", "dave");
		assertThat(stored).containsExactly("session=dave-secret; Path=/");
	}

	@Test
	void aNewProfileIsEmptyUnlistedAndKeptOnlyByItsHolder() throws Exception {
		// tag::new-profile[]
		XhrFactory first = this.factory.newProfile();       // empty, unlisted: gone with its last reference
		XhrFactory second = this.factory.newProfile();
		// end::new-profile[]
		get(first, "/login?user=erin");

		assertThat(get(first, "/echo")).isEqualTo("session=erin-secret");
		assertThat(get(second, "/echo")).isEqualTo("null");
		assertThat(first.getProfile().getKey()).startsWith("unlisted-").isNotEqualTo(second.getProfile().getKey());
		assertThat(this.factory.getProfiles()).extracting(XhrProfile::getKey)
			.doesNotContain(first.getProfile().getKey(), second.getProfile().getKey());
	}

	@Test
	void aNewProfileWithAKeyGetsTheFactorysCookieStoreForTheKey() throws Exception {
		List<String> asked = new CopyOnWriteArrayList<>();
		XhrFactory custom = new WebClientXhrFactory(WebClient.builder(), upstream.settings(),
				WebClientXhrFactory.defaultEventExecutor(), XhrEventObserver.NONE, (key) -> {
					asked.add(key);
					return CookieStore.inMemory();
				});
		XhrFactory frank = custom.newProfile("frank");
		get(frank, "/login?user=frank");

		assertThat(get(frank, "/echo")).isEqualTo("session=frank-secret");
		assertThat(asked).containsExactly("default", "frank");
		assertThat(custom.getProfiles()).extracting(XhrProfile::getKey).containsExactly("default");
	}

	@Test
	void anotherXhrFactoryImplementationHasNoProfiles() {
		XhrFactory plain = new XhrFactory() {

			@Override
			public XMLHttpRequest create() {
				throw new UnsupportedOperationException();
			}

			@Override
			public XMLHttpRequest create(XhrOptions options) {
				throw new UnsupportedOperationException();
			}

		};
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> plain.forProfile("x"));
	}

	private static String get(XhrFactory factory, String path) throws Exception {
		return send(factory, path).get(10, TimeUnit.SECONDS);
	}

	private static CompletableFuture<String> send(XhrFactory factory, String path) {
		CompletableFuture<String> text = new CompletableFuture<>();
		XMLHttpRequest xhr = factory.create();
		xhr.setOnload((event) -> text.complete(xhr.getResponseText()));
		xhr.setOnerror((event) -> text.completeExceptionally(new AssertionError("network error on " + path)));
		xhr.open("GET", upstream.url(path));
		xhr.send();
		return text;
	}

	/** A cookie store that records what it is asked to store and hands it back, as a store of its own would. */
	private static final class RecordingStore implements CookieStore {

		private final List<String> stored;

		private final InMemoryCookieStore delegate = new InMemoryCookieStore();

		RecordingStore(List<String> stored) {
			this.stored = stored;
		}

		@Override
		public @Nullable String cookieHeader(URI requestUrl, boolean sameSiteRequest) {
			return this.delegate.cookieHeader(requestUrl, sameSiteRequest);
		}

		@Override
		public void store(URI requestUrl, List<String> setCookieValues, boolean sameSiteRequest) {
			this.stored.addAll(setCookieValues);
			this.delegate.store(requestUrl, setCookieValues, sameSiteRequest);
		}

		@Override
		public List<XhrCookie> cookies() {
			return this.delegate.cookies();
		}

		@Override
		public boolean remove(String name, String domain, String path) {
			return this.delegate.remove(name, domain, path);
		}

		@Override
		public void clear() {
			this.delegate.clear();
		}

	}

}
