package dev.springxhr.autoconfigure.profile;

import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import io.netty.channel.EventLoop;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;

import dev.springxhr.xhr.XhrFactory;

/**
 * Gives each WebFlux exchange the profile of its scope, in the Reactor context (and as an exchange attribute): made
 * on first use, so an exchange that creates no {@code XMLHttpRequest} creates no profile and starts no web session.
 * The auto-configured {@link ScopedXhrFactory} finds it there when Reactor restores thread-locals from the context
 * ({@code spring.reactor.context-propagation=auto}).
 */
public final class XhrProfileWebFilter implements WebFilter, Ordered {

	/** The exchange attribute of the profile's supplier. */
	public static final String ATTRIBUTE = CurrentProfile.KEY;

	private final XhrFactory factory;

	private final XhrProfileScope scope;

	/**
	 * Create the filter.
	 * @param factory the factory whose profiles the exchanges get
	 * @param scope {@link XhrProfileScope#SESSION} or {@link XhrProfileScope#REQUEST}
	 */
	public XhrProfileWebFilter(XhrFactory factory, XhrProfileScope scope) {
		this.factory = Objects.requireNonNull(factory, "'factory' must not be null");
		this.scope = Objects.requireNonNull(scope, "'scope' must not be null");
		CurrentProfile.register();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (this.scope == XhrProfileScope.SESSION) {
			return onEventLoop(exchange, exchange.getSession()).flatMap((session) -> filter(exchange, chain, new Lazy(() -> {
				synchronized (session) {
					Object existing = session.getAttributes().get(SessionProfile.ATTRIBUTE);
					SessionProfile profile = (existing instanceof SessionProfile found) ? found
							: startWith(session, new SessionProfile(session.getId()));
					return profile.factory(this.factory);
				}
			})));
		}
		return filter(exchange, chain, new Lazy(this.factory::newProfile));
	}

	/**
	 * A new in-memory web session is made on another thread (WebFlux's store generates its id off the event loop), and
	 * the chain would go on there: on Reactor Netty, go back to the connection's event loop, where handlers run
	 * without this filter.
	 */
	private static Mono<WebSession> onEventLoop(ServerWebExchange exchange, Mono<WebSession> session) {
		Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
		if (!(nativeRequest instanceof Connection connection)) {
			return session;
		}
		EventLoop eventLoop = connection.channel().eventLoop();
		return session.flatMap((resolved) -> eventLoop.inEventLoop() ? Mono.just(resolved)
				: Mono.just(resolved).publishOn(Schedulers.fromExecutor(eventLoop)));
	}

	private Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain, Supplier<XhrFactory> profile) {
		exchange.getAttributes().put(ATTRIBUTE, profile);
		CurrentProfile.Bound bound = new CurrentProfile.Bound(this.factory, profile);
		return chain.filter(exchange).contextWrite((context) -> context.put(CurrentProfile.KEY, bound));
	}

	private static SessionProfile startWith(WebSession session, SessionProfile profile) {
		// An attribute starts the session: it is saved, and its cookie sent, when the response commits.
		session.getAttributes().put(SessionProfile.ATTRIBUTE, profile);
		return profile;
	}

	@Override
	public int getOrder() {
		// Late, after security filters: the profile is made when a handler first needs it anyway.
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	/** A profile made on first use, once. */
	private static final class Lazy implements Supplier<XhrFactory> {

		private final Supplier<XhrFactory> make;

		private volatile @Nullable XhrFactory made;

		Lazy(Supplier<XhrFactory> make) {
			this.make = make;
		}

		@Override
		public XhrFactory get() {
			XhrFactory profile = this.made;
			if (profile == null) {
				synchronized (this) {
					profile = this.made;
					if (profile == null) {
						profile = this.make.get();
						this.made = profile;
					}
				}
			}
			return profile;
		}

	}

}
