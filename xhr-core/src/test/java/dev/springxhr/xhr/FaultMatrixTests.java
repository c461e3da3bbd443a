package dev.springxhr.xhr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import org.jspecify.annotations.Nullable;
import io.netty.channel.DefaultEventLoopGroup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.Http2SslContextSpec;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;

import dev.springxhr.xhr.support.EventRecorder;
import dev.springxhr.xhr.support.FaultyNettyServer;
import dev.springxhr.xhr.support.MeteredClient;
import dev.springxhr.xhr.support.RawHttpServer;
import dev.springxhr.xhr.support.RecordingLeakDetector;
import dev.springxhr.xhr.support.TestServer;
import dev.springxhr.xhr.support.ThreadSnapshot;
import dev.springxhr.xhr.support.XhrTestServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * The fault matrix (issue 8): every way a fetch can fail on the wire — refused, DNS failure, reset, empty response,
 * malformed chunk, garbage, stalls (timeout and abort), TLS failures, HTTP/2 stream resets and GOAWAY — for
 * asynchronous and synchronous requests over HTTP/1.1 and HTTP/2. Each case asserts the exact event sequence of the
 * XHR standard (XHR §4.5.6 "request error steps": readystatechange(4), then error, timeout or abort, then loadend;
 * upload events first when upload listeners exist; a synchronous request fires nothing and throws), status 0,
 * exactly one loadend, and that nothing leaked: the Reactor Netty pool has no acquired connection, Netty reports no
 * leaked buffer (PARANOID, every buffer tracked) and no thread was left behind.
 *
 * <p>Tagged {@code reliability}: runs in its own JVM (surefire execution {@code reliability}) with
 * {@code -Dio.netty.leakDetection.level=paranoid} and {@link RecordingLeakDetector}.
 */
@Tag("reliability")
class FaultMatrixTests {

	@RegisterExtension
	static final XhrTestServer<WireMockServer> wireMock = XhrTestServer.wireMock();

	@RegisterExtension
	static final XhrTestServer<RawHttpServer> raw = XhrTestServer.raw();

	@RegisterExtension
	static final XhrTestServer<TestServer> netty = XhrTestServer.netty();

	@RegisterExtension
	static final XhrTestServer<FaultyNettyServer> https = faulty(FaultyNettyServer::https);

	@RegisterExtension
	static final XhrTestServer<FaultyNettyServer> h2c = faulty(FaultyNettyServer::h2c);

	@RegisterExtension
	static final XhrTestServer<FaultyNettyServer> h2 = faulty(FaultyNettyServer::h2);

	private static final String BODY = "Test Message";

	private static final int TIMEOUT_MS = 250;

	// ---- the expected sequences (XHR §4.5.6 send(), "request error steps") ------------------------------------------

	private static final List<String> ERROR_BEFORE_HEADERS = List.of("open>rsc(1)", "send>loadstart(0,0,f)", "rsc(4)",
			"error(0,0,f)", "loadend(0,0,f)");

	private static final List<String> ERROR_AFTER_HEADERS = List.of("open>rsc(1)", "send>loadstart(0,0,f)", "rsc(2)",
			"rsc(4)", "error(0,0,f)", "loadend(0,0,f)");

	private static final List<String> ERROR_MID_BODY = List.of("open>rsc(1)", "send>loadstart(0,0,f)", "rsc(2)",
			"rsc(3)", "progress(1000,4000,t)", "rsc(4)", "error(0,0,f)", "loadend(0,0,f)");

	/** The request (12 bytes) was transmitted before the server failed it: the upload completed. */
	private static final List<String> ERROR_AFTER_UPLOAD = List.of("open>rsc(1)", "send>loadstart(0,0,f)",
			"send>u.loadstart(0,12,t)", "u.progress(12,12,t)", "u.load(12,12,t)", "u.loadend(12,12,t)", "rsc(4)",
			"error(0,0,f)", "loadend(0,0,f)");

	/** No connection: the upload did not complete, so it fails too, before the request (request error steps 5-6). */
	private static final List<String> ERROR_DURING_UPLOAD = List.of("open>rsc(1)", "send>loadstart(0,0,f)",
			"send>u.loadstart(0,12,t)", "rsc(4)", "u.error(0,0,f)", "u.loadend(0,0,f)", "error(0,0,f)",
			"loadend(0,0,f)");

	private static final List<String> TIMEOUT_BEFORE_HEADERS = List.of("open>rsc(1)", "send>loadstart(0,0,f)",
			"rsc(4)", "timeout(0,0,f)", "loadend(0,0,f)");

	private static final List<String> TIMEOUT_AFTER_HEADERS = List.of("open>rsc(1)", "send>loadstart(0,0,f)",
			"rsc(2)", "rsc(4)", "timeout(0,0,f)", "loadend(0,0,f)");

	private static final List<String> TIMEOUT_MID_BODY = List.of("open>rsc(1)", "send>loadstart(0,0,f)", "rsc(2)",
			"rsc(3)", "progress(1000,4000,t)", "rsc(4)", "timeout(0,0,f)", "loadend(0,0,f)");

	/** abort() from the test thread once the first part of the body arrived (XHR §4.5.7 abort()). */
	private static final List<String> ABORT_MID_BODY = List.of("open>rsc(1)", "send>loadstart(0,0,f)", "rsc(2)",
			"rsc(3)", "progress(1000,4000,t)", "abort>rsc(4)", "abort>abort(0,0,f)", "abort>loadend(0,0,f)");

	// ---- the clients ---------------------------------------------------------------------------------------------

	/** How the client is configured, as a user would through {@code WebClient.Builder} and Reactor Netty. */
	enum Client {

		/** HTTP/1.1; TLS with the JDK's default trust (which does not trust the test certificate). */
		HTTP11((http) -> http),

		/** HTTP/1.1 over TLS, trusting the test certificate. */
		HTTP11_TLS((http) -> http.secure((ssl) -> ssl.sslContext(Http11SslContextSpec.forClient()
			.configure((builder) -> builder.trustManager(FaultyNettyServer.certificate()))))),

		/** HTTP/2 with prior knowledge, clear text. */
		H2C((http) -> http.protocol(HttpProtocol.H2C)),

		/** HTTP/2 over TLS (ALPN), trusting the test certificate. */
		H2((http) -> http.protocol(HttpProtocol.H2).secure((ssl) -> ssl.sslContext(Http2SslContextSpec.forClient()
			.configure((builder) -> builder.trustManager(FaultyNettyServer.certificate())))));

		final UnaryOperator<HttpClient> customizer;

		Client(UnaryOperator<HttpClient> customizer) {
			this.customizer = customizer;
		}

	}

	enum Mode {

		/** Asynchronous, events on the executor (the default delivery), calls from the test's thread. */
		ASYNC,

		/** Asynchronous with {@link EventDelivery#EVENT_LOOP}, calls from a Netty event loop (a WebFlux handler). */
		ASYNC_EVENT_LOOP,

		SYNC

	}

	/** What the test does besides sending. */
	enum Action {

		NONE, TIMEOUT, ABORT_MID_BODY

	}

	/**
	 * One fault.
	 * @param name what goes wrong
	 * @param client the client configuration
	 * @param method the request method
	 * @param url where to send the request
	 * @param upload whether to send a body with upload listeners
	 * @param action timeout or abort, if any
	 * @param requestsSeen how many requests the server saw (to abort a synchronous request once it is on the wire)
	 * @param asyncEvents the exact timeline of the asynchronous request
	 * @param syncException the DOMException name of the synchronous request
	 */
	record Case(String name, Client client, String method, Supplier<String> url, boolean upload, Action action,
			@Nullable IntSupplier requestsSeen, List<String> asyncEvents, String syncException) {

		@Override
		public String toString() {
			return this.name + " [" + this.client + "]";
		}

	}

	private static MeteredClient client;

	private static final Map<Client, XhrFactory> windowFactories = new EnumMap<>(Client.class);

	/** Synchronous requests may have a timeout only outside a window (XHR §4.5.2 timeout setter). */
	private static final Map<Client, XhrFactory> workerFactories = new EnumMap<>(Client.class);

	/** {@link EventDelivery#EVENT_LOOP}: events on the loop that sent the request. */
	private static final Map<Client, XhrFactory> eventLoopFactories = new EnumMap<>(Client.class);

	/** The event loop the {@link Mode#ASYNC_EVENT_LOOP} cases send from; started before the thread baseline. */
	private static final DefaultEventLoopGroup scriptLoop = new DefaultEventLoopGroup(1);

	private static ThreadSnapshot baseline;

	private static Map<String, Integer> boundedPools;

	private static XhrTestServer<FaultyNettyServer> faulty(Supplier<FaultyNettyServer> start) {
		return XhrTestServer.of(start, (faulty) -> faulty.url(""));
	}

	@BeforeAll
	static void start() {
		client = MeteredClient.create("fault-client", 2);
		for (Client each : Client.values()) {
			windowFactories.put(each, client.factory(each.customizer, XhrSettings.defaults()));
			workerFactories.put(each, client.factory(each.customizer,
					XhrSettings.defaults().withGlobalScope(GlobalScope.DEDICATED_WORKER)));
			eventLoopFactories.put(each, client.factory(each.customizer,
					XhrSettings.defaults().withEventDelivery(EventDelivery.EVENT_LOOP)));
		}
		stubWireMockFaults();
		// Warm up every client and server once, so that lazily started pool threads are in the baseline.
		warmUp(Client.HTTP11, netty.url("/bytes?size=3"));
		warmUp(Client.HTTP11, wireMock.baseUrl() + "/ok");
		warmUp(Client.HTTP11_TLS, https.url("/ok"));
		warmUp(Client.H2C, h2c.url("/ok"));
		warmUp(Client.H2, h2.url("/ok"));
		scriptLoop.submit(() -> {
		}).syncUninterruptibly();
		baseline = ThreadSnapshot.take();
		int cores = Runtime.getRuntime().availableProcessors();
		// Pools whose size is bounded by construction may start threads lazily after the baseline.
		boundedPools = Map.of(client.threadNamePrefix(), 2, "parallel-", cores, "faulty-server-",
				12, "xhr-test-server-", 6, "qtp", 64, "raw-http-server-", 32,
				"ForkJoinPool.commonPool-worker-", Math.max(1, cores - 1));
	}

	private static void warmUp(Client kind, String url) {
		XMLHttpRequest xhr = windowFactories.get(kind).create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", url);
		rec.send();
		rec.awaitLoadend();
		assertThat(xhr.getStatus()).as("warm-up of %s at %s: %s", kind, url, rec.timeline()).isEqualTo((short) 200);
	}

	/** The extension resets WireMock's stubs before each test. */
	@BeforeEach
	void stubWireMock() {
		stubWireMockFaults();
	}

	private static void stubWireMockFaults() {
		wireMock.server().stubFor(any(urlPathEqualTo("/ok")).willReturn(aResponse().withBody("ok")));
		for (Fault fault : List.of(Fault.CONNECTION_RESET_BY_PEER, Fault.EMPTY_RESPONSE,
				Fault.MALFORMED_RESPONSE_CHUNK, Fault.RANDOM_DATA_THEN_CLOSE)) {
			wireMock.server().stubFor(any(urlPathEqualTo("/" + fault.name())).willReturn(aResponse().withFault(fault)));
		}
		wireMock.server()
			.stubFor(any(urlPathEqualTo("/delay")).willReturn(aResponse().withFixedDelay(3_000).withBody("late")));
	}

	@AfterAll
	static void stop() {
		RecordingLeakDetector.assertNoLeaks();
		scriptLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
		client.close();
		String prefix = client.threadNamePrefix();
		await().alias("the client's event loop threads end when its resources are disposed")
			.atMost(Duration.ofSeconds(10))
			.until(() -> Thread.getAllStackTraces().keySet().stream()
				.noneMatch((thread) -> thread.isAlive() && thread.getName().startsWith(prefix)));
	}

	@AfterEach
	void nothingLeaked() {
		client.awaitNoConnectionInUse();
		RecordingLeakDetector.assertNoLeaks(1);
		// The event executor adds threads beside listeners that block, and they end only when idle: what is checked
		// is that none is still busy with this request's events.
		baseline.awaitNoNewThreads(boundedPools, Set.of("xhr-event-"));
	}

	// ---- the matrix ----------------------------------------------------------------------------------------------

	static Stream<Case> faults() {
		List<Case> cases = new ArrayList<>();
		// Connection and name resolution
		cases.add(networkError("connection refused", Client.HTTP11, () -> TestServer.closedPortUrl("/x"),
				ERROR_BEFORE_HEADERS));
		cases.add(upload("connection refused, upload listeners", Client.HTTP11, () -> TestServer.closedPortUrl("/x"),
				ERROR_DURING_UPLOAD));
		// RFC 2606 reserves .invalid: the resolver fails it without a network (and quickly, measured below).
		cases.add(networkError("DNS failure (.invalid)", Client.HTTP11, () -> "http://no-such-host.invalid/x",
				ERROR_BEFORE_HEADERS));
		// WireMock's faults
		cases.add(networkError("reset by peer", Client.HTTP11, () -> wireMock.baseUrl() + "/CONNECTION_RESET_BY_PEER",
				ERROR_BEFORE_HEADERS));
		cases.add(upload("reset by peer, upload listeners", Client.HTTP11,
				() -> wireMock.baseUrl() + "/CONNECTION_RESET_BY_PEER", ERROR_AFTER_UPLOAD));
		cases.add(networkError("empty response", Client.HTTP11, () -> wireMock.baseUrl() + "/EMPTY_RESPONSE",
				ERROR_BEFORE_HEADERS));
		cases.add(upload("empty response, upload listeners", Client.HTTP11,
				() -> wireMock.baseUrl() + "/EMPTY_RESPONSE", ERROR_AFTER_UPLOAD));
		// The status line and headers are good, the first chunk is not: headers received, then the error.
		cases.add(networkError("malformed response chunk", Client.HTTP11,
				() -> wireMock.baseUrl() + "/MALFORMED_RESPONSE_CHUNK", ERROR_AFTER_HEADERS));
		cases.add(networkError("random data then close", Client.HTTP11,
				() -> wireMock.baseUrl() + "/RANDOM_DATA_THEN_CLOSE", ERROR_BEFORE_HEADERS));
		// Stalls
		cases.add(timeout("no response (WireMock fixed delay)", Client.HTTP11, () -> wireMock.baseUrl() + "/delay",
				TIMEOUT_BEFORE_HEADERS));
		cases.add(timeout("headers then stall", Client.HTTP11, () -> netty.url("/stall?size=4000&first=0"),
				TIMEOUT_AFTER_HEADERS));
		cases.add(timeout("body stall mid-way, timeout", Client.HTTP11,
				() -> netty.url("/stall?size=4000&first=1000"), TIMEOUT_MID_BODY));
		cases.add(abort("body stall mid-way, abort", Client.HTTP11, () -> netty.url("/stall?size=4000&first=1000"),
				() -> netty.server().requests().size()));
		cases.add(networkError("connection closed mid-body", Client.HTTP11,
				() -> netty.url("/close-mid?size=4000&first=1000&delay=50"), ERROR_MID_BODY));
		// TLS
		cases.add(networkError("TLS: certificate not trusted", Client.HTTP11, () -> https.url("/ok"),
				ERROR_BEFORE_HEADERS));
		cases.add(networkError("TLS: plain bytes on the TLS port", Client.HTTP11_TLS,
				() -> "https://127.0.0.1:" + wireMock.port() + "/x", ERROR_BEFORE_HEADERS));
		cases.add(networkError("TLS: reset before headers", Client.HTTP11_TLS, () -> https.url("/reset"),
				ERROR_BEFORE_HEADERS));
		cases.add(networkError("TLS: reset mid-body", Client.HTTP11_TLS, () -> https.url("/reset-mid"),
				ERROR_MID_BODY));
		cases.add(timeout("TLS: body stall mid-way, timeout", Client.HTTP11_TLS, () -> https.url("/stall-body"),
				TIMEOUT_MID_BODY));
		// HTTP/2, clear text and over TLS
		for (Client http2 : List.of(Client.H2C, Client.H2)) {
			XhrTestServer<FaultyNettyServer> target = (http2 == Client.H2C) ? h2c : h2;
			cases.add(networkError("HTTP/2: RST_STREAM before headers", http2, () -> target.url("/reset"),
					ERROR_BEFORE_HEADERS));
			cases.add(upload("HTTP/2: RST_STREAM before headers, upload listeners", http2,
					() -> target.url("/reset"), ERROR_AFTER_UPLOAD));
			cases.add(networkError("HTTP/2: RST_STREAM mid-body", http2, () -> target.url("/reset-mid"),
					ERROR_MID_BODY));
			cases.add(networkError("HTTP/2: GOAWAY", http2, () -> target.url("/goaway"), ERROR_BEFORE_HEADERS));
			cases.add(timeout("HTTP/2: no headers, timeout", http2, () -> target.url("/stall-headers"),
					TIMEOUT_BEFORE_HEADERS));
			cases.add(timeout("HTTP/2: body stall mid-way, timeout", http2, () -> target.url("/stall-body"),
					TIMEOUT_MID_BODY));
			cases.add(abort("HTTP/2: body stall mid-way, abort", http2, () -> target.url("/stall-body"),
					() -> target.server().requestCount()));
		}
		return cases.stream();
	}

	static Stream<Arguments> matrix() {
		return faults().flatMap((c) -> Stream.of(Arguments.of(c, Mode.ASYNC), Arguments.of(c, Mode.ASYNC_EVENT_LOOP),
				Arguments.of(c, Mode.SYNC)));
	}

	private static Case networkError(String name, Client client, Supplier<String> url, List<String> events) {
		return new Case(name, client, "GET", url, false, Action.NONE, null, events, DOMException.NETWORK_ERROR);
	}

	private static Case upload(String name, Client client, Supplier<String> url, List<String> events) {
		return new Case(name, client, "POST", url, true, Action.NONE, null, events, DOMException.NETWORK_ERROR);
	}

	private static Case timeout(String name, Client client, Supplier<String> url, List<String> events) {
		return new Case(name, client, "GET", url, false, Action.TIMEOUT, null, events, DOMException.TIMEOUT_ERROR);
	}

	private static Case abort(String name, Client client, Supplier<String> url, IntSupplier requestsSeen) {
		return new Case(name, client, "GET", url, false, Action.ABORT_MID_BODY, requestsSeen, ABORT_MID_BODY,
				DOMException.ABORT_ERROR);
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("matrix")
	void fault(Case fault, Mode mode) throws Exception {
		if (mode != Mode.SYNC) {
			asynchronous(fault, mode == Mode.ASYNC_EVENT_LOOP);
		}
		else {
			synchronous(fault);
		}
	}

	private void asynchronous(Case fault, boolean fromEventLoop) {
		XMLHttpRequest xhr = (fromEventLoop ? eventLoopFactories : windowFactories).get(fault.client()).create();
		EventRecorder rec = fault.upload() ? EventRecorder.attachWithUpload(xhr) : EventRecorder.attach(xhr);
		if (fromEventLoop) {
			rec.runCallsOn(scriptLoop.next());
		}
		rec.open(fault.method(), fault.url().get());
		if (fault.action() == Action.TIMEOUT) {
			xhr.setTimeout(TIMEOUT_MS);
		}
		rec.send(fault.upload() ? BODY : null);
		if (fault.action() == Action.ABORT_MID_BODY) {
			rec.awaitCount("progress", 1);
			rec.abort();
		}
		rec.awaitLoadend();
		rec.assertNoMoreEventsFor(Duration.ofMillis(100));

		assertThat(rec.timeline()).as("events").isEqualTo(fault.asyncEvents());
		assertThat(rec.count("loadend")).isOne();
		assertThat(xhr.getStatus()).isZero();
		assertThat(xhr.getStatusText()).isEmpty();
		assertThat(xhr.getResponseText()).isEmpty();
		assertThat(xhr.getAllResponseHeaders()).isEmpty();
		assertThat(xhr.getReadyState())
			.isEqualTo((fault.action() == Action.ABORT_MID_BODY) ? XMLHttpRequest.UNSENT : XMLHttpRequest.DONE);
	}

	private void synchronous(Case fault) throws Exception {
		XhrFactory factory = (fault.action() == Action.TIMEOUT) ? workerFactories.get(fault.client())
				: windowFactories.get(fault.client());
		XMLHttpRequest xhr = factory.create();
		EventRecorder rec = fault.upload() ? EventRecorder.attachWithUpload(xhr) : EventRecorder.attach(xhr);
		rec.open(fault.method(), fault.url().get(), false);
		if (fault.action() == Action.TIMEOUT) {
			xhr.setTimeout(TIMEOUT_MS);
		}
		CompletableFuture<Void> aborter = CompletableFuture.completedFuture(null);
		if (fault.action() == Action.ABORT_MID_BODY) {
			IntSupplier seen = fault.requestsSeen();
			int before = seen.getAsInt();
			aborter = CompletableFuture.runAsync(() -> {
				await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
					.until(() -> seen.getAsInt() > before);
				xhr.abort();
			});
		}

		Throwable thrown = catchThrowable(() -> rec.send(fault.upload() ? BODY : null));

		aborter.get(5, TimeUnit.SECONDS);
		assertThat(thrown).as("thrown by the synchronous send()").isInstanceOfSatisfying(DOMException.class,
				(ex) -> assertThat(ex.getName()).isEqualTo(fault.syncException()));
		// XHR §4.5.6 "request error steps" step 4: a synchronous request throws, it fires no event.
		rec.assertNoMoreEventsFor(Duration.ofMillis(100));
		assertThat(rec.timeline()).containsExactly("open>rsc(1)");
		assertThat(xhr.getStatus()).isZero();
		assertThat(xhr.getResponseText()).isEmpty();
		assertThat(xhr.getReadyState())
			.isEqualTo((fault.action() == Action.ABORT_MID_BODY) ? XMLHttpRequest.UNSENT : XMLHttpRequest.DONE);
	}

	// ---- beside the matrix ---------------------------------------------------------------------------------------

	@Test
	void aHeadResponseWithABodyDoesNotCorruptTheNextRequestOnTheConnection() {
		// A broken server sends a body to HEAD; a kept-alive connection would hand those bytes to the next response
		// ("invalid version format: HELLOHTTP/1.1"). Browsers do not reuse such a connection.
		raw.server().route("/head-with-body", RawHttpServer.response("HTTP/1.1 200 OK", "hello", "Content-Length: 5"));
		raw.server().route("/after-head", RawHttpServer.response("HTTP/1.1 200 OK", "fine", "Content-Length: 4"));
		XhrFactory factory = windowFactories.get(Client.HTTP11);
		for (int round = 0; round < 3; round++) {
			XMLHttpRequest head = factory.create();
			EventRecorder headEvents = EventRecorder.attach(head);
			headEvents.open("HEAD", raw.baseUrl() + "/head-with-body");
			headEvents.send();
			headEvents.awaitLoadend();
			assertThat(headEvents.timeline()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)", "rsc(2)",
					"rsc(4)", "load(0,5,t)", "loadend(0,5,t)");

			XMLHttpRequest next = factory.create();
			next.open("GET", raw.baseUrl() + "/after-head", false);
			next.send();
			assertThat(next.getStatus()).isEqualTo((short) 200);
			assertThat(next.getResponseText()).isEqualTo("fine");
		}
	}

	@Test
	void aDnsFailureOfAnInvalidNameFailsFastWithoutANetwork() {
		XMLHttpRequest xhr = windowFactories.get(Client.HTTP11).create();
		EventRecorder rec = EventRecorder.attach(xhr);
		long started = System.nanoTime();
		rec.open("GET", "http://fails-fast.invalid/x");
		rec.send();
		rec.awaitLoadend();

		assertThat(rec.timeline()).isEqualTo(ERROR_BEFORE_HEADERS);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
	}

}
