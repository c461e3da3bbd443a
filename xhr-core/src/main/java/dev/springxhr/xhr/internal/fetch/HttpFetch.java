package dev.springxhr.xhr.internal.fetch;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

import dev.springxhr.xhr.internal.cors.CorsCheck;
import dev.springxhr.xhr.internal.http.ResponseHeaders;
import dev.springxhr.xhr.internal.transport.OutgoingRequest;
import dev.springxhr.xhr.internal.transport.RequestBody;
import dev.springxhr.xhr.internal.transport.ResponseHead;
import dev.springxhr.xhr.internal.transport.TransportHandler;
import dev.springxhr.xhr.internal.url.Origins;
import dev.springxhr.xhr.internal.url.RequestUrl;
import dev.springxhr.xhr.internal.url.RequestUrls;
import dev.springxhr.xhr.internal.url.UrlSyntaxException;

/**
 * The Fetch standard's main fetch for one {@code send()}, around the transport: every hop of the request — a
 * CORS preflight, the request itself, each redirect, the retry with the URL's credentials after a 401 — gets the
 * cookies, {@code Origin} and {@code Authorization} the standard gives it, and only the final response reaches the
 * handler of the send, CORS-checked and CORS-filtered. Redirects are followed here, not by the HTTP client, so that
 * method rewriting, header removal, counting and {@code responseURL} are exactly the standard's.
 *
 * <p>Hops run one after the other: each starts from the transport callback that ended the one before. The steps
 * of a hop are other classes': {@link CorsPreflight}, {@link HttpCredentials} and {@link RedirectDecision}.
 *
 * @see <a href="https://fetch.spec.whatwg.org/#main-fetch">Fetch §4.1 main fetch</a>
 * @see <a href="https://fetch.spec.whatwg.org/#http-redirect-fetch">Fetch §4.4 HTTP-redirect fetch</a>
 */
public final class HttpFetch implements Disposable {

	private final Fetcher fetcher;

	private final FetchRequest request;

	private final TransportHandler sink;

	/** Fetch's "request's origin": the page's in origin mode, else the origin of the first URL. */
	private final URI requestOrigin;

	private final HttpCredentials credentials;

	private String method;

	private RequestUrl url;

	private @Nullable RequestBody body;

	private final List<String> authorHeaders;

	private int redirectCount;

	private boolean taintedOrigin;

	private boolean corsTainting;

	/** Whether the next request hop is the first: only its body's upload is reported. */
	private boolean firstRequest = true;

	private volatile boolean disposed;

	private volatile @Nullable Disposable current;

	private static final AtomicReferenceFieldUpdater<HttpFetch, @Nullable Disposable> CURRENT = AtomicReferenceFieldUpdater
		.newUpdater(HttpFetch.class, Disposable.class, "current");

	private HttpFetch(Fetcher fetcher, FetchRequest request, TransportHandler sink) {
		this.fetcher = fetcher;
		this.request = request;
		this.sink = sink;
		this.requestOrigin = (request.origin() != null) ? request.origin() : request.url().uri();
		this.credentials = new HttpCredentials(fetcher, request.credentialsMode(), this.requestOrigin);
		this.method = request.method();
		this.url = request.url();
		this.body = request.body();
		this.authorHeaders = new ArrayList<>(List.of(request.authorHeaders()));
	}

	/**
	 * Start the fetch of a send.
	 * @return the handle that cancels whichever hop is running
	 */
	static Disposable start(Fetcher fetcher, FetchRequest request, TransportHandler sink) {
		HttpFetch fetch = new HttpFetch(fetcher, request, sink);
		fetch.startHopOffEventLoop();
		return fetch;
	}

	/** Whether the profile's cookie store waits for I/O (it is outside the JVM). */
	private boolean cookiesBlock() {
		return this.fetcher.cookiesEnabled() && this.fetcher.cookies().blocking();
	}

	@Override
	public void dispose() {
		this.disposed = true;
		cancelCurrent();
	}

	@Override
	public boolean isDisposed() {
		return this.disposed;
	}

	// ---- one hop --------------------------------------------------------------------------------------------

	private void startHop() {
		if (this.disposed) {
			return;
		}
		try {
			if (!RequestUrls.isHttp(this.url.uri())) {
				// Fetch "scheme fetch": data: is answered by the URL itself; a redirect never gets here.
				if (this.redirectCount == 0 && "data".equals(this.url.scheme())) {
					run(DataUrlExchange.run(wireRequest(List.of()), this.sink));
					return;
				}
				throw new UnsupportedSchemeException(this.url.uri());
			}
			// The SSRF guard, for every hop (redirects and preflights too): an allowed host, and no connection at
			// all to an IP literal in a denied network. The transport checks the address actually connected to.
			this.fetcher.networkAccess().checkUrl(this.url.uri());
			boolean crossOrigin = !Origins.sameOrigin(this.requestOrigin, this.url.uri());
			// Fetch §4.1 main fetch step 12: once another origin is met in CORS mode, the response is CORS-tainted.
			if (this.request.corsMode() && crossOrigin) {
				this.corsTainting = true;
			}
			this.credentials.startHop(this.url.uri());
			if (this.corsTainting) {
				CorsPreflight preflight = new CorsPreflight(this.fetcher.preflights(), serializedOrigin(), this.url,
						includesCredentialsMode(), this.method, this.authorHeaders, this.request.uploadListener());
				if (preflight.required()) {
					run(this.fetcher.transport().exchange(preflight.request(this.fetcher.userAgent()),
							preflight.handler(this::startRequest, this::fail), this.sink.observation()));
					return;
				}
			}
			startRequest();
		}
		catch (RuntimeException ex) {
			fail(ex);
		}
	}

	private void startRequest() {
		List<String> fetchHeaders = new ArrayList<>(6);
		// Fetch §4.5 step 9 "append a request Origin header"; a factory without origin sends none, as a server-side
		// client without a page (there is no origin to tell).
		if (this.request.origin() != null
				&& (this.corsTainting || !(this.method.equals("GET") || this.method.equals("HEAD")))) {
			fetchHeaders.add("Origin");
			fetchHeaders.add(serializedOrigin());
		}
		this.credentials.appendRequestHeaders(this.url, this.corsTainting, this.authorHeaders, fetchHeaders);
		OutgoingRequest wire = wireRequest(fetchHeaders);
		HopHandler hop = new HopHandler(this.sink, this.firstRequest && this.sink.observesUpload(),
				this::processResponse, this::cancelCurrent, this::afterHop, cookiesBlock());
		this.firstRequest = false;
		run(this.fetcher.transport().exchange(wire, hop, this.sink.observation()));
	}

	private OutgoingRequest wireRequest(List<String> fetchHeaders) {
		String[] author = this.authorHeaders.toArray(new String[0]);
		return new OutgoingRequest(this.method, this.url.requestTarget(),
				RequestHeaderList.build(this.method, author, this.body, this.fetcher.userAgent(), fetchHeaders),
				this.body);
	}

	private void run(Disposable exchange) {
		this.current = exchange;
		if (this.disposed) {
			exchange.dispose();
		}
	}

	// ---- responses ------------------------------------------------------------------------------------------

	/**
	 * What to do with a hop's response: hand it to the send, or drop its body and go on with another hop.
	 * @return the final response as the send sees it (CORS-filtered, with the current URL), or {@code null} when
	 * another hop follows
	 */
	private @Nullable ResponseHead processResponse(ResponseHead head) {
		this.credentials.storeCookies(this.url, this.corsTainting, head);
		if (this.corsTainting) {
			// Fetch §4.3 HTTP fetch step 4.4: every CORS-tainted response, redirects included, passes the check.
			String failure = CorsCheck.check(head.headers(), serializedOrigin(), includesCredentialsMode());
			if (failure != null) {
				this.fetcher.preflights().clearFor(serializedOrigin(), this.url.uri());
				throw new FetchFailureException("CORS check failed for " + this.url.requestTarget().href() + ": "
						+ failure);
			}
		}
		int status = head.status();
		// Fetch §4.4 HTTP-redirect fetch steps 3-4: a redirect status without Location is the response itself.
		String location = RedirectDecision.isRedirectStatus(status) ? head.headers().get("Location") : null;
		if (location != null) {
			redirect(status, location);
			return null;
		}
		if (this.credentials.answerChallenge(head, this.url.uri(), this.corsTainting, isReplayable(this.body))) {
			return null;
		}
		ResponseHeaders visible = this.corsTainting
				? CorsCheck.corsFilter(head.headers(), includesCredentialsMode()) : head.headers();
		return head.withHeaders(visible).withUrl(this.url);
	}

	/** Fetch §4.4 HTTP-redirect fetch steps 3-19: the request becomes the next hop's, or a network error. */
	private void redirect(int status, String location) {
		RequestUrl locationUrl;
		try {
			locationUrl = RequestUrls.parse(location, this.url);
		}
		catch (UrlSyntaxException ex) {
			throw new FetchFailureException("The redirect's Location '" + location + "' is not a URL");
		}
		// Steps 6-8: only to http(s), and not more often than the limit.
		if (!RequestUrls.isHttp(locationUrl.uri())) {
			throw new FetchFailureException("A redirect to a " + locationUrl.scheme()
					+ ": URL is a network error; only http and https can be redirected to");
		}
		int limit = this.fetcher.maxRedirects();
		if (this.redirectCount >= limit) {
			throw new FetchFailureException("More than " + limit + " redirects (last to "
					+ locationUrl.requestTarget().href() + ")");
		}
		this.redirectCount++;
		// Steps 9-10: credentials in the Location are a network error in CORS.
		if (locationUrl.uri().getRawUserInfo() != null && ((this.request.corsMode()
				&& !Origins.sameOrigin(this.requestOrigin, locationUrl.uri())) || this.corsTainting)) {
			throw new FetchFailureException("A CORS request cannot be redirected to a URL with credentials");
		}
		boolean crossOrigin = !Origins.sameOrigin(this.url.uri(), locationUrl.uri());
		RedirectDecision decision = RedirectDecision.of(status, this.method, crossOrigin);
		// Step 11, before step 12 may drop the body.
		if (decision.requiresBodySource() && this.body != null && !isReplayable(this.body)) {
			throw new FetchFailureException("A " + status + " redirect must send the body again, and a body from "
					+ "a Publisher can only be sent once; use StreamingBody.fromInputStream or fromResource");
		}
		// Steps 12-13: the request-body headers go with the body, Authorization with the origin.
		for (String name : decision.removedHeaderNames()) {
			removeHeader(this.authorHeaders, name);
		}
		// Fetch's tainted origin flag: from an origin other than the request's on to yet another one, the request's
		// origin serializes as "null" from now on (in Origin, the CORS check and the preflight cache key).
		if (crossOrigin && !Origins.sameOrigin(this.requestOrigin, this.url.uri())) {
			this.taintedOrigin = true;
		}
		this.method = decision.method();
		if (decision.dropsBody()) {
			this.body = null;
		}
		this.url = locationUrl;
		this.credentials.redirected();
	}

	/** After a request hop: the next one, or the network error the hop ended with. */
	private void afterHop(@Nullable Throwable failure) {
		if (failure != null) {
			fail(failure);
		}
		else {
			startHopOffEventLoop();
		}
	}

	/** Start a hop; one that reads a shared cookie store (it waits for I/O) never starts on an event loop. */
	private void startHopOffEventLoop() {
		if (cookiesBlock() && Schedulers.isInNonBlockingThread()) {
			Disposable before = this.current;
			Disposable task = Schedulers.boundedElastic().schedule(this::startHop);
			// Unless the hop already started (and made its exchange the current one), cancelling cancels the task.
			if (CURRENT.compareAndSet(this, before, task) && this.disposed) {
				task.dispose();
			}
		}
		else {
			startHop();
		}
	}

	private void cancelCurrent() {
		Disposable running = this.current;
		if (running != null) {
			running.dispose();
		}
	}

	private void fail(Throwable error) {
		if (!this.disposed) {
			this.sink.onError(error);
		}
	}

	// ---- helpers --------------------------------------------------------------------------------------------

	private boolean includesCredentialsMode() {
		return this.request.credentialsMode() == CredentialsMode.INCLUDE;
	}

	/** Fetch "serializing a request origin": {@code null} once a redirect chain tainted it. */
	private String serializedOrigin() {
		return this.taintedOrigin ? "null" : Origins.serialize(this.requestOrigin);
	}

	private static boolean isReplayable(@Nullable RequestBody body) {
		return body == null || body.stream() == null || body.stream().replayable();
	}

	private static void removeHeader(List<String> pairs, String name) {
		for (int i = pairs.size() - 2; i >= 0; i -= 2) {
			if (pairs.get(i).equalsIgnoreCase(name)) {
				pairs.remove(i + 1);
				pairs.remove(i);
			}
		}
	}

}
