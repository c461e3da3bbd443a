package dev.springxhr.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import io.netty.util.concurrent.EventExecutor;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.EventDelivery;
import dev.springxhr.xhr.GlobalScope;
import dev.springxhr.xhr.BrowserHttpClient;
import dev.springxhr.xhr.WebClientXhrFactory;
import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrEventObserver;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.XhrSettings;

/**
 * The clients under test, built the way a user builds them: one Reactor Netty {@code HttpClient} (one connection
 * pool, one set of event loops named {@code reactor-http-*}) behind one {@code WebClient.Builder}; the raw WebClient
 * and every XHR factory are built from that builder, so they share the pool and the loops.
 */
public final class BenchClients implements AutoCloseable {

	private final ConnectionProvider provider;

	private final LoopResources loops;

	private final WebClient.Builder builder;

	private final WebClient webClient;

	private final HttpClient jdkClient;

	private final java.util.concurrent.atomic.LongAdder eventTasks = new java.util.concurrent.atomic.LongAdder();

	/** The default event executor, counting the tasks handed to it (each one a hand-off to an event thread). */
	private final Executor countingEventExecutor;

	/**
	 * Create the clients.
	 * @param maxConnections the pool's connection limit (pending acquires are not limited)
	 */
	public BenchClients(int maxConnections) {
		this.provider = ConnectionProvider.builder("bench")
			.maxConnections(maxConnections)
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(Duration.ofMinutes(2))
			.build();
		this.loops = LoopResources.create("reactor-http", LoopResources.DEFAULT_IO_WORKER_COUNT, true);
		reactor.netty.http.client.HttpClient httpClient = reactor.netty.http.client.HttpClient.create(this.provider)
			.runOn(this.loops);
		this.builder = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(httpClient))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(-1));
		this.webClient = this.builder.clone().build();
		this.jdkClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		Executor events = WebClientXhrFactory.defaultEventExecutor();

		this.countingEventExecutor = (task) -> {
			this.eventTasks.increment();
			events.execute(task);
		};
	}

	/** How many tasks the XHR factories of these clients handed to their event executor so far. */
	public long eventTasks() {
		return this.eventTasks.sum();
	}

	public WebClient.Builder builder() {
		return this.builder;
	}

	/** Raw WebClient: the body as a {@code byte[]}, as XHR's arraybuffer holds it. */
	public CompletableFuture<byte[]> webClientGet(String url) {
		return this.webClient.get().uri(url).retrieve().bodyToMono(byte[].class).toFuture();
	}

	public byte[] jdkGet(String url) throws Exception {
		return this.jdkClient.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofByteArray()).body();
	}

	/** An XHR factory with default settings (window scope), events on the default executor. */
	public XhrFactory xhrFactory(XhrEventObserver observer) {
		return new WebClientXhrFactory(this.builder, XhrSettings.defaults(), this.countingEventExecutor, observer);
	}

	/**
	 * An XHR factory whose events run where the transport signals them, on the Netty event loop (no hand-off): for
	 * measuring what the hand-off costs, not a recommended setting (a listener that blocks would stall the loop).
	 */
	public XhrFactory directXhrFactory() {
		return new WebClientXhrFactory(this.builder, XhrSettings.defaults(), Runnable::run, XhrEventObserver.NONE);
	}

	/**
	 * An XHR factory with {@code EventDelivery.EVENT_LOOP}: a request sent from one of the clients' event loops has
	 * its events there (see {@link #onEventLoop(Runnable)}).
	 */
	public XhrFactory eventLoopXhrFactory() {
		return new WebClientXhrFactory(this.builder, XhrSettings.defaults().withEventDelivery(EventDelivery.EVENT_LOOP),
				this.countingEventExecutor, XhrEventObserver.NONE);
	}

	/**
	 * An XHR factory on the connector users get from {@code XhrFactory.builder()} and the starter: the same pool and
	 * loops, with {@code BrowserHttpClient}'s response-head handlers (the leniency of browsers).
	 */
	public XhrFactory browserXhrFactory() {
		reactor.netty.http.client.HttpClient browser = BrowserHttpClient
			.configure(reactor.netty.http.client.HttpClient.create(this.provider).runOn(this.loops));
		WebClient.Builder builder = this.builder.clone().clientConnector(new ReactorClientHttpConnector(browser));
		return new WebClientXhrFactory(builder, XhrSettings.defaults(), this.countingEventExecutor,
				XhrEventObserver.NONE);
	}

	/** Run a task on one of the clients' event loops, as a WebFlux handler runs on the server's. */
	public void onEventLoop(Runnable task) {
		EventExecutor current = io.netty.util.internal.ThreadExecutorMap.currentExecutor();
		if (current != null && current.inEventLoop()) {
			task.run();
		}
		else {
			this.loops.onClient(true).next().execute(task);
		}
	}

	/** An XHR factory of a worker scope: synchronous requests may set a response type there. */
	public XhrFactory workerXhrFactory() {
		return new WebClientXhrFactory(this.builder, XhrSettings.defaults().withGlobalScope(GlobalScope.DEDICATED_WORKER));
	}

	/**
	 * An asynchronous XHR GET with responseType arraybuffer; the future completes at loadend with the body length
	 * (-1 for a failed request).
	 */
	public static CompletableFuture<Integer> xhrGet(XhrFactory factory, String url) {
		CompletableFuture<Integer> done = new CompletableFuture<>();
		xhrGet(factory, url, done::complete);
		return done;
	}

	/** As {@link #xhrGet(XhrFactory, String)}, calling {@code onLoadend} on the event thread. */
	public static void xhrGet(XhrFactory factory, String url, Consumer<Integer> onLoadend) {
		XMLHttpRequest xhr = factory.create();
		xhr.open("GET", url);
		xhr.setResponseType("arraybuffer");
		xhr.addEventListener("loadend", (event) -> onLoadend.accept(length(xhr)));
		xhr.send();
	}

	/** A synchronous XHR GET with responseType arraybuffer, on the calling (worker) thread. */
	public static int xhrGetSync(XhrFactory factory, String url) {
		XMLHttpRequest xhr = factory.create();
		xhr.open("GET", url, false);
		xhr.setResponseType("arraybuffer");
		xhr.send();
		return length(xhr);
	}

	static int length(XMLHttpRequest xhr) {
		if (xhr.getStatus() != 200) {
			return -1;
		}
		Object response = xhr.getResponse();
		return (response instanceof ByteBuffer buffer) ? buffer.remaining() : -1;
	}

	@Override
	public void close() {
		this.provider.disposeLater().block(Duration.ofSeconds(10));
		this.loops.disposeLater().block(Duration.ofSeconds(10));
	}

}
