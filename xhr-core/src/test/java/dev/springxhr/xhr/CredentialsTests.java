package dev.springxhr.xhr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.springxhr.xhr.support.EventRecorder;
import dev.springxhr.xhr.support.XhrTestServer;

/**
 * Checklist §5 and Fetch's credentials: the factory's cookie store (Set-Cookie stored and Cookie sent only when the
 * credentials mode allows, never visible to script), the URL's credentials answering a Basic challenge, the
 * factory-wide credentials policy and Firefox's {@code mozAnon} — asserted on what two servers (two origins, and two
 * host names for one of them) received.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.springxhr.xhr.CookieStoreKinds#all")
class CredentialsTests {

	@Parameter(0)
	String cookieStoreKind;

	@Parameter(1)
	Function<String, CookieStore> cookieStores;

	private @Nullable XhrFactory factory;

	@RegisterExtension
	static final XhrTestServer<WireMockServer> a = XhrTestServer.wireMock();

	@RegisterExtension
	static final XhrTestServer<WireMockServer> b = XhrTestServer.wireMock();

	private static int paths;

	private static synchronized String path(String name) {
		return "/" + name + "-" + (++paths);
	}

	private static String stub(XhrTestServer<WireMockServer> wireMock, String path,
			ResponseDefinitionBuilder response) {
		wireMock.server().stubFor(any(urlPathEqualTo(path)).willReturn(response));
		return wireMock.baseUrl() + path;
	}

	private static String ok(XhrTestServer<WireMockServer> wireMock, String path) {
		return stub(wireMock, path, aResponse().withStatus(200).withBody("ok"));
	}

	private static String setsCookie(XhrTestServer<WireMockServer> wireMock, String path, String... setCookies) {
		ResponseDefinitionBuilder response = aResponse().withStatus(200).withBody("set");
		for (String value : setCookies) {
			response = response.withHeader("Set-Cookie", value);
		}
		return stub(wireMock, path, response);
	}

	private static LoggedRequest received(XhrTestServer<WireMockServer> wireMock, String path) {
		List<LoggedRequest> requests = wireMock.server().findAll(anyRequestedFor(urlPathEqualTo(path)));
		assertThat(requests).as("requests to %s", path).hasSize(1);
		return requests.get(0);
	}

	private static String cookieOf(XhrTestServer<WireMockServer> wireMock, String path) {
		LoggedRequest request = received(wireMock, path);
		return request.containsHeader("Cookie") ? request.getHeader("Cookie") : null;
	}

	private static EventRecorder send(XhrFactory factory, String url, boolean withCredentials, XhrOptions options,
			String... credentials) {
		XMLHttpRequest xhr = factory.create(options);
		EventRecorder rec = EventRecorder.attach(xhr);
		if (credentials.length == 2) {
			xhr.open("GET", url, true, credentials[0], credentials[1]);
		}
		else {
			rec.open("GET", url);
		}
		xhr.setWithCredentials(withCredentials);
		rec.send(null);
		rec.awaitLoadend();
		return rec;
	}

	private static EventRecorder send(XhrFactory factory, String url, boolean withCredentials) {
		return send(factory, url, withCredentials, XhrOptions.defaults());
	}

	// ---- cookies --------------------------------------------------------------------------------------------

	@Test
	void setCookieIsStoredAndSentBackToTheSameOriginButScriptNeverSeesIt() {
		XhrFactory factory = factory();
		XMLHttpRequest first = send(factory, setsCookie(a, path("set"), "sid=abc; Path=/; HttpOnly",
				"theme=dark; Path=/"), false).xhr();
		assertThat(first.getResponseHeader("Set-Cookie")).isNull();
		assertThat(first.getAllResponseHeaders()).doesNotContainIgnoringCase("set-cookie");

		String next = path("next");
		send(factory, ok(a, next), false);
		assertThat(cookieOf(a, next)).isEqualTo("sid=abc; theme=dark");
	}

	@Test
	void cookiesOfOneFactoryAreNotSeenByAnother() {
		send(newFactory(UnaryOperator.identity()), setsCookie(a, path("set"), "mine=1; Path=/own"), false);
		String next = path("own/next");
		send(newFactory(UnaryOperator.identity()), ok(a, next), false);

		assertThat(cookieOf(a, next)).isNull();
	}

	/** WireMock's base URL names the host {@code localhost}; this names the same server by its IP address. */
	private static String byAddress(XhrTestServer<WireMockServer> wireMock, String url) {
		return url.replace("http://localhost:", "http://127.0.0.1:");
	}

	@Test
	void cookiesNeverGoToAnotherHost() {
		XhrFactory factory = factory();
		send(factory, byAddress(a, setsCookie(a, path("set"), "host=127; Path=/")), false);
		String other = path("other-host");
		// The same server under another name is another host: the cookie is host-only for 127.0.0.1.
		send(factory, ok(a, other), true);

		assertThat(cookieOf(a, other)).isNull();
	}

	@Test
	void aRedirectToAnotherOriginCarriesCookiesOnlyWithCredentials() {
		XhrFactory factory = factory();
		send(factory, setsCookie(a, path("set"), "shared=1; Path=/"), false);

		// b is another origin (another port) of the same host; cookies ignore ports, so only the credentials mode
		// decides. Without an origin the request's origin is its first URL, a.
		String without = path("without");
		setsCookie(b, without, "fromB=1; Path=/");
		send(factory, stub(a, path("to-b"), aResponse().withStatus(302).withHeader("Location", b.baseUrl() + without)),
				false);
		assertThat(cookieOf(b, without)).isNull();

		String with = path("with");
		setsCookie(b, with, "fromB=2; Path=/");
		send(factory, stub(a, path("to-b"), aResponse().withStatus(302).withHeader("Location", b.baseUrl() + with)),
				true);
		assertThat(cookieOf(b, with)).isEqualTo("shared=1");

		String check = path("check");
		send(factory, ok(a, check), false);
		assertThat(cookieOf(a, check)).as("only the credentialed Set-Cookie was stored").isEqualTo("shared=1; fromB=2");
	}

	@Test
	void cookiesSetByARedirectAreSentOnTheNextHop() {
		XhrFactory factory = factory();
		String home = path("home");
		ok(a, home);
		String login = stub(a, path("login"),
				aResponse().withStatus(302).withHeader("Location", home).withHeader("Set-Cookie", "session=s1; Path=/"));
		send(factory, login, false);

		assertThat(cookieOf(a, home)).isEqualTo("session=s1");
	}

	@Test
	void maxAgeZeroDeletesAndPathScopesCookies() {
		XhrFactory factory = factory();
		send(factory, setsCookie(a, path("set"), "gone=1; Path=/", "scoped=1; Path=/scoped"), false);
		send(factory, setsCookie(a, path("delete"), "gone=; Path=/; Max-Age=0"), false);
		String outside = path("outside");
		String inside = "/scoped" + path("in");
		send(factory, ok(a, outside), false);
		send(factory, ok(a, inside), false);

		assertThat(cookieOf(a, outside)).isNull();
		assertThat(cookieOf(a, inside)).isEqualTo("scoped=1");
	}

	@Test
	void cookiesForAnotherDomainOrAPublicSuffixOrTooLargeAreNotStored() {
		XhrFactory factory = factory();
		send(factory, setsCookie(a, path("bad"), "a=1; Domain=example.com; Path=/", "b=1; Domain=com; Path=/",
				"c=" + "x".repeat(5000) + "; Path=/", "good=1; Path=/"), false);
		String next = path("next");
		send(factory, ok(a, next), false);

		assertThat(cookieOf(a, next)).isEqualTo("good=1");
	}

	@Test
	void policyOmitNeverSendsCookiesAndIncludeAlwaysDoes() {
		XhrFactory omit = newFactory((settings) -> settings.withCredentialsPolicy(CredentialsPolicy.OMIT));
		send(omit, setsCookie(a, path("set"), "o=1; Path=/omit"), false);
		String omitted = "/omit" + path("next");
		send(omit, ok(a, omitted), true);
		assertThat(cookieOf(a, omitted)).isNull();

		XhrFactory include = newFactory((settings) -> settings.withCredentialsPolicy(CredentialsPolicy.INCLUDE));
		send(include, setsCookie(a, path("set"), "i=1; Path=/"), false);
		String crossOrigin = path("cross");
		ok(b, crossOrigin);
		send(include, stub(a, path("to-b"), aResponse().withStatus(307).withHeader("Location",
				b.baseUrl() + crossOrigin)), false);
		assertThat(cookieOf(b, crossOrigin)).isEqualTo("i=1");
	}

	@Test
	void mozAnonSendsNoCookiesStoresNoneAndAnswersNoChallenge() {
		XhrFactory factory = factory();
		send(factory, setsCookie(a, path("set"), "anon=1; Path=/anon"), false);
		String next = "/anon" + path("next");
		XMLHttpRequest xhr = send(factory, setsCookie(a, next, "other=1; Path=/anon"), true,
				new XhrOptions(true, false)).xhr();
		assertThat(xhr.getMozAnon()).isTrue();
		assertThat(cookieOf(a, next)).isNull();

		String challenge = stub(a, path("challenge"),
				aResponse().withStatus(401).withHeader("WWW-Authenticate", "Basic realm=\"x\""));
		send(factory, challenge, false, new XhrOptions(true, false), "user", "pass");
		assertThat(received(a, URI.create(challenge).getPath()).containsHeader("Authorization")).isFalse();

		String after = "/anon" + path("after");
		send(factory, ok(a, after), false);
		assertThat(cookieOf(a, after)).isEqualTo("anon=1");
	}

	// ---- HTTP authentication ------------------------------------------------------------------------------------

	@Test
	void theOpenCredentialsAnswerABasicChallengeOnce() {
		String path = path("auth");
		stub(a, path, aResponse().withStatus(401).withHeader("WWW-Authenticate", "Basic realm=\"r\""));
		XMLHttpRequest xhr = send(factory(), a.baseUrl() + path, false, XhrOptions.defaults(), "user", "pass").xhr();

		List<LoggedRequest> requests = a.server().findAll(anyRequestedFor(urlPathEqualTo(path)));
		assertThat(requests).hasSize(2);
		assertThat(requests.get(0).containsHeader("Authorization")).isFalse();
		assertThat(requests.get(1).getHeader("Authorization")).isEqualTo("Basic dXNlcjpwYXNz");
		assertThat(xhr.getStatus()).isEqualTo((short) 401);
	}

	@Test
	void urlUserinfoAnswersTheChallengeToo() {
		String path = path("auth-url");
		stub(a, path, aResponse().withStatus(401).withHeader("WWW-Authenticate", "Basic realm=\"r\""));
		send(newFactory(UnaryOperator.identity()), "http://us%C3%A9r:p%40ss@localhost:" + a.port() + path, false);

		List<LoggedRequest> requests = a.server().findAll(anyRequestedFor(urlPathEqualTo(path)));
		assertThat(requests).hasSize(2);
		// user "usér", password "p@ss", UTF-8 then base64
		assertThat(requests.get(1).getHeader("Authorization")).isEqualTo("Basic dXPDqXI6cEBzcw==");
	}

	@Test
	void a401WithoutABasicChallengeIsTheResponse() {
		String path = path("no-challenge");
		stub(a, path, aResponse().withStatus(401));
		XMLHttpRequest xhr = send(factory(), a.baseUrl() + path, false, XhrOptions.defaults(), "user", "pass").xhr();

		assertThat(a.server().findAll(anyRequestedFor(urlPathEqualTo(path)))).hasSize(1);
		assertThat(xhr.getStatus()).isEqualTo((short) 401);
	}

	@Test
	void credentialsAreNeverSentWithoutAChallenge() {
		String path = path("no-auth-needed");
		send(newFactory(UnaryOperator.identity()), ok(a, path).replace("http://", "http://user:pass@"), false);

		assertThat(received(a, path).containsHeader("Authorization")).isFalse();
	}

	/** The test's factory, on the cookie stores of this run: the same one all test long. */
	private XhrFactory factory() {
		XhrFactory current = this.factory;
		if (current == null) {
			current = newFactory(UnaryOperator.identity());
			this.factory = current;
		}
		return current;
	}

	/** A new factory with changed settings, on the cookie stores of this run. */
	private XhrFactory newFactory(UnaryOperator<XhrSettings> settings) {
		return a.newFactory(settings, this.cookieStores);
	}

}
