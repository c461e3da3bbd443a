package dev.springxhr.xhr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.Resource;
import org.springframework.http.codec.HttpMessageReader;
import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.internal.cookie.CookieJar;
import dev.springxhr.xhr.internal.fetch.Fetcher;
import dev.springxhr.xhr.internal.task.EventExecutors;
import dev.springxhr.xhr.internal.json.JsonBodyMapper;
import dev.springxhr.xhr.internal.cors.PreflightCache;
import dev.springxhr.xhr.internal.cookie.PublicSuffixList;
import dev.springxhr.xhr.internal.transport.WebClientTransport;

/**
 * The {@link XhrFactory} on Spring's {@link WebClient}: requests run on its connector (Reactor Netty by default)
 * with no thread per request.
 */
public final class WebClientXhrFactory implements XhrFactory {

	private final XhrEngine engine;

	/**
	 * Create a factory whose events are delivered on the shared default executor (a cached pool of daemon threads
	 * named {@code xhr-event-N}).
	 * @param webClientBuilder the builder of the WebClient to use
	 * @param settings the settings
	 */
	public WebClientXhrFactory(WebClient.Builder webClientBuilder, XhrSettings settings) {
		this(webClientBuilder, settings, EventExecutors.shared());
	}

	/**
	 * Create a factory with an executor of its own for event delivery. Events of one request are still delivered
	 * one at a time; the executor should be able to run tasks of different requests at the same time, or a
	 * listener that blocks delays other requests.
	 * @param webClientBuilder the builder of the WebClient to use
	 * @param settings the settings
	 * @param eventExecutor the executor that runs event tasks
	 */
	public WebClientXhrFactory(WebClient.Builder webClientBuilder, XhrSettings settings, Executor eventExecutor) {
		this(webClientBuilder, settings, eventExecutor, XhrEventObserver.NONE);
	}

	/**
	 * Create a factory whose requests report every event to an observer.
	 * @param webClientBuilder the builder of the WebClient to use
	 * @param settings the settings
	 * @param eventExecutor the executor that runs event tasks (see the three-argument constructor)
	 * @param observer the observer of every event of every request
	 */
	public WebClientXhrFactory(WebClient.Builder webClientBuilder, XhrSettings settings, Executor eventExecutor,
			XhrEventObserver observer) {
		Objects.requireNonNull(webClientBuilder, "'webClientBuilder' must not be null");
		Objects.requireNonNull(settings, "'settings' must not be null");
		Objects.requireNonNull(eventExecutor, "'eventExecutor' must not be null");
		Objects.requireNonNull(observer, "'observer' must not be null");
		long maxResponseSize = (settings.maxResponseSize() != null) ? settings.maxResponseSize().toBytes()
				: Long.MAX_VALUE;
		// The codecs the builder ends up with (Boot's customizers included) decode typed JSON responses; the
		// caller's builder is cloned, so it is left as it was.
		AtomicReference<List<HttpMessageReader<?>>> readers = new AtomicReference<>();
		WebClient webClient = webClientBuilder.clone()
			.codecs((configurer) -> readers.set(configurer.getReaders()))
			.build();
		WebClientTransport transport = new WebClientTransport(webClient, maxResponseSize, settings.connectTimeout(),
				settings.responseTimeout(), settings.networkAccessPolicy().rules());
		// As a browser profile: one cookie store and one CORS-preflight cache per factory.
		PublicSuffixList suffixes = publicSuffixList(settings.publicSuffixList());
		Fetcher fetcher = new Fetcher(transport, new CookieJar(Clock.systemUTC(), suffixes),
				new PreflightCache(Clock.systemUTC()), suffixes, settings.networkAccessPolicy().rules(),
				settings.cookiesEnabled(), settings.userAgent(), settings.maxRedirects());
		this.engine = new XhrEngine(settings, fetcher, eventExecutor, Schedulers.parallel(), observer,
				JsonBodyMapper.of(readers.get()));
	}

	/**
	 * Return the settings of this factory.
	 * @return the settings
	 */
	public XhrSettings getSettings() {
		return this.engine.settings();
	}

	/**
	 * Return the shared default executor of event tasks, for callers that pass an observer but keep the default.
	 * @return the default event executor
	 */
	public static Executor defaultEventExecutor() {
		return EventExecutors.shared();
	}

	@Override
	public XMLHttpRequest create() {
		return new XMLHttpRequest(this.engine, XhrOptions.defaults());
	}

	@Override
	public XMLHttpRequest create(XhrOptions options) {
		Objects.requireNonNull(options, "'options' must not be null");
		return new XMLHttpRequest(this.engine, options);
	}

	private static PublicSuffixList publicSuffixList(@Nullable Resource resource) {
		if (resource == null) {
			return PublicSuffixList.instance();
		}
		try (InputStream in = resource.getInputStream()) {
			return PublicSuffixList.read(in, resource.getDescription());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the Public Suffix List " + resource.getDescription(), ex);
		}
	}

}
