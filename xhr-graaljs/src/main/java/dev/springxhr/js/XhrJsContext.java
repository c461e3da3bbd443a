package dev.springxhr.js;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.GlobalScope;
import dev.springxhr.xhr.XhrFactory;

/**
 * A GraalJS context whose {@code XMLHttpRequest}, {@code XMLHttpRequestUpload}, {@code XMLHttpRequestEventTarget},
 * {@code EventTarget}, {@code Event}, {@code ProgressEvent} and {@code DOMException} are WebIDL-shaped globals over
 * an {@link XhrFactory}, with {@code setTimeout}, {@code setInterval}, {@code clearTimeout}, {@code clearInterval}
 * and {@code queueMicrotask}. One thread, the context's event loop ({@code xhr-js-N}), runs every script and every
 * event: network events are queued to it and change what the script sees only when they are dispatched, as in a
 * browser. The factory's settings make the "page": its origin ({@code XhrSettings#origin()}) decides same-origin,
 * CORS and cookies. Scripts reach no Java class: only the bridge's own methods are exported.
 */
public final class XhrJsContext implements AutoCloseable {

	private static final String GLOBALS = "xhr-globals.js";

	private final JsEventLoop loop = new JsEventLoop();

	private final JsHost host;

	private final CompletableFuture<Context> context = new CompletableFuture<>();

	private final GlobalScope scope;

	private XhrJsContext(XhrFactory factory, GlobalScope scope) {
		this.scope = scope;
		this.host = new JsHost(factory, this.loop);
		this.loop.start(this::createContext);
		this.context.join();
	}

	/**
	 * Create a context on a factory, with its event loop running.
	 * @param factory the factory whose requests the script's {@code XMLHttpRequest}s are
	 * @return the context
	 */
	public static XhrJsContext create(XhrFactory factory) {
		return create(factory, GlobalScope.WINDOW);
	}

	/**
	 * Create a context on a factory whose global object is a window or a dedicated worker's scope: a worker's has
	 * {@code self instanceof WorkerGlobalScope} and {@code importScripts}, by which clients such as axios tell
	 * it from a page. Give it a factory of the same scope ({@code XhrSettings#withGlobalScope}), whose rules for
	 * synchronous requests it then follows.
	 * @param factory the factory whose requests the script's {@code XMLHttpRequest}s are
	 * @param scope the global scope
	 * @return the context
	 */
	public static XhrJsContext create(XhrFactory factory, GlobalScope scope) {
		return new XhrJsContext(Objects.requireNonNull(factory, "'factory' must not be null"),
				Objects.requireNonNull(scope, "'scope' must not be null"));
	}

	private void createContext() {
		try {
			Context created = Context.newBuilder("js")
				.engine(Shared.ENGINE)
				.allowHostAccess(HostAccess.newBuilder()
					.allowAccessAnnotatedBy(HostAccess.Export.class)
					.allowArrayAccess(true)
					.build())
				.option("js.ecmascript-version", "2022")
				.build();
			created.enter();
			Value install = created.eval(Shared.GLOBALS_SOURCE);
			install.execute(created.getBindings("js").getMember("globalThis"), this.host,
					this.scope == GlobalScope.DEDICATED_WORKER);
			this.context.complete(created);
		}
		catch (RuntimeException | ExceptionInInitializerError ex) {
			this.context.completeExceptionally(ex);
		}
	}

	/**
	 * One engine for every context, so GraalJS parses the globals' script (and any source scripts share) once;
	 * contexts on one engine share no state. Interpreter-only, it holds no thread of its own.
	 */
	private static final class Shared {

		static final Engine ENGINE = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();

		static final Source GLOBALS_SOURCE = globals();

		private static Source globals() {
			try (InputStream in = XhrJsContext.class.getResourceAsStream(GLOBALS)) {
				if (in == null) {
					throw new IllegalStateException("The resource " + GLOBALS + " is missing");
				}
				return Source.newBuilder("js", new String(in.readAllBytes(), StandardCharsets.UTF_8), GLOBALS).build();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read " + GLOBALS, ex);
			}
		}

	}

	/**
	 * Run a script as a task of the loop.
	 * @param source the script
	 * @return its completion value once it has run: a string, number, boolean or {@code null} as such, anything
	 * else as its string form; or the script's exception, as a {@link JsException}
	 */
	public CompletableFuture<@Nullable Object> eval(String source) {
		CompletableFuture<@Nullable Object> result = new CompletableFuture<>();
		this.loop.execute(() -> {
			try {
				result.complete(javaValue(this.context.join().eval("js", source)));
			}
			catch (RuntimeException ex) {
				result.completeExceptionally(new JsException(ex.getMessage(), ex));
			}
		});
		return result;
	}

	private static @Nullable Object javaValue(Value value) {
		if (value.isNull()) {
			return null;
		}
		if (value.isString()) {
			return value.asString();
		}
		if (value.isBoolean()) {
			return value.asBoolean();
		}
		if (value.isNumber()) {
			return value.fitsInLong() ? (Object) value.asLong() : (Object) value.asDouble();
		}
		return value.toString();
	}

	/**
	 * Wait until the loop is idle: no task queued or running, no timer pending, no request in flight.
	 * @param limit how long to wait
	 * @return whether it became idle within the limit
	 */
	public boolean runUntilIdle(Duration limit) {
		try {
			return this.loop.awaitIdle(limit);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Close the context: abort its requests in flight, drop its tasks and timers, close the GraalJS context and end
	 * the loop's thread. Nothing of the context holds a thread or a connection afterwards.
	 */
	@Override
	public void close() {
		this.host.abortAll();
		this.loop.close(() -> {
			Context created = this.context.getNow(null);
			if (created != null) {
				created.leave();
				created.close(true);
			}
		});
		try {
			this.loop.join(Duration.ofSeconds(10));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
