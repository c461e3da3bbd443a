package dev.springxhr.autoconfigure.profile;

import java.util.Objects;

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
 * Gives each WebFlux exchange the profiles of its scope, in the Reactor context (and as an exchange attribute): one
 * for each {@link ScopedXhrFactory} of the same {@link XhrProfileBinder}, made on first use, so an exchange that
 * creates no {@code XMLHttpRequest} creates no profile and starts no web session. The scoped factories find them there
 * when Reactor restores thread-locals from the context ({@code spring.reactor.context-propagation=auto}).
 */
public final class XhrProfileWebFilter implements WebFilter, Ordered {

	/** The exchange attribute of the exchange's profiles. */
	public static final String ATTRIBUTE = CurrentProfile.KEY;

	private final XhrProfileBinder binder;

	/**
	 * Create the filter.
	 * @param binder the binder shared with the application's {@link ScopedXhrFactory}s
	 */
	public XhrProfileWebFilter(XhrProfileBinder binder) {
		this.binder = Objects.requireNonNull(binder, "'binder' must not be null");
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (this.binder.getScope() == XhrProfileScope.SESSION) {
			return onEventLoop(exchange, exchange.getSession()).flatMap((session) -> filter(exchange, chain,
					new InboundProfiles((factory) -> sessionProfile(session).profiles().of(factory))));
		}
		return filter(exchange, chain, new InboundProfiles(XhrFactory::newProfile));
	}

	private static SessionProfile sessionProfile(WebSession session) {
		synchronized (session) {
			Object existing = session.getAttributes().get(SessionProfile.ATTRIBUTE);
			return (existing instanceof SessionProfile found) ? found
					: startWith(session, new SessionProfile(session.getId()));
		}
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

	private Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain, InboundProfiles profiles) {
		exchange.getAttributes().put(ATTRIBUTE, profiles);
		CurrentProfile.Bound bound = new CurrentProfile.Bound(this.binder, profiles);
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

}
