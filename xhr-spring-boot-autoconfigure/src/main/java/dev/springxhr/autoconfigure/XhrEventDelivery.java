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

	/** A cached pool of {@code xhr-event-N} threads, serially per request (a listener that blocks holds up only its request). */
	EXECUTOR,

	/**
	 * A request sent from a Netty event loop (a WebFlux handler) delivers its events on that loop: no hand-off, and
	 * run-to-completion; listeners must not block. Requests sent from other threads: {@link #EXECUTOR}.
	 */
	EVENT_LOOP,

	/** A virtual thread per event task (Java 21+; on an older runtime the start fails naming the property). */
	VIRTUAL_THREADS

}
