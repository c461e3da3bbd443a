package dev.springxhr.xhr;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;

import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.support.XhrTestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SharedCookieStore}: the {@link CookieStoreContractTests} on a state kept outside the jar (here an atomic
 * reference standing in for Redis), then the engine on such stores: a store that waits for I/O is never called on
 * an event loop (also for a redirect's cookies, and when the send itself comes from an event loop), and a store
 * that fails ends the send in a network error that names the cause, with exactly one {@code loadend}.
 */
class SharedCookieStoreTests extends CookieStoreContractTests {

	@RegisterExtension
	static final XhrTestServer<DisposableServer> upstream = XhrTestServer.reactorNetty((server) -> server
		.route((routes) -> routes
			.get("/login", (request, response) -> response.status(302)
				.header("Set-Cookie", "session=s3cr3t; Path=/")
				.header("Location", "/echo")
				.send())
			.get("/echo", (request, response) -> response
				.sendString(Mono.just(String.valueOf(request.requestHeaders().get("Cookie")))))));

	@Override
	protected CookieStore newStore() {
		return new ReferenceCookieStore(new AtomicReference<>());
	}

	@Test
	void theStateIsTextWithAVersionAndExpiresWithItsLastCookie() {
		AtomicReference<SharedCookieStore.@Nullable VersionedState> remote = new AtomicReference<>();
		ReferenceCookieStore store = new ReferenceCookieStore(remote);
		store.store(java.net.URI.create("https://a.example/"), List.of("k=v; Max-Age=60"), true);

		assertThat(remote.get()).isNotNull();
		assertThat(remote.get().state()).startsWith("xhr-cookie-jar/1\t");
		assertThat(remote.get().toString()).doesNotContain("k\tv");
		assertThat(store.lastTimeToLive.get()).isBetween(Duration.ofSeconds(59), Duration.ofSeconds(60));
		store.store(java.net.URI.create("https://a.example/"), List.of("s=session"), true);
		assertThat(store.lastTimeToLive.get()).isEqualTo(Duration.ofMinutes(30));

		store.clear();
		assertThat(remote.get()).isNull();
	}

	@Test
	void theEngineNeverCallsABlockingStoreOnAnEventLoop() throws Exception {
		AtomicReference<SharedCookieStore.@Nullable VersionedState> remote = new AtomicReference<>();
		List<String> threads = new CopyOnWriteArrayList<>();
		XhrFactory factory = factory((key) -> new ReferenceCookieStore(remote, threads));

		// The login answers with a redirect that sets the cookie: stored, then sent with the redirected hop.
		assertThat(get(factory, "/login").get(10, TimeUnit.SECONDS)).isEqualTo("session=s3cr3t");
		// Sent from an event loop, as a WebFlux handler would: the first hop's cookies are read off it.
		CompletableFuture<String> fromEventLoop = Mono.fromCallable(() -> get(factory, "/echo"))
			.subscribeOn(Schedulers.parallel())
			.block(Duration.ofSeconds(10));
		assertThat(fromEventLoop.get(10, TimeUnit.SECONDS)).isEqualTo("session=s3cr3t");

		assertThat(threads).isNotEmpty().noneMatch((thread) -> thread.startsWith("non-blocking"));
	}

	@Test
	void aStoreThatFailsEndsTheSendInANetworkErrorNamingTheCause() throws Exception {
		AtomicBoolean down = new AtomicBoolean(true);
		XhrFactory factory = factory((key) -> new ReferenceCookieStore(new AtomicReference<>()) {

			@Override
			protected @Nullable VersionedState read() {
				if (down.get()) {
					throw new IllegalStateException("store unreachable: connection refused");
				}
				return super.read();
			}

		});
		XMLHttpRequest xhr = factory.create();
		AtomicLong loadends = new AtomicLong();
		List<String> events = new CopyOnWriteArrayList<>();
		xhr.addEventListener("error", (event) -> events.add("error"));
		xhr.addEventListener("loadend", (event) -> loadends.incrementAndGet());
		xhr.open("GET", upstream.url("/login"));
		xhr.send();

		assertThat(xhr.completion().toCompletableFuture()).failsWithin(Duration.ofSeconds(10))
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOfSatisfying(DOMException.class, (ex) -> {
				assertThat(ex.getName()).isEqualTo(DOMException.NETWORK_ERROR);
				assertThat(ex).rootCause().hasMessageContaining("store unreachable");
			});
		assertThat(events).containsExactly("error");
		assertThat(loadends.get()).isEqualTo(1);
	}

	private static XhrFactory factory(java.util.function.Function<String, CookieStore> stores) {
		return new WebClientXhrFactory(WebClient.builder(), upstream.settings(),
				WebClientXhrFactory.defaultEventExecutor(), XhrEventObserver.NONE, stores);
	}

	private static CompletableFuture<String> get(XhrFactory factory, String path) {
		XMLHttpRequest xhr = factory.create();
		xhr.open("GET", upstream.url(path));
		xhr.send();
		return xhr.completion().thenApply(XMLHttpRequest::getResponseText).toCompletableFuture();
	}

	/**
	 * A shared store on an atomic reference, as a Redis store on a key: versions are a counter, and every call
	 * records the thread it ran on.
	 */
	static class ReferenceCookieStore extends SharedCookieStore {

		private static final AtomicLong versions = new AtomicLong();

		private final AtomicReference<@Nullable VersionedState> remote;

		private final List<String> threads;

		final AtomicReference<@Nullable Duration> lastTimeToLive = new AtomicReference<>();

		ReferenceCookieStore(AtomicReference<@Nullable VersionedState> remote) {
			this(remote, new CopyOnWriteArrayList<>());
		}

		ReferenceCookieStore(AtomicReference<@Nullable VersionedState> remote, List<String> threads) {
			super(Duration.ofMinutes(30));
			this.remote = remote;
			this.threads = threads;
		}

		@Override
		protected @Nullable VersionedState read() {
			this.threads.add(Thread.currentThread().getName());
			return this.remote.get();
		}

		@Override
		protected boolean compareAndSet(@Nullable String expectedVersion, @Nullable String state,
				Duration timeToLive) {
			this.threads.add(Thread.currentThread().getName());
			VersionedState current = this.remote.get();
			if (!Objects.equals((current != null) ? current.version() : null, expectedVersion)) {
				return false;
			}
			this.lastTimeToLive.set(timeToLive);
			VersionedState next = (state != null) ? new VersionedState(String.valueOf(versions.incrementAndGet()), state)
					: null;
			return this.remote.compareAndSet(current, next);
		}

	}

}
