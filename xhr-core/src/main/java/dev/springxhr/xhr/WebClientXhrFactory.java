package dev.springxhr.xhr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.micrometer.observation.ObservationRegistry;

import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.Resource;
import org.springframework.http.codec.HttpMessageReader;
import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.internal.cookie.CookieJar;
import dev.springxhr.xhr.internal.fetch.Fetcher;
import dev.springxhr.xhr.internal.task.CallerContexts;
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

	/** Stands for "an in-memory store per profile, with the factory's Public Suffix List". */
	private static final Function<String, CookieStore> IN_MEMORY = (key) -> new InMemoryCookieStore();

	private final XhrProfiles profiles;

	/** The profile this factory's requests carry. */
	private final XhrProfile profile;

	private final XhrEngine engine;

	/**
	 * Create a factory whose events are delivered on the shared default executor (daemon threads named
	 * {@code xhr-event-N}, as many as cores, taking the events from one queue).
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
		this(webClientBuilder, settings, eventExecutor, observer, IN_MEMORY);
	}

	/**
	 * Create a factory whose profiles keep their cookies in stores of the caller's, e.g. one shared by several
	 * replicas of a service.
	 * @param webClientBuilder the builder of the WebClient to use
	 * @param settings the settings
	 * @param eventExecutor the executor that runs event tasks (see the three-argument constructor)
	 * @param observer the observer of every event of every request
	 * @param cookieStores the cookie store of each profile, by key ({@link XhrProfile#DEFAULT_KEY} for the
	 * factory's own), asked once per profile
	 */
	public WebClientXhrFactory(WebClient.Builder webClientBuilder, XhrSettings settings, Executor eventExecutor,
			XhrEventObserver observer, Function<String, ? extends CookieStore> cookieStores) {
		this(webClientBuilder, settings, eventExecutor, observer, cookieStores, ObservationRegistry.NOOP);
	}

	/**
	 * Create a factory whose sends are observed: each {@code send()} is an Observation named {@code xhr.request}
	 * (keys {@code method}, {@code outcome}, {@code status}; never the URL), a child of the caller's current
	 * observation and the parent of WebClient's per-hop {@code http.client.requests} observations. Give the
	 * builder the same registry ({@code WebClient.Builder#observationRegistry}) for those children to exist.
	 * @param webClientBuilder the builder of the WebClient to use
	 * @param settings the settings
	 * @param eventExecutor the executor that runs event tasks (see the three-argument constructor)
	 * @param observer the observer of every event of every request
	 * @param cookieStores the cookie store of each profile, by key (see the five-argument constructor)
	 * @param observationRegistry the registry of the sends' observations
	 */
	public WebClientXhrFactory(WebClient.Builder webClientBuilder, XhrSettings settings, Executor eventExecutor,
			XhrEventObserver observer, Function<String, ? extends CookieStore> cookieStores,
			ObservationRegistry observationRegistry) {
		Objects.requireNonNull(observationRegistry, "'observationRegistry' must not be null");
		Objects.requireNonNull(webClientBuilder, "'webClientBuilder' must not be null");
		Objects.requireNonNull(settings, "'settings' must not be null");
		Objects.requireNonNull(eventExecutor, "'eventExecutor' must not be null");
		Objects.requireNonNull(observer, "'observer' must not be null");
		Objects.requireNonNull(cookieStores, "'cookieStores' must not be null");
		// Read what the first send() would otherwise read from files, perhaps on an event loop.
		CallerContexts.initialize();
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
		PublicSuffixList suffixes = publicSuffixList(settings.publicSuffixList());
		Fetcher fetcher = new Fetcher(transport, new CookieJar(Clock.systemUTC(), suffixes),
				new PreflightCache(Clock.systemUTC()), suffixes, settings.networkAccessPolicy().rules(),
				settings.cookiesEnabled(), settings.userAgent(), settings.maxRedirects());
		XhrEngine base = new XhrEngine(settings, fetcher, eventExecutor, Schedulers.parallel(), observer,
				JsonBodyMapper.of(readers.get()), observationRegistry);
		// As browser profiles: each has a cookie store and a CORS-preflight cache of its own.
		Function<String, CookieStore> inMemory = (key) -> new InMemoryCookieStore(Clock.systemUTC(), suffixes);
		this.profiles = new XhrProfiles(base, (cookieStores != IN_MEMORY) ? withSuffixes(cookieStores, suffixes)
				: inMemory, inMemory);
		this.profile = this.profiles.get(XhrProfile.DEFAULT_KEY);
		this.engine = this.profile.engine();
	}

	/**
	 * Return the default cookie stores, for the constructors that take them: an {@link InMemoryCookieStore} per
	 * profile, checking domains against the factory's Public Suffix List ({@link XhrSettings#publicSuffixList()}).
	 * @return the default cookie stores
	 */
	public static Function<String, CookieStore> inMemoryCookieStores() {
		return IN_MEMORY;
	}

	/** A view of a factory whose requests carry another of its profiles. */
	private WebClientXhrFactory(XhrProfiles profiles, XhrProfile profile) {
		this.profiles = profiles;
		this.profile = profile;
		this.engine = profile.engine();
	}

	/**
	 * Return the settings of this factory.
	 * @return the settings
	 */
	public XhrSettings getSettings() {
		return this.engine.settings();
	}

	/**
	 * Return an executor of event tasks on virtual threads (one a task, named {@code xhr-event-virtual-N}), for the
	 * constructors that take one: a listener that blocks parks its virtual thread, not a platform one.
	 * @return the executor, one for the JVM
	 * @throws UnsupportedOperationException before Java 21 (this library is built for Java 17)
	 */
	public static Executor virtualThreadEventExecutor() {
		return EventExecutors.virtualThreads();
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

	@Override
	public XhrFactory forProfile(String key) {
		Objects.requireNonNull(key, "'key' must not be null");
		return new WebClientXhrFactory(this.profiles, this.profiles.get(key));
	}

	@Override
	public XhrFactory newProfile() {
		return new WebClientXhrFactory(this.profiles, this.profiles.unlisted(this.profiles.unlistedKey(), true));
	}

	@Override
	public XhrFactory newProfile(String key) {
		Objects.requireNonNull(key, "'key' must not be null");
		return new WebClientXhrFactory(this.profiles, this.profiles.unlisted(key, false));
	}

	@Override
	public XhrProfile getProfile() {
		return this.profile;
	}

	@Override
	public List<XhrProfile> getProfiles() {
		return this.profiles.all();
	}

	@Override
	public boolean removeProfile(String key) {
		Objects.requireNonNull(key, "'key' must not be null");
		return this.profiles.remove(key);
	}

	/** Shared stores check cookie domains against the factory's Public Suffix List too. */
	private static Function<String, @Nullable CookieStore> withSuffixes(
			Function<String, ? extends CookieStore> cookieStores, PublicSuffixList suffixes) {
		return (key) -> {
			CookieStore store = cookieStores.apply(key);
			if (store instanceof SharedCookieStore shared) {
				shared.useSuffixes(suffixes);
			}
			return store;
		};
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
