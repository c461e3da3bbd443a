package dev.springxhr.xhr.support;

import java.net.InetAddress;
import java.net.URI;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import dev.springxhr.xhr.CookieStore;
import dev.springxhr.xhr.WebClientXhrFactory;
import dev.springxhr.xhr.XhrEventObserver;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.XhrSettings;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The server of an engine test and the {@link XhrFactory}s that talk to it: one JUnit extension for the setup every
 * engine test with a server shares.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final XhrTestServer&lt;WireMockServer&gt; wireMock = XhrTestServer.wireMock();
 *
 * wireMock.server().stubFor(get("/x").willReturn(ok("hi")));
 * XMLHttpRequest xhr = wireMock.factory().create();
 * xhr.open("GET", "/x");   // relative to wireMock.baseUrl()
 * </pre>
 *
 * <p>On a {@code static} field there is one server per test class: started before the first test, WireMock's stubs
 * and request journal reset before each test (as {@code WireMockExtension} does; a {@link RawHttpServer} keeps its
 * routes and requests), stopped after the last test. On an instance field there is one server per test, started
 * before it (or when a field initializer first uses it) and stopped after it. Every server listens on a random port
 * and belongs to its registration alone, so test classes run in parallel.
 *
 * <p>{@link #factory()} is the test's factory (one per test, so its cookie store starts empty);
 * {@link #newFactory(UnaryOperator)} makes another one with other settings. Both resolve relative URLs against
 * {@link #baseUrl()}.
 *
 * @param <S> the server: {@link WireMockServer}, {@link RawHttpServer}, {@link TestServer}, a Reactor Netty
 * {@link DisposableServer}, {@link CountingUploadServer}, or any {@link AutoCloseable} one ({@link #of})
 */
public final class XhrTestServer<S> implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
		AfterAllCallback {

	private final Supplier<S> start;

	private final Consumer<S> resetBeforeEachTest;

	private final Consumer<S> stop;

	private final Function<S, String> baseUrlOf;

	private @Nullable S server;

	private @Nullable XhrFactory factory;

	/** How many class-level scopes (static registration) are open; 0 for a server per test. */
	private int classScopes;

	private XhrTestServer(Supplier<S> start, Consumer<S> resetBeforeEachTest, Consumer<S> stop,
			Function<S, String> baseUrlOf) {
		this.start = start;
		this.resetBeforeEachTest = resetBeforeEachTest;
		this.stop = stop;
		this.baseUrlOf = baseUrlOf;
	}

	/** @return a WireMock server on a random port (its base URL names the host {@code localhost}) */
	public static XhrTestServer<WireMockServer> wireMock() {
		return new XhrTestServer<>(() -> {
			WireMockServer wireMock = new WireMockServer(wireMockConfig().dynamicPort());
			wireMock.start();
			return wireMock;
		}, WireMockServer::resetAll, WireMockServer::stop, WireMockServer::baseUrl);
	}

	/** @return a {@link RawHttpServer} on 127.0.0.1 and a random port */
	public static XhrTestServer<RawHttpServer> raw() {
		return raw(InetAddress.getLoopbackAddress());
	}

	/**
	 * @param bindAddress the local address to listen on, e.g. {@code ::1}
	 * @return a {@link RawHttpServer} on that address and a random port
	 */
	public static XhrTestServer<RawHttpServer> raw(InetAddress bindAddress) {
		return of(() -> new RawHttpServer(bindAddress).start(), RawHttpServer::baseUrl);
	}

	/** @return a {@link TestServer} (Reactor Netty, with its routes) on 127.0.0.1 and a random port */
	public static XhrTestServer<TestServer> netty() {
		return of(TestServer::start, (netty) -> netty.url(""));
	}

	/**
	 * @param configure the server after host and port, e.g.
	 * {@code (http) -> http.protocol(HttpProtocol.H2C).handle((request, response) -> response.sendString(...))}
	 * @return a Reactor Netty server of the test's own on 127.0.0.1 and a random port
	 */
	public static XhrTestServer<DisposableServer> reactorNetty(UnaryOperator<HttpServer> configure) {
		return new XhrTestServer<>(() -> configure.apply(HttpServer.create().host("127.0.0.1").port(0)).bindNow(),
				(netty) -> {
				}, DisposableServer::disposeNow, (netty) -> "http://127.0.0.1:" + netty.port());
	}

	/**
	 * @param readBytesPerPause see {@link CountingUploadServer#CountingUploadServer(int, long)}
	 * @param pauseMillis the pause
	 * @return a {@link CountingUploadServer} on 127.0.0.1 and a random port
	 */
	public static XhrTestServer<CountingUploadServer> countingUploads(int readBytesPerPause, long pauseMillis) {
		return of(() -> new CountingUploadServer(readBytesPerPause, pauseMillis).start(), (counting) -> counting.url(""));
	}

	/**
	 * Any other server that starts when created and stops when closed.
	 * @param start creates and starts the server
	 * @param baseUrl the server's base URL without a trailing slash
	 * @param <S> the server
	 * @return the extension
	 */
	public static <S extends AutoCloseable> XhrTestServer<S> of(Supplier<S> start, Function<S, String> baseUrl) {
		return new XhrTestServer<>(start, (server) -> {
		}, (server) -> {
			try {
				server.close();
			}
			catch (Exception ex) {
				throw new IllegalStateException("Could not stop " + server, ex);
			}
		}, baseUrl);
	}

	// ---- lifecycle -----------------------------------------------------------------------------------------------

	@Override
	public synchronized void beforeAll(ExtensionContext context) {
		this.classScopes++;
		server();
	}

	@Override
	public synchronized void beforeEach(ExtensionContext context) {
		S running = server();
		if (this.classScopes > 0) {
			this.resetBeforeEachTest.accept(running);
		}
	}

	@Override
	public synchronized void afterEach(ExtensionContext context) {
		this.factory = null;
		if (this.classScopes == 0) {
			stopServer();
		}
	}

	@Override
	public synchronized void afterAll(ExtensionContext context) {
		if (--this.classScopes == 0) {
			stopServer();
		}
	}

	private void stopServer() {
		S running = this.server;
		this.server = null;
		if (running != null) {
			this.stop.accept(running);
		}
	}

	// ---- the server ----------------------------------------------------------------------------------------------

	/** @return the server, started if it was not yet */
	public synchronized S server() {
		S running = this.server;
		if (running == null) {
			running = this.start.get();
			this.server = running;
		}
		return running;
	}

	/** @return the server's base URL without a trailing slash, e.g. {@code http://127.0.0.1:41234} */
	public String baseUrl() {
		return this.baseUrlOf.apply(server());
	}

	/**
	 * @param pathAndQuery e.g. {@code /bytes?size=11}
	 * @return the absolute URL on this server
	 */
	public String url(String pathAndQuery) {
		return baseUrl() + pathAndQuery;
	}

	/** @return the server's port */
	public int port() {
		return URI.create(baseUrl()).getPort();
	}

	// ---- the factories -------------------------------------------------------------------------------------------

	/** @return {@link XhrSettings#defaults()} with the base URL {@code baseUrl() + "/"} */
	public XhrSettings settings() {
		return XhrSettings.defaults().withBaseUrl(URI.create(baseUrl() + "/"));
	}

	/** @return the test's factory: {@link #settings()} on {@code WebClient.builder()}, the same one all test long */
	public synchronized XhrFactory factory() {
		XhrFactory current = this.factory;
		if (current == null) {
			current = newFactory();
			this.factory = current;
		}
		return current;
	}

	/** @return a new factory with {@link #settings()} (a cookie store of its own) */
	public XhrFactory newFactory() {
		return newFactory(UnaryOperator.identity());
	}

	/**
	 * @param client the WebClient builder, e.g. with a connector of the test's own
	 * @return a new factory on {@code client} with {@link #settings()}
	 */
	public XhrFactory newFactory(WebClient.Builder client) {
		return newFactory(client, UnaryOperator.identity());
	}

	/**
	 * @param settings changes to {@link #settings()}, e.g. {@code (s) -> s.withTimeout(Duration.ofSeconds(1))}
	 * @return a new factory on {@code WebClient.builder()} with the changed settings
	 */
	public XhrFactory newFactory(UnaryOperator<XhrSettings> settings) {
		return newFactory(WebClient.builder(), settings);
	}

	/**
	 * @param client the WebClient builder, e.g. with a connector of the test's own
	 * @param settings changes to {@link #settings()}
	 * @return a new factory on {@code client} with the changed settings
	 */
	public XhrFactory newFactory(WebClient.Builder client, UnaryOperator<XhrSettings> settings) {
		return XhrFactory.of(client, settings.apply(settings()));
	}

	/**
	 * @param settings changes to {@link #settings()}
	 * @param cookieStores the cookie store of each profile (see {@code WebClientXhrFactory})
	 * @return a new factory on {@code WebClient.builder()} with the changed settings and those cookie stores
	 */
	public XhrFactory newFactory(UnaryOperator<XhrSettings> settings,
			Function<String, ? extends CookieStore> cookieStores) {
		return new WebClientXhrFactory(WebClient.builder(), settings.apply(settings()),
				WebClientXhrFactory.defaultEventExecutor(), XhrEventObserver.NONE, cookieStores);
	}

	@Override
	public String toString() {
		S running = this.server;
		return "XhrTestServer[" + ((running != null) ? this.baseUrlOf.apply(running) : "not started") + "]";
	}

}
