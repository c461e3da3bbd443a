package dev.springxhr.xhr.internal.fetch;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

import dev.springxhr.xhr.internal.cors.CorsRequestRules;
import dev.springxhr.xhr.internal.url.Origins;
import dev.springxhr.xhr.internal.transport.OutgoingRequest;
import dev.springxhr.xhr.internal.transport.RequestBody;
import dev.springxhr.xhr.internal.transport.TransportHandler;
import dev.springxhr.xhr.internal.cors.CorsCheck;
import dev.springxhr.xhr.internal.http.HttpTokens;
import dev.springxhr.xhr.internal.url.PercentEncoding;
import dev.springxhr.xhr.internal.url.RequestUrls;
import dev.springxhr.xhr.internal.url.UrlSyntaxException;
import dev.springxhr.xhr.internal.transport.ResponseHead;
import dev.springxhr.xhr.internal.http.ResponseHeaders;

/**
 * The Fetch standard's main fetch for one {@code send()}, around the transport: every hop of the request — a
 * CORS preflight, the request itself, each redirect, the retry with the URL's credentials after a 401 — gets the
 * cookies, {@code Origin} and {@code Authorization} the standard gives it, and only the final response reaches the
 * handler of the send, CORS-checked and CORS-filtered. Redirects are followed here, not by the HTTP client, so that
 * method rewriting, header removal, counting and {@code responseURL} are exactly the standard's.
 *
 * <p>Hops run one after the other: each starts from the transport callback that ended the one before.
 *
 * @see <a href="https://fetch.spec.whatwg.org/#main-fetch">Fetch §4.1 main fetch</a>
 * @see <a href="https://fetch.spec.whatwg.org/#http-redirect-fetch">Fetch §4.4 HTTP-redirect fetch</a>
 */
public final class HttpFetch implements Disposable {

	/** A redirect's body is read and dropped so that the connection can be reused, up to this size. */
	private static final int MAX_DRAINED_BODY = 64 * 1024;

	private static final List<String> REQUEST_BODY_HEADERS = List.of("Content-Encoding", "Content-Language",
			"Content-Location", "Content-Type");

	private final Fetcher fetcher;

	private final FetchRequest request;

	private final TransportHandler sink;

	/** Fetch's "request's origin": the page's in origin mode, else the origin of the first URL. */
	private final URI requestOrigin;

	private String method;

	private URI url;

	private @Nullable RequestBody body;

	private final List<String> authorHeaders;

	private int redirectCount;

	private boolean taintedOrigin;

	private boolean corsTainting;

	private boolean crossSiteChain;

	private boolean authenticationFetch;

	/** Whether the next request hop is the first: only its body's upload is reported. */
	private boolean firstRequest = true;

	private volatile boolean disposed;

	private volatile @Nullable Disposable current;

	private HttpFetch(Fetcher fetcher, FetchRequest request, TransportHandler sink) {
		this.fetcher = fetcher;
		this.request = request;
		this.sink = sink;
		this.requestOrigin = (request.origin() != null) ? request.origin() : request.url();
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
		fetch.startHop();
		return fetch;
	}

	@Override
	public void dispose() {
		this.disposed = true;
		Disposable running = this.current;
		if (running != null) {
			running.dispose();
		}
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
			if (!RequestUrls.isHttp(this.url)) {
				// Fetch "scheme fetch": data: is answered by the URL itself; a redirect never gets here.
				if (this.redirectCount == 0 && "data".equals(this.url.getScheme())) {
					run(DataUrlExchange.run(wireRequest(List.of()), this.sink));
					return;
				}
				throw new UnsupportedSchemeException(this.url);
			}
			// The SSRF guard, for every hop (redirects and preflights too): an allowed host, and no connection at
			// all to an IP literal in a denied network. The transport checks the address actually connected to.
			this.fetcher.networkAccess().checkUrl(this.url);
			boolean crossOrigin = !Origins.sameOrigin(this.requestOrigin, this.url);
			// Fetch §4.1 main fetch step 12: once another origin is met in CORS mode, the response is CORS-tainted.
			if (this.request.corsMode() && crossOrigin) {
				this.corsTainting = true;
			}
			if (!this.fetcher.suffixes().sameSite(this.requestOrigin, this.url)) {
				this.crossSiteChain = true;
			}
			if (this.corsTainting) {
				List<String> unsafeHeaders = CorsRequestRules.unsafeHeaderNames(pairs(this.authorHeaders));
				if (needsPreflight(unsafeHeaders)) {
					startPreflight(unsafeHeaders);
					return;
				}
			}
			startRequest();
		}
		catch (RuntimeException ex) {
			fail(ex);
		}
	}

	/**
	 * Fetch §4.3 HTTP fetch step 4.1: a preflight for a method or headers that are not safelisted, or for upload
	 * listeners (the use-CORS-preflight flag), unless the cache already allows them.
	 */
	private boolean needsPreflight(List<String> unsafeHeaders) {
		return this.fetcher.preflights().preflightRequired(serializedOrigin(), this.url, includesCredentialsMode(),
				this.method, unsafeHeaders, this.request.uploadListener());
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
		if (includeCredentials()) {
			String cookie = this.fetcher.cookiesEnabled()
					? this.fetcher.cookies().cookieHeader(this.url, !this.crossSiteChain) : null;
			if (cookie != null) {
				fetchHeaders.add("Cookie");
				fetchHeaders.add(cookie);
			}
			// Fetch §4.5 step 14.2: the URL's credentials only answer a challenge (isAuthenticationFetch).
			if (this.authenticationFetch && !containsHeader(this.authorHeaders, "Authorization")
					&& this.url.getRawUserInfo() != null) {
				fetchHeaders.add("Authorization");
				fetchHeaders.add(basicAuthorization(this.url));
			}
		}
		OutgoingRequest wire = wireRequest(fetchHeaders);
		Hop hop = new Hop(this.firstRequest);
		this.firstRequest = false;
		run(this.fetcher.transport().exchange(wire, hop));
	}

	private void startPreflight(List<String> unsafeHeaders) {
		// Fetch §4.10 CORS-preflight fetch: OPTIONS, no body, no credentials, only what the server needs to decide.
		List<String> headers = new ArrayList<>(10);
		headers.add("Accept");
		headers.add("*/*");
		headers.add("Access-Control-Request-Method");
		headers.add(this.method);
		if (!unsafeHeaders.isEmpty()) {
			headers.add("Access-Control-Request-Headers");
			headers.add(CorsRequestRules.accessControlRequestHeaders(unsafeHeaders));
		}
		headers.add("Origin");
		headers.add(serializedOrigin());
		String userAgent = this.fetcher.userAgent();
		if (userAgent != null) {
			headers.add("User-Agent");
			headers.add(userAgent);
		}
		OutgoingRequest preflight = new OutgoingRequest("OPTIONS", RequestUrls.requestTarget(this.url),
				headers.toArray(new String[0]), null);
		run(this.fetcher.transport().exchange(preflight, new Preflight(unsafeHeaders)));
	}

	private OutgoingRequest wireRequest(List<String> fetchHeaders) {
		String[] author = this.authorHeaders.toArray(new String[0]);
		return new OutgoingRequest(this.method, RequestUrls.requestTarget(this.url),
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
	 * @return whether the response is the final one
	 */
	private boolean processResponse(ResponseHead head) {
		// Fetch §4.6 HTTP-network fetch step 16: cookies are stored when credentials are included.
		if (includeCredentials() && this.fetcher.cookiesEnabled() && !head.setCookies().isEmpty()) {
			this.fetcher.cookies().store(this.url, head.setCookies(), !this.crossSiteChain);
		}
		if (this.corsTainting) {
			// Fetch §4.3 HTTP fetch step 4.4: every CORS-tainted response, redirects included, passes the check.
			String failure = CorsCheck.check(head.headers(), serializedOrigin(), includesCredentialsMode());
			if (failure != null) {
				this.fetcher.preflights().clearFor(serializedOrigin(), this.url);
				throw new FetchFailureException("CORS check failed for " + RequestUrls.serializeWithoutFragment(
						RequestUrls.requestTarget(this.url)) + ": " + failure);
			}
		}
		int status = head.status();
		if (isRedirect(status) && head.headers().get("Location") != null) {
			prepareRedirect(status, head.headers().get("Location"));
			return false;
		}
		if (status == 401 && !this.corsTainting && !this.authenticationFetch && includeCredentials()
				&& this.url.getRawUserInfo() != null && isBasicChallenge(head.headers().get("WWW-Authenticate"))
				&& isReplayable(this.body)) {
			// Fetch §4.5 step 14: answer the challenge once with the URL's credentials (an author Authorization
			// header stays and wins). Like Chromium, only a Basic challenge is answered: a 401 without one is the
			// response.
			this.authenticationFetch = true;
			return false;
		}
		return true;
	}

	/** Fetch §4.4 HTTP-redirect fetch steps 3-19. */
	private void prepareRedirect(int status, String location) {
		URI locationUrl;
		try {
			locationUrl = RequestUrls.parse(location, this.url);
		}
		catch (UrlSyntaxException ex) {
			throw new FetchFailureException("The redirect's Location '" + location + "' is not a URL");
		}
		if (!RequestUrls.isHttp(locationUrl)) {
			throw new FetchFailureException("A redirect to a " + locationUrl.getScheme()
					+ ": URL is a network error; only http and https can be redirected to");
		}
		int limit = this.fetcher.maxRedirects();
		if (this.redirectCount >= limit) {
			throw new FetchFailureException("More than " + limit + " redirects (last to "
					+ RequestUrls.serializeWithoutFragment(RequestUrls.requestTarget(locationUrl)) + ")");
		}
		this.redirectCount++;
		if (locationUrl.getRawUserInfo() != null && ((this.request.corsMode()
				&& !Origins.sameOrigin(this.requestOrigin, locationUrl)) || this.corsTainting)) {
			throw new FetchFailureException("A CORS request cannot be redirected to a URL with credentials");
		}
		if (status != 303 && this.body != null && !isReplayable(this.body)) {
			throw new FetchFailureException("A " + status + " redirect must send the body again, and a body from "
					+ "a Publisher can only be sent once; use StreamingBody.fromInputStream or fromResource");
		}
		if (!Origins.sameOrigin(this.url, locationUrl)) {
			// Step 13: the CORS non-wildcard request-header name never follows to another origin.
			removeHeader(this.authorHeaders, "Authorization");
			if (!Origins.sameOrigin(this.requestOrigin, this.url)) {
				this.taintedOrigin = true;
			}
		}
		if (((status == 301 || status == 302) && this.method.equals("POST"))
				|| (status == 303 && !this.method.equals("GET") && !this.method.equals("HEAD"))) {
			this.method = "GET";
			this.body = null;
			for (String name : REQUEST_BODY_HEADERS) {
				removeHeader(this.authorHeaders, name);
			}
		}
		this.url = locationUrl;
		this.authenticationFetch = false;
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

	/** Fetch §4.5 step 8 "includeCredentials". */
	private boolean includeCredentials() {
		return switch (this.request.credentialsMode()) {
			case INCLUDE -> true;
			case SAME_ORIGIN -> !this.corsTainting && Origins.sameOrigin(this.requestOrigin, this.url);
			case OMIT -> false;
		};
	}

	/** Fetch "serializing a request origin": {@code null} once a redirect chain tainted it. */
	private String serializedOrigin() {
		return this.taintedOrigin ? "null" : Origins.serialize(this.requestOrigin);
	}

	private static boolean isBasicChallenge(@Nullable String wwwAuthenticate) {
		return wwwAuthenticate != null && HttpTokens.toAsciiLowerCase(wwwAuthenticate).contains("basic");
	}

	private static boolean isRedirect(int status) {
		return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
	}

	private static boolean isReplayable(@Nullable RequestBody body) {
		return body == null || body.stream() == null || body.stream().replayable();
	}

	private static String basicAuthorization(URI url) {
		String userInfo = url.getRawUserInfo();
		int colon = userInfo.indexOf(':');
		String user = PercentEncoding.decodeToString((colon >= 0) ? userInfo.substring(0, colon) : userInfo);
		String password = (colon >= 0) ? PercentEncoding.decodeToString(userInfo.substring(colon + 1)) : "";
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static boolean containsHeader(List<String> pairs, String name) {
		for (int i = 0; i < pairs.size(); i += 2) {
			if (pairs.get(i).equalsIgnoreCase(name)) {
				return true;
			}
		}
		return false;
	}

	private static void removeHeader(List<String> pairs, String name) {
		for (int i = pairs.size() - 2; i >= 0; i -= 2) {
			if (pairs.get(i).equalsIgnoreCase(name)) {
				pairs.remove(i + 1);
				pairs.remove(i);
			}
		}
	}

	private static List<Map.Entry<String, String>> pairs(List<String> flat) {
		List<Map.Entry<String, String>> entries = new ArrayList<>(flat.size() / 2);
		for (int i = 0; i < flat.size(); i += 2) {
			entries.add(Map.entry(flat.get(i), flat.get(i + 1)));
		}
		return entries;
	}

	/** A network error of the fetch itself (CORS, redirects): the message says why. */
	static final class FetchFailureException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		FetchFailureException(String message) {
			super(message);
		}

	}

	// ---- transport handlers ------------------------------------------------------------------------------------

	/** One hop of the request: hands a final response to the send, drains any other and goes on. */
	private final class Hop implements TransportHandler {

		private final boolean reportsUpload;

		/** The response is not the final one: its body is dropped, then the next hop starts. */
		private boolean draining;

		private long drained;

		/** This hop has handed over to the next one (or failed): nothing more of it counts. */
		private boolean finished;

		/** Why the fetch fails once the dropped body is read (a CORS failure, a bad redirect). */
		private @Nullable RuntimeException failure;

		Hop(boolean firstRequest) {
			this.reportsUpload = firstRequest && HttpFetch.this.sink.observesUpload();
		}

		@Override
		public boolean observesUpload() {
			return this.reportsUpload;
		}

		@Override
		public void onRequestBodyChunk(int bytes) {
			if (this.reportsUpload) {
				HttpFetch.this.sink.onRequestBodyChunk(bytes);
			}
		}

		@Override
		public void onRequestBodyEnd() {
			if (this.reportsUpload) {
				HttpFetch.this.sink.onRequestBodyEnd();
			}
		}

		@Override
		public void onResponse(ResponseHead head) {
			try {
				if (processResponse(head)) {
					ResponseHeaders visible = HttpFetch.this.corsTainting
							? CorsCheck.corsFilter(head.headers(), includesCredentialsMode()) : head.headers();
					HttpFetch.this.sink.onResponse(head.withHeaders(visible).withUrl(HttpFetch.this.url));
				}
				else {
					this.draining = true;
				}
			}
			catch (RuntimeException ex) {
				// Not cancelled from here, inside the exchange's response callback (Reactor Netty would then see a
				// second body subscriber): the body is dropped as a redirect's, then the fetch fails.
				this.failure = ex;
				this.draining = true;
			}
		}

		@Override
		public void onBodyChunk(DataBuffer chunk) {
			if (this.finished) {
				DataBufferUtils.release(chunk);
				return;
			}
			if (!this.draining) {
				HttpFetch.this.sink.onBodyChunk(chunk);
				return;
			}
			this.drained += chunk.readableByteCount();
			DataBufferUtils.release(chunk);
			if (this.drained > MAX_DRAINED_BODY) {
				// Not worth reading: close this connection and go on.
				disposeCurrent();
				next();
			}
		}

		@Override
		public void onBodyChunksRead() {
			if (!this.draining && !this.finished) {
				HttpFetch.this.sink.onBodyChunksRead();
			}
		}

		@Override
		public void onComplete() {
			if (this.draining) {
				next();
			}
			else if (!this.finished) {
				HttpFetch.this.sink.onComplete();
			}
		}

		@Override
		public void onError(Throwable error) {
			if (this.draining) {
				// The headers of the redirect were complete; what happens to its body does not matter.
				next();
			}
			else if (!this.finished) {
				this.finished = true;
				fail(error);
			}
		}

		private void next() {
			if (!this.finished) {
				this.finished = true;
				RuntimeException failed = this.failure;
				if (failed != null) {
					fail(failed);
				}
				else {
					startHop();
				}
			}
		}

		private void disposeCurrent() {
			Disposable running = HttpFetch.this.current;
			if (running != null) {
				running.dispose();
			}
		}

	}

	/** The CORS preflight: its response decides whether the request itself is sent. */
	private final class Preflight implements TransportHandler {

		private final List<String> unsafeHeaders;

		private @Nullable ResponseHead head;

		private boolean finished;

		Preflight(List<String> unsafeHeaders) {
			this.unsafeHeaders = unsafeHeaders;
		}

		@Override
		public void onResponse(ResponseHead head) {
			this.head = head;
		}

		@Override
		public void onBodyChunk(DataBuffer chunk) {
			DataBufferUtils.release(chunk);
		}

		@Override
		public void onComplete() {
			decide();
		}

		@Override
		public void onError(Throwable error) {
			if (this.head != null) {
				decide();
			}
			else if (!this.finished) {
				this.finished = true;
				fail(error);
			}
		}

		private void decide() {
			if (this.finished) {
				return;
			}
			this.finished = true;
			ResponseHead response = this.head;
			try {
				String failure = CorsCheck.checkPreflightResponse(response.status(), response.headers(),
						serializedOrigin(), includesCredentialsMode(), HttpFetch.this.method, this.unsafeHeaders,
						HttpFetch.this.request.uploadListener());
				if (failure != null) {
					throw new FetchFailureException("CORS preflight for " + HttpFetch.this.method + " "
							+ RequestUrls.serializeWithoutFragment(RequestUrls.requestTarget(HttpFetch.this.url))
							+ " failed: " + failure);
				}
				HttpFetch.this.fetcher.preflights().store(serializedOrigin(), HttpFetch.this.url,
						includesCredentialsMode(), HttpFetch.this.method, HttpFetch.this.request.uploadListener(),
						response.headers());
				startRequest();
			}
			catch (RuntimeException ex) {
				fail(ex);
			}
		}

	}

}
