package dev.springxhr.xhr;

/**
 * Where the event tasks of an asynchronous request run: its network events (readyState changes, progress, load,
 * error, timeout, loadend) and the listeners they call. Events of one request always run one at a time, in the
 * standard's order, with exactly one {@code loadend} a send.
 */
public enum EventDelivery {

	/**
	 * On the factory's event executor (by default {@code xhr-event-N} threads sharing one queue, or virtual threads
	 * given as the executor), serially per request: a listener that blocks holds up its own request (on the default
	 * executor others wait at most about 10 ms, until a thread is added beside it). The
	 * code that called {@code send()} runs at the same time as the request's events: a request's state may change
	 * right after {@code send()} returns.
	 */
	EXECUTOR,

	/**
	 * For a request sent from a Netty event loop (a WebFlux handler, a Reactor Netty callback), on that very event
	 * loop: no hand-off to another thread, and run-to-completion as in a browser — the request's state cannot change
	 * while the code that sent it is still running, since its events wait for the loop. Blocking is forbidden there
	 * already: a listener that blocks stalls every connection of the loop (BlockHound reports it). A request sent
	 * from any other thread is delivered as {@link #EXECUTOR}.
	 */
	EVENT_LOOP

}
