package dev.springxhr.xhr.internal.fetch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

import dev.springxhr.xhr.internal.cors.CorsCheck;
import dev.springxhr.xhr.internal.cors.CorsRequestRules;
import dev.springxhr.xhr.internal.cors.PreflightCache;
import dev.springxhr.xhr.internal.transport.OutgoingRequest;
import dev.springxhr.xhr.internal.transport.ResponseHead;
import dev.springxhr.xhr.internal.transport.TransportHandler;
import dev.springxhr.xhr.internal.url.RequestUrl;

/**
 * The CORS preflight of one CORS-tainted hop, with the factory's CORS-preflight cache: whether the hop needs one,
 * the {@code OPTIONS} request, and the check of its response, whose allowance goes into the cache when it passes.
 * The request itself is only sent after a preflight that passed.
 *
 * @see <a href="https://fetch.spec.whatwg.org/#cors-preflight-fetch">Fetch §4.7 CORS-preflight fetch</a>
 * @see <a href="https://fetch.spec.whatwg.org/#cors-preflight-cache">Fetch §4.8 CORS-preflight cache</a>
 */
final class CorsPreflight {

	private final PreflightCache cache;

	/** The serialized request origin ({@code null} once the redirect chain tainted it). */
	private final String origin;

	private final RequestUrl url;

	private final boolean includeCredentials;

	private final String method;

	/** The CORS-unsafe request-header names of the author headers, as the preflight asks for them. */
	private final List<String> unsafeHeaders;

	private final boolean useCorsPreflight;

	/**
	 * The preflight of a hop.
	 * @param cache the factory's CORS-preflight cache
	 * @param origin the serialized request origin
	 * @param url the hop's URL
	 * @param includeCredentials whether the request's credentials mode is "include"
	 * @param method the hop's method
	 * @param authorHeaders the hop's author request headers, alternating names and values
	 * @param useCorsPreflight the use-CORS-preflight flag: the upload object has listeners
	 */
	CorsPreflight(PreflightCache cache, String origin, RequestUrl url, boolean includeCredentials, String method,
			List<String> authorHeaders, boolean useCorsPreflight) {
		this.cache = cache;
		this.origin = origin;
		this.url = url;
		this.includeCredentials = includeCredentials;
		this.method = method;
		this.unsafeHeaders = CorsRequestRules.unsafeHeaderNames(pairs(authorHeaders));
		this.useCorsPreflight = useCorsPreflight;
	}

	/**
	 * Fetch §4.3 HTTP fetch step 4.1: a preflight for a method or headers that are not safelisted, or for upload
	 * listeners (the use-CORS-preflight flag), unless the cache already allows them.
	 * @return whether the hop needs a preflight
	 */
	boolean required() {
		return this.cache.preflightRequired(this.origin, this.url.uri(), this.includeCredentials, this.method,
				this.unsafeHeaders, this.useCorsPreflight);
	}

	/**
	 * Fetch §4.7 CORS-preflight fetch steps 1-5: {@code OPTIONS}, no body, no credentials, only what the server
	 * needs to decide.
	 * @param userAgent the factory's {@code User-Agent}, or {@code null} for none
	 * @return the preflight request
	 */
	OutgoingRequest request(@Nullable String userAgent) {
		List<String> headers = new ArrayList<>(10);
		headers.add("Accept");
		headers.add("*/*");
		headers.add("Access-Control-Request-Method");
		headers.add(this.method);
		if (!this.unsafeHeaders.isEmpty()) {
			headers.add("Access-Control-Request-Headers");
			headers.add(CorsRequestRules.accessControlRequestHeaders(this.unsafeHeaders));
		}
		headers.add("Origin");
		headers.add(this.origin);
		if (userAgent != null) {
			headers.add("User-Agent");
			headers.add(userAgent);
		}
		return new OutgoingRequest("OPTIONS", this.url.requestTarget(), headers.toArray(new String[0]),
				null);
	}

	/**
	 * Fetch §4.7 CORS-preflight fetch step 7: check the preflight's response and, when it passes, store what it
	 * allows in the cache (steps 7.8-7.15).
	 * @param response the head of the preflight's response
	 * @throws FetchFailureException when the check fails: a network error
	 */
	void checkAndStore(ResponseHead response) {
		String failure = CorsCheck.checkPreflightResponse(response.status(), response.headers(), this.origin,
				this.includeCredentials, this.method, this.unsafeHeaders, this.useCorsPreflight);
		if (failure != null) {
			throw new FetchFailureException("CORS preflight for " + this.method + " "
					+ this.url.requestTarget().href() + " failed: " + failure);
		}
		this.cache.store(this.origin, this.url.uri(), this.includeCredentials, this.method, this.useCorsPreflight,
				response.headers());
	}

	/**
	 * The transport handler of the preflight's exchange: its response decides whether the request itself is sent.
	 * @param passed sends the request itself, once the preflight passed
	 * @param failed receives the network error: the exchange failed, the check failed, or {@code passed} threw
	 * @return the handler
	 */
	TransportHandler handler(Runnable passed, Consumer<Throwable> failed) {
		return new Handler(passed, failed);
	}

	private static List<Map.Entry<String, String>> pairs(List<String> flat) {
		List<Map.Entry<String, String>> entries = new ArrayList<>(flat.size() / 2);
		for (int i = 0; i < flat.size(); i += 2) {
			entries.add(Map.entry(flat.get(i), flat.get(i + 1)));
		}
		return entries;
	}

	/** Waits for the whole preflight response (its body is dropped), then decides once. */
	private final class Handler implements TransportHandler {

		private final Runnable passed;

		private final Consumer<Throwable> failed;

		private @Nullable ResponseHead head;

		private boolean finished;

		Handler(Runnable passed, Consumer<Throwable> failed) {
			this.passed = passed;
			this.failed = failed;
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
			// A preflight whose head arrived is decided on it: what happens to its body does not matter.
			if (this.head != null) {
				decide();
			}
			else if (!this.finished) {
				this.finished = true;
				this.failed.accept(error);
			}
		}

		private void decide() {
			if (this.finished) {
				return;
			}
			this.finished = true;
			try {
				// The transport completes an exchange only after its response: no head is a failure of its own.
				checkAndStore(Objects.requireNonNull(this.head, "The preflight ended without a response"));
				this.passed.run();
			}
			catch (RuntimeException ex) {
				this.failed.accept(ex);
			}
		}

	}

}
