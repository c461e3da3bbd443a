package dev.springxhr.xhr.internal.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.springxhr.xhr.internal.url.RequestUrl;
import dev.springxhr.xhr.internal.url.RequestUrls;

import dev.springxhr.xhr.internal.cors.PreflightCache;
import dev.springxhr.xhr.internal.http.ResponseHeaders;
import dev.springxhr.xhr.internal.transport.OutgoingRequest;
import dev.springxhr.xhr.internal.transport.ResponseHead;
import dev.springxhr.xhr.internal.transport.TransportHandler;

/**
 * {@link CorsPreflight}: when a hop needs one, the {@code OPTIONS} request of Fetch §4.7 CORS-preflight fetch, and
 * what its response does to the CORS-preflight cache and to the hop.
 */
class CorsPreflightTests {

	private static final String ORIGIN = "https://app.example";

	private static final RequestUrl URL = RequestUrls.parse("https://api.example/items?page=1#top", (URI) null);

	private final PreflightCache cache = new PreflightCache(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

	private CorsPreflight preflight(String method, boolean uploadListener, String... authorHeaders) {
		return new CorsPreflight(this.cache, ORIGIN, URL, false, method, List.of(authorHeaders), uploadListener);
	}

	private static ResponseHead response(int status, String... namesAndValues) {
		List<Map.Entry<String, String>> headers = new ArrayList<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			headers.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
		}
		return new ResponseHead(status, "", ResponseHeaders.of(headers));
	}

	@Test
	void aSafelistedRequestNeedsNone() {
		assertThat(preflight("GET", false).required()).isFalse();
		assertThat(preflight("POST", false, "Content-Type", "text/plain").required()).isFalse();
	}

	@Test
	void anUnsafeMethodAnUnsafeHeaderOrUploadListenersNeedOne() {
		assertThat(preflight("PUT", false).required()).isTrue();
		assertThat(preflight("GET", false, "X-Token", "1").required()).isTrue();
		assertThat(preflight("POST", false, "Content-Type", "application/json").required()).isTrue();
		assertThat(preflight("GET", true).required()).isTrue();
	}

	@Test
	void theRequestAsksForTheMethodAndTheUnsafeHeaderNamesOnly() {
		OutgoingRequest request = preflight("PUT", false, "X-B", "1", "Accept", "text/plain", "x-a", "2")
			.request("agent/1");
		assertThat(request.method()).isEqualTo("OPTIONS");
		assertThat(request.target()).isEqualTo(URI.create("https://api.example/items?page=1"));
		assertThat(request.body()).isNull();
		assertThat(request.headers()).containsExactly("Accept", "*/*", "Access-Control-Request-Method", "PUT",
				"Access-Control-Request-Headers", "x-a,x-b", "Origin", ORIGIN, "User-Agent", "agent/1");
	}

	@Test
	void theRequestHasNoRequestHeadersListWithoutUnsafeHeadersNorUserAgentWithoutOne() {
		assertThat(preflight("DELETE", false).request(null).headers()).containsExactly("Accept", "*/*",
				"Access-Control-Request-Method", "DELETE", "Origin", ORIGIN);
	}

	@Test
	void aPassingResponseIsStoredSoTheNextHopNeedsNone() {
		CorsPreflight preflight = preflight("PUT", false, "X-Token", "1");
		preflight.checkAndStore(response(204, "Access-Control-Allow-Origin", ORIGIN, "Access-Control-Allow-Methods",
				"PUT", "Access-Control-Allow-Headers", "X-Token"));
		assertThat(preflight("PUT", false, "X-Token", "2").required()).isFalse();
		assertThat(preflight("PATCH", false).required()).isTrue();
	}

	@Test
	void aFailingResponseIsANetworkErrorThatSaysWhy() {
		assertThatExceptionOfType(FetchFailureException.class)
			.isThrownBy(() -> preflight("PUT", false).checkAndStore(response(200, "Access-Control-Allow-Origin",
					ORIGIN)))
			.withMessage("CORS preflight for PUT https://api.example/items?page=1 failed: Method 'PUT' is not in "
					+ "'Access-Control-Allow-Methods'");
		assertThat(preflight("PUT", false).required()).isTrue();
	}

	@Test
	void theHandlerSendsTheRequestOncePassed() {
		List<Object> calls = new ArrayList<>();
		TransportHandler handler = preflight("PUT", false).handler(() -> calls.add("request"), calls::add);
		handler.onResponse(response(200, "Access-Control-Allow-Origin", "*", "Access-Control-Allow-Methods", "PUT"));
		handler.onComplete();
		handler.onComplete();
		assertThat(calls).containsExactly("request");
	}

	@Test
	void theHandlerDecidesOnAHeadEvenWhenTheBodyFails() {
		List<Object> calls = new ArrayList<>();
		TransportHandler handler = preflight("PUT", false).handler(() -> calls.add("request"), calls::add);
		handler.onResponse(response(200, "Access-Control-Allow-Origin", "*", "Access-Control-Allow-Methods", "PUT"));
		handler.onError(new IllegalStateException("reset"));
		assertThat(calls).containsExactly("request");
	}

	@Test
	void theHandlerFailsWithTheExchangeOrTheCheck() {
		List<Object> calls = new ArrayList<>();
		IllegalStateException refused = new IllegalStateException("refused");
		TransportHandler failedExchange = preflight("PUT", false).handler(() -> calls.add("request"), calls::add);
		failedExchange.onError(refused);
		failedExchange.onError(refused);
		assertThat(calls).containsExactly(refused);

		calls.clear();
		TransportHandler failedCheck = preflight("PUT", false).handler(() -> calls.add("request"), calls::add);
		failedCheck.onResponse(response(403));
		failedCheck.onComplete();
		assertThat(calls).singleElement().isInstanceOf(FetchFailureException.class);
	}

}
