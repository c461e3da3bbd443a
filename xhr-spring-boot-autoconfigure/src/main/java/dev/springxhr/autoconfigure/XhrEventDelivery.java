package dev.springxhr.autoconfigure;

/**
 * Where the auto-configured factory's requests deliver their events: {@code xhr.events.delivery}.
 */
public enum XhrEventDelivery {

	/**
	 * Virtual threads when {@code spring.threads.virtual.enabled} is true and the runtime has them (Java 21+), else
	 * {@link #EXECUTOR}.
	 */
	AUTO,

	/**
	 * The shared {@code xhr-event-N} threads, serially per request (a listener that blocks holds up its request;
	 * others wait at most about 10 ms, until a thread is added beside it).
	 */
	EXECUTOR,

	/**
	 * A request sent from a Netty event loop (a WebFlux handler) delivers its events on that loop: no hand-off, and
	 * run-to-completion; listeners must not block. Requests sent from other threads: {@link #EXECUTOR}.
	 */
	EVENT_LOOP,

	/** A virtual thread per event task (Java 21+; on an older runtime the start fails naming the property). */
	VIRTUAL_THREADS

}
