package dev.springxhr.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import dev.springxhr.xhr.XhrEventObserver;
import dev.springxhr.xhr.XhrFactory;

/**
 * One GET at a time, from the benchmark thread, through each client, against a Reactor Netty server in the same
 * JVM: the time of one request and (with {@code -prof gc}) its allocation. The server's own allocation is in every
 * figure alike.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RequestBenchmark {

	@Param({ "webclient", "xhr-async", "xhr-async-browser", "xhr-async-new-profile", "xhr-sync", "jdk-httpclient" })
	public String client;

	@Param({ "1024", "1048576" })
	public int bodySize;

	private BenchServer server;

	private BenchClients clients;

	private XhrFactory asyncFactory;

	private XhrFactory syncFactory;

	private XhrFactory browserFactory;

	private String url;

	@Setup(Level.Trial)
	public void start() {
		this.server = BenchServer.start(1);
		this.clients = new BenchClients(64);
		this.asyncFactory = this.clients.xhrFactory(XhrEventObserver.NONE);
		this.syncFactory = this.clients.workerXhrFactory();
		this.browserFactory = this.clients.browserXhrFactory();
		this.url = this.server.baseUrl() + "/bytes/" + this.bodySize;
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.clients.close();
		this.server.close();
	}

	@Benchmark
	public int request() throws Exception {
		int length = switch (this.client) {
			case "webclient" -> this.clients.webClientGet(this.url).get(10, TimeUnit.SECONDS).length;
			case "xhr-async" -> BenchClients.xhrGet(this.asyncFactory, this.url).get(10, TimeUnit.SECONDS);
			// The connector of XhrFactory.builder() and the starter: BrowserHttpClient's response-head handlers.
			case "xhr-async-browser" -> BenchClients.xhrGet(this.browserFactory, this.url).get(10, TimeUnit.SECONDS);
			// What the request scope does outside an inbound request: a new, empty profile for each request.
			case "xhr-async-new-profile" -> BenchClients.xhrGet(this.asyncFactory.newProfile(), this.url)
				.get(10, TimeUnit.SECONDS);
			case "xhr-sync" -> BenchClients.xhrGetSync(this.syncFactory, this.url);
			case "jdk-httpclient" -> this.clients.jdkGet(this.url).length;
			default -> throw new IllegalStateException("Unknown client " + this.client);
		};
		if (length != this.bodySize) {
			throw new IllegalStateException(this.client + " received " + length + " bytes, not " + this.bodySize);
		}
		return length;
	}

}
