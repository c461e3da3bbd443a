package dev.springxhr.benchmarks;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

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

import org.springframework.context.ApplicationListener;
import org.springframework.context.support.GenericApplicationContext;

import dev.springxhr.autoconfigure.ApplicationEventXhrEventRelay;
import dev.springxhr.autoconfigure.XhrApplicationEvent;
import dev.springxhr.xhr.XhrEventObserver;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.event.XhrEventType;

/**
 * The Spring application-event relay's cost on an async XHR of 1 KiB: no relay, the relay in a context with no
 * {@code XhrApplicationEvent} listener (what the auto-configuration does by default), and the relay with one
 * listener. The relay is built as {@code XhrAutoConfiguration} builds it, over a minimal application context.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EventRelayBenchmark {

	static final Set<String> ALL_TYPES = Arrays.stream(XhrEventType.values())
		.map(XhrEventType::type)
		.collect(Collectors.toUnmodifiableSet());

	@Param({ "no-relay", "relay-no-listener", "relay-listener" })
	public String events;

	private BenchServer server;

	private BenchClients clients;

	private GenericApplicationContext context;

	private final LongAdder received = new LongAdder();

	private XhrFactory factory;

	private String url;

	@Setup(Level.Trial)
	public void start() {
		this.server = BenchServer.start(1);
		this.clients = new BenchClients(64);
		this.context = new GenericApplicationContext();
		if (this.events.equals("relay-listener")) {
			this.context.addApplicationListener(new CountingListener(this.received));
		}
		this.context.refresh();
		XhrEventObserver observer = this.events.equals("no-relay") ? XhrEventObserver.NONE
				: new ApplicationEventXhrEventRelay(this.context, ALL_TYPES, false, Set.of());
		this.factory = this.clients.xhrFactory(observer);
		this.url = this.server.baseUrl() + "/bytes/1024";
	}

	@TearDown(Level.Trial)
	public void stop() {
		if (this.events.equals("relay-listener") && this.received.sum() == 0) {
			throw new IllegalStateException("The listener received no event");
		}
		this.context.close();
		this.clients.close();
		this.server.close();
	}

	@Benchmark
	public int request() throws Exception {
		int length = BenchClients.xhrGet(this.factory, this.url).get(10, TimeUnit.SECONDS);
		if (length != 1024) {
			throw new IllegalStateException("received " + length + " bytes, not 1024");
		}
		return length;
	}

	/** A listener that counts what it receives. */
	static final class CountingListener implements ApplicationListener<XhrApplicationEvent> {

		private final LongAdder received;

		CountingListener(LongAdder received) {
			this.received = received;
		}

		@Override
		public void onApplicationEvent(XhrApplicationEvent event) {
			this.received.increment();
		}

	}

}
