package dev.springxhr.xhr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.springxhr.xhr.support.DomExceptionAssert.assertThrowsDomException;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.springxhr.xhr.support.EventRecorder;
import dev.springxhr.xhr.support.XhrTestServer;

/**
 * Checklist §10.5, §6.2 and Fetch's CORS protocol in origin mode: a factory with an origin behaves as a page of that
 * origin — {@code Origin} headers, the CORS check of cross-origin responses, preflights and their cache, the CORS
 * filter of response headers, failures as network errors — and {@code mozSystem} opts out, as in Firefox. The page is
 * on server {@code a}; server {@code b} is another origin.
 */
class CorsTests {

	@RegisterExtension
	static final XhrTestServer<WireMockServer> a = XhrTestServer.wireMock();

	@RegisterExtension
	static final XhrTestServer<WireMockServer> b = XhrTestServer.wireMock();

	private static int paths;

	private XhrFactory page() {
		return a.newFactory((settings) -> settings.withOrigin(URI.create(a.baseUrl())));
	}

	private String origin() {
		return a.baseUrl();
	}

	private static synchronized String path(String name) {
		return "/" + name + "-" + (++paths);
	}

	private static String stub(XhrTestServer<WireMockServer> wireMock, String path,
			ResponseDefinitionBuilder response) {
		wireMock.server().stubFor(any(urlPathEqualTo(path)).willReturn(response));
		return wireMock.baseUrl() + path;
	}

	private static List<LoggedRequest> received(XhrTestServer<WireMockServer> wireMock, String path) {
		return wireMock.server().findAll(anyRequestedFor(urlPathEqualTo(path)));
	}

	private static ResponseDefinitionBuilder allowing(@Nullable String allowOrigin) {
		ResponseDefinitionBuilder response = aResponse().withStatus(200).withHeader("X-Custom", "c")
			.withHeader("Content-Type", "text/plain")
			.withBody("cors");
		return (allowOrigin != null) ? response.withHeader("Access-Control-Allow-Origin", allowOrigin) : response;
	}

	private static EventRecorder send(XhrFactory factory, String method, String url, boolean withCredentials,
			boolean uploadListener, @Nullable Object body, String... headers) {
		XMLHttpRequest xhr = factory.create();
		EventRecorder rec = uploadListener ? EventRecorder.attachWithUpload(xhr) : EventRecorder.attach(xhr);
		rec.open(method, url);
		xhr.setWithCredentials(withCredentials);
		for (int i = 0; i < headers.length; i += 2) {
			xhr.setRequestHeader(headers[i], headers[i + 1]);
		}
		rec.send(body);
		rec.awaitLoadend();
		return rec;
	}

	private EventRecorder get(String url, boolean withCredentials) {
		return send(page(), "GET", url, withCredentials, false, null);
	}

	private static final List<String> NETWORK_ERROR = List.of("rsc(1)", "loadstart(0,0,f)", "rsc(4)", "error(0,0,f)",
			"loadend(0,0,f)");

	// ---- the CORS check -----------------------------------------------------------------------------------------

	@Test
	void crossOriginResponseWithoutAllowOriginIsANetworkErrorThoughTheServerGotTheRequest() {
		String path = path("no-acao");
		EventRecorder rec = get(stub(b, path, allowing(null)), false);

		assertThat(rec.events()).containsExactlyElementsOf(NETWORK_ERROR);
		assertThat(rec.xhr().getStatus()).isZero();
		assertThat(received(b, path)).singleElement()
			.satisfies((request) -> assertThat(request.getHeader("Origin")).isEqualTo(origin()));
	}

	@Test
	void allowOriginStarOrTheOriginItselfPasses() {
		assertThat(get(stub(b, path("star"), allowing("*")), false).xhr().getResponseText()).isEqualTo("cors");
		assertThat(get(stub(b, path("exact"), allowing(origin())), false).xhr().getStatus()).isEqualTo((short) 200);
	}

	@Test
	void anotherOriginOrTwoValuesFail() {
		assertThat(get(stub(b, path("other"), allowing("http://other.example")), false).events())
			.containsExactlyElementsOf(NETWORK_ERROR);
		assertThat(get(stub(b, path("slash"), allowing(origin() + "/")), false).events())
			.containsExactlyElementsOf(NETWORK_ERROR);
		String twice = stub(b, path("twice"),
				allowing(origin()).withHeader("Access-Control-Allow-Origin", origin()));
		assertThat(get(twice, false).events()).containsExactlyElementsOf(NETWORK_ERROR);
	}

	@Test
	void credentialsNeedTheExactOriginAndAllowCredentials() {
		assertThat(get(stub(b, path("star-cred"), allowing("*")), true).events())
			.containsExactlyElementsOf(NETWORK_ERROR);
		assertThat(get(stub(b, path("no-acac"), allowing(origin())), true).events())
			.containsExactlyElementsOf(NETWORK_ERROR);
		String allowed = stub(b, path("acac"),
				allowing(origin()).withHeader("Access-Control-Allow-Credentials", "true"));
		assertThat(get(allowed, true).xhr().getStatus()).isEqualTo((short) 200);
	}

	@Test
	void cookiesGoCrossOriginOnlyWithCredentialsAndAnAllowingServer() {
		XhrFactory page = page();
		send(page, "GET", stub(a, path("set"), aResponse().withHeader("Set-Cookie", "sid=1; Path=/")), false, false,
				null);
		String without = path("without");
		send(page, "GET", stub(b, without, allowing("*")), false, false, null);
		String with = path("with");
		send(page, "GET", stub(b, with, allowing(origin()).withHeader("Access-Control-Allow-Credentials", "true")),
				true, false, null);

		assertThat(received(b, without).get(0).containsHeader("Cookie")).isFalse();
		assertThat(received(b, with).get(0).getHeader("Cookie")).isEqualTo("sid=1");
	}

	@Test
	void responseHeadersAreFilteredToTheSafelistedAndExposedOnes() {
		XMLHttpRequest plain = get(stub(b, path("filtered"), allowing("*").withHeader("Cache-Control", "no-store")),
				false).xhr();
		assertThat(plain.getResponseHeader("X-Custom")).isNull();
		assertThat(plain.getResponseHeader("Content-Type")).isEqualTo("text/plain");
		assertThat(plain.getAllResponseHeaders()).contains("cache-control: no-store").doesNotContain("x-custom")
			.doesNotContain("access-control-allow-origin");

		XMLHttpRequest exposed = get(stub(b, path("exposed"),
				allowing("*").withHeader("Access-Control-Expose-Headers", "X-Custom")), false).xhr();
		assertThat(exposed.getResponseHeader("X-Custom")).isEqualTo("c");

		XMLHttpRequest all = get(stub(b, path("expose-all"),
				allowing("*").withHeader("Access-Control-Expose-Headers", "*")), false).xhr();
		assertThat(all.getResponseHeader("X-Custom")).isEqualTo("c");
	}

	@Test
	void aSyncCorsFailureThrowsNetworkError() {
		XMLHttpRequest xhr = page().create();
		xhr.open("GET", stub(b, path("sync"), allowing(null)), false);

		DOMException failure = assertThrowsDomException("NetworkError", xhr::send);
		assertThat(failure.getMessage()).contains("CORS check failed")
			.contains("No 'Access-Control-Allow-Origin' header");
	}

	// ---- Origin ---------------------------------------------------------------------------------------------------

	@Test
	void sameOriginPostCarriesOriginAndSameOriginGetDoesNot() {
		String post = path("post");
		send(page(), "POST", stub(a, post, aResponse().withStatus(200)), false, false, "x");
		String get = path("get");
		get(stub(a, get, aResponse().withStatus(200)), false);

		assertThat(received(a, post).get(0).getHeader("Origin")).isEqualTo(origin());
		assertThat(received(a, get).get(0).containsHeader("Origin")).isFalse();
	}

	@Test
	void aRedirectBackFromAnotherOriginTaintsTheOrigin() {
		String back = path("back");
		stub(a, back, allowing("null"));
		String viaB = path("via-b");
		stub(b, viaB, aResponse().withStatus(302).withHeader("Location", a.baseUrl() + back)
			.withHeader("Access-Control-Allow-Origin", "*"));
		String start = stub(a, path("start"), aResponse().withStatus(302).withHeader("Location", b.baseUrl() + viaB));
		EventRecorder rec = get(start, false);

		assertThat(received(b, viaB).get(0).getHeader("Origin")).isEqualTo(origin());
		assertThat(received(a, back).get(0).getHeader("Origin")).isEqualTo("null");
		assertThat(rec.xhr().getResponseText()).isEqualTo("cors");
	}

	@Test
	void aRedirectResponseFromAnotherOriginMustPassTheCheckToo() {
		String target = path("target");
		stub(b, target, allowing("*"));
		String redirect = path("redirect");
		stub(b, redirect, aResponse().withStatus(302).withHeader("Location", b.baseUrl() + target));

		assertThat(get(b.baseUrl() + redirect, false).events()).containsExactlyElementsOf(NETWORK_ERROR);
		assertThat(received(b, target)).isEmpty();
	}

	// ---- preflight ------------------------------------------------------------------------------------------------

	private static String preflighted(String path, ResponseDefinitionBuilder preflight) {
		b.server().stubFor(WireMock.options(urlPathEqualTo(path)).willReturn(preflight));
		b.server().stubFor(any(urlPathEqualTo(path)).atPriority(10).willReturn(allowing("*")));
		return b.baseUrl() + path;
	}

	private static ResponseDefinitionBuilder preflightAllowing(String methods, String headers) {
		return aResponse().withStatus(204).withHeader("Access-Control-Allow-Origin", "*")
			.withHeader("Access-Control-Allow-Methods", methods)
			.withHeader("Access-Control-Allow-Headers", headers);
	}

	@Test
	void putIsPreflightedWithItsMethodThenSent() {
		String path = path("put");
		EventRecorder rec = send(page(), "PUT", preflighted(path, preflightAllowing("PUT", "")), false, false, "x");

		List<LoggedRequest> requests = received(b, path);
		assertThat(requests).extracting((r) -> r.getMethod().getName()).containsExactly("OPTIONS", "PUT");
		LoggedRequest preflight = requests.get(0);
		assertThat(preflight.getHeader("Access-Control-Request-Method")).isEqualTo("PUT");
		assertThat(preflight.containsHeader("Access-Control-Request-Headers")).isFalse();
		assertThat(preflight.getHeader("Origin")).isEqualTo(origin());
		assertThat(preflight.getBody()).isEmpty();
		assertThat(rec.xhr().getStatus()).isEqualTo((short) 200);
	}

	@Test
	void unsafeHeadersAreListedSortedAndLowerCase() {
		String path = path("headers");
		send(page(), "POST", preflighted(path, preflightAllowing("POST", "X-Foo, Content-Type, x-bar")), false, false,
				"{}", "X-Foo", "1", "Content-Type", "application/json", "X-Bar", "2", "Accept-Language", "de");

		LoggedRequest preflight = received(b, path).get(0);
		assertThat(preflight.getHeader("Access-Control-Request-Headers")).isEqualTo("content-type,x-bar,x-foo");
		assertThat(received(b, path).get(1).getHeader("X-Foo")).isEqualTo("1");
	}

	@Test
	void simplePostIsNotPreflightedButUploadListenersForceOne() {
		String simple = path("simple");
		send(page(), "POST", preflighted(simple, preflightAllowing("POST", "")), false, false, "text");
		assertThat(received(b, simple)).extracting((r) -> r.getMethod().getName()).containsExactly("POST");

		String withListener = path("upload-listener");
		send(page(), "POST", preflighted(withListener, aResponse().withStatus(204)
			.withHeader("Access-Control-Allow-Origin", "*")), false, true, "text");
		assertThat(received(b, withListener)).extracting((r) -> r.getMethod().getName())
			.containsExactly("OPTIONS", "POST");
	}

	@Test
	void aFailedPreflightSendsNothingMore() {
		String failedStatus = path("pf-500");
		assertThat(send(page(), "PUT", preflighted(failedStatus, preflightAllowing("PUT", "").withStatus(500)), false,
				false, "x").events()).contains("error(0,0,f)");
		assertThat(received(b, failedStatus)).hasSize(1);

		String missingHeader = path("pf-header");
		send(page(), "GET", preflighted(missingHeader, preflightAllowing("GET", "X-Other")), false, false, null,
				"X-Foo", "1");
		assertThat(received(b, missingHeader)).extracting((r) -> r.getMethod().getName()).containsExactly("OPTIONS");

		// The standard: "*" never covers Authorization (Chromium lets it through).
		String authorization = path("pf-authorization");
		send(page(), "GET", preflighted(authorization, preflightAllowing("GET", "*")), false, false, null,
				"Authorization", "Bearer t");
		assertThat(received(b, authorization)).hasSize(1);
	}

	@Test
	void aPreflightIsCachedForItsMaxAge() {
		String path = path("cached");
		XhrFactory page = page();
		String url = preflighted(path, preflightAllowing("PUT", "").withHeader("Access-Control-Max-Age", "60"));
		send(page, "PUT", url, false, false, "1");
		send(page, "PUT", url, false, false, "2");

		assertThat(received(b, path)).extracting((r) -> r.getMethod().getName())
			.containsExactly("OPTIONS", "PUT", "PUT");
	}

	// ---- mozSystem ------------------------------------------------------------------------------------------------

	@Test
	void mozSystemSendsNoOriginAndNeedsNoCors() {
		String path = path("system");
		XMLHttpRequest xhr = page().create(new XhrOptions(false, true));
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("PUT", stub(b, path, allowing(null)));
		xhr.setRequestHeader("X-Foo", "1");
		rec.send("x");
		rec.awaitLoadend();

		assertThat(xhr.getMozSystem()).isTrue();
		assertThat(xhr.getMozAnon()).as("mozSystem implies mozAnon, as in Firefox").isTrue();
		assertThat(xhr.getStatus()).isEqualTo((short) 200);
		assertThat(xhr.getResponseHeader("X-Custom")).isEqualTo("c");
		assertThat(received(b, path)).singleElement()
			.satisfies((request) -> assertThat(request.containsHeader("Origin")).isFalse());
	}

}
