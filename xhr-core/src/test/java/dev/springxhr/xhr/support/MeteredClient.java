package dev.springxhr.xhr.support;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.XhrSettings;

import static org.awaitility.Awaitility.await;

/**
 * A Reactor Netty client of its own, as a user would configure one ({@code WebClient.Builder} with a
 * {@link ReactorClientHttpConnector}): its own event loops (threads named {@code <name>-epoll-N} or {@code <name>-nio-N}) and its own
 * connection pool, whose Reactor Netty pool metrics ({@link ConnectionPoolMetrics}) are readable, so that a test can
 * prove every connection was given back ({@link #awaitNoConnectionInUse()}).
 */
public final class MeteredClient implements AutoCloseable {

	private static final AtomicInteger INSTANCES = new AtomicInteger();

	private final String name;

	private final LoopResources loops;

	private final ConnectionProvider provider;

	/**
	 * The pools of this provider by pool id, remote address and kind. An HTTP/2 endpoint has two under one id: the
	 * TCP connection pool, whose connections the HTTP/2 pool holds for as long as they live (always "acquired"),
	 * and the HTTP/2 pool of {@code reactor.netty.http.client}, whose acquisitions are streams.
	 */
	private final Map<String, ConnectionPoolMetrics> pools = new ConcurrentHashMap<>();

	/** The ids of the pools that serve HTTP/2. */
	private final Set<String> http2PoolIds = ConcurrentHashMap.newKeySet();

	private MeteredClient(String name, int eventLoopThreads) {
		this.name = name;
		this.loops = LoopResources.create(name, 1, eventLoopThreads, true);
		this.provider = ConnectionProvider.builder(name)
			.maxConnections(500)
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(Duration.ofSeconds(30))
			.metrics(true, () -> new ConnectionProvider.MeterRegistrar() {

				@Override
				public void registerMetrics(String poolName, String id, SocketAddress remoteAddress,
						ConnectionPoolMetrics metrics) {
					boolean http2 = metrics.getClass().getPackageName().equals("reactor.netty.http.client");
					if (http2) {
						MeteredClient.this.http2PoolIds.add(id);
					}
					MeteredClient.this.pools.put(key(id, remoteAddress, http2), metrics);
				}

				@Override
				public void deRegisterMetrics(String poolName, String id, SocketAddress remoteAddress) {
					// Kept: a disposed pool stays readable (and has nothing acquired).
				}

			})
			.build();
	}

	/**
	 * @param prefix the start of the thread names, e.g. {@code fault-client}
	 * @param eventLoopThreads the number of event loop threads
	 * @return a new client
	 */
	public static MeteredClient create(String prefix, int eventLoopThreads) {
		return new MeteredClient(prefix + "-" + INSTANCES.incrementAndGet(), eventLoopThreads);
	}

	/** @return the prefix of the names of this client's event loop threads ({@code -epoll-N} or {@code -nio-N}) */
	public String threadNamePrefix() {
		return this.name + "-";
	}

	private static String key(String id, SocketAddress remoteAddress, boolean http2) {
		return (http2 ? "h2 " : "tcp ") + id + " " + remoteAddress;
	}

	/** @return the pools that hand out connections (HTTP/1.1) or streams (HTTP/2) to requests */
	private Stream<ConnectionPoolMetrics> requestPools() {
		return this.pools.entrySet().stream().filter((entry) -> {
			String[] parts = entry.getKey().split(" ", 3);
			return parts[0].equals("h2") || !this.http2PoolIds.contains(parts[1]);
		}).map(Map.Entry::getValue);
	}

	/** @return a Reactor Netty client on this pool and these event loops */
	public HttpClient httpClient() {
		return HttpClient.create(this.provider).runOn(this.loops);
	}

	/**
	 * @param customizer what to change on the HTTP client (protocols, TLS, …)
	 * @param settings the XHR settings
	 * @return a factory on a WebClient whose connector is this client, customized
	 */
	public XhrFactory factory(UnaryOperator<HttpClient> customizer, XhrSettings settings) {
		return XhrFactory.of(webClientBuilder(customizer), settings);
	}

	/**
	 * @param customizer what to change on the HTTP client
	 * @return a WebClient builder whose connector is this client, customized
	 */
	public WebClient.Builder webClientBuilder(UnaryOperator<HttpClient> customizer) {
		return WebClient.builder().clientConnector(new ReactorClientHttpConnector(customizer.apply(httpClient())));
	}

	/** @return the connections (HTTP/2: streams) acquired by requests and not released, over all pools */
	public int acquired() {
		return requestPools().mapToInt(ConnectionPoolMetrics::acquiredSize).sum();
	}

	/** @return the acquisitions waiting for a connection, over all pools */
	public int pendingAcquires() {
		return requestPools().mapToInt(ConnectionPoolMetrics::pendingAcquireSize).sum();
	}

	/** @return the connections open (in use or idle), over all pools */
	public int allocated() {
		return requestPools().mapToInt(ConnectionPoolMetrics::allocatedSize).sum();
	}

	/** @return how many pools the provider made so far */
	public int poolCount() {
		return this.pools.size();
	}

	/** Wait (up to 5 s) until no connection is acquired and no acquisition pending: nothing was leaked. */
	public void awaitNoConnectionInUse() {
		await().alias("connection pool metrics of " + this.name + ": " + this)
			.atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> acquired() == 0 && pendingAcquires() == 0);
	}

	@Override
	public void close() {
		this.provider.disposeLater().block(Duration.ofSeconds(10));
		this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("acquired=" + acquired() + " pending=" + pendingAcquires() + " allocated="
				+ allocated() + " pools=" + poolCount());
		this.pools.forEach((id, metrics) -> text.append("\n  ").append(id).append(": acquired=")
			.append(metrics.acquiredSize()).append(" allocated=").append(metrics.allocatedSize()).append(" idle=")
			.append(metrics.idleSize()).append(" pending=").append(metrics.pendingAcquireSize()));
		return text.toString();
	}

}
