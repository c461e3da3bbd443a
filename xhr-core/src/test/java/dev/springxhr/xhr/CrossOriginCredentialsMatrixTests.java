package dev.springxhr.xhr;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;

import dev.springxhr.xhr.support.EventRecorder;
import dev.springxhr.xhr.support.RawHttpServer;
import dev.springxhr.xhr.support.RawHttpServer.RawRequest;
import dev.springxhr.xhr.internal.fetch.CredentialsMode;
import dev.springxhr.xhr.support.XhrTestServer;

/**
 * Which hop gets the cookie set by origin A, the author's {@code Authorization} header and the URL's credentials,
 * over every combination of route (directly to B, A→B, A→B→A), {@code withCredentials}, credentials policy,
 * {@code mozAnon} and page origin — asserted on the bytes each server received. A and B are the same host on two
 * ports: cookies ignore ports, so only the credentials mode keeps A's cookie from B.
 *
 * <p>The expectations are Fetch's, written out here: cookies go on a hop iff the credentials mode is include, or
 * same-origin with the hop same-origin with the request's origin and the response not yet CORS-tainted (Fetch §4.5
 * step 8 "includeCredentials", §4.1 main fetch step 12); the author's Authorization is removed at the first
 * redirect to another origin (§4.4 HTTP-redirect fetch step 13) and never comes back; the URL's credentials only
 * answer a 401 challenge (§4.5 step 14) and a preflight carries no credentials at all (§4.10).
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.springxhr.xhr.CookieStoreKinds#all")
class CrossOriginCredentialsMatrixTests {

	@Parameter(0)
	String cookieStoreKind;

	@Parameter(1)
	Function<String, CookieStore> cookieStores;

	private @Nullable XhrFactory factory;

	@RegisterExtension
	static final XhrTestServer<RawHttpServer> a = XhrTestServer.raw();

	@RegisterExtension
	static final XhrTestServer<RawHttpServer> b = XhrTestServer.raw();

	private static final String COOKIE = "sid=cookie-secret-a";

	private static final String AUTHORIZATION = "Bearer author-secret";

	private static final AtomicInteger IDS = new AtomicInteger();

	enum Route {

		/** The request goes to B. */
		DIRECT_TO_B,
		/** A answers 307 to B. */
		A_TO_B,
		/** A answers 307 to B, B answers 307 back to A. */
		A_TO_B_TO_A

	}

	static Stream<Arguments> matrix() {
		List<Arguments> combinations = new ArrayList<>();
		for (Route route : Route.values()) {
			for (boolean withCredentials : new boolean[] { false, true }) {
				for (CredentialsPolicy policy : CredentialsPolicy.values()) {
					for (boolean mozAnon : new boolean[] { false, true }) {
						for (boolean pageOrigin : new boolean[] { false, true }) {
							combinations.add(Arguments.of(route, withCredentials, policy, mozAnon, pageOrigin));
						}
					}
				}
			}
		}
		return combinations.stream();
	}

	/** Answers with CORS headers that let everything through, echoing the Origin (which may be "null"). */
	private static byte[] permissive(RawRequest request, String statusLine, String... headerLines) {
		List<String> lines = new ArrayList<>(List.of(headerLines));
		List<String> origin = request.headerValues("Origin");
		if (!origin.isEmpty()) {
			lines.add("Access-Control-Allow-Origin: " + origin.get(0));
			lines.add("Access-Control-Allow-Credentials: true");
			lines.add("Access-Control-Allow-Headers: authorization");
			lines.add("Access-Control-Allow-Methods: GET");
		}
		lines.add("Content-Length: 2");
		return RawHttpServer.response(statusLine, "ok", lines.toArray(String[]::new));
	}

	private static void route(XhrTestServer<RawHttpServer> origin, String path, @Nullable String location) {
		origin.server().route(path, (request) -> {
			if (request.method().equals("OPTIONS")) {
				return permissive(request, "HTTP/1.1 200 OK");
			}
			return (location != null) ? permissive(request, "HTTP/1.1 307 Temporary Redirect", "Location: " + location)
					: permissive(request, "HTTP/1.1 200 OK");
		});
	}

	private static boolean sameOrigin(XhrTestServer<RawHttpServer> one, XhrTestServer<RawHttpServer> other) {
		return one == other;
	}

	@ParameterizedTest(name = "{0} withCredentials={1} policy={2} mozAnon={3} pageOrigin={4}")
	@MethodSource("matrix")
	void eachHopGetsExactlyTheCredentialsFetchAllows(Route route, boolean withCredentials, CredentialsPolicy policy,
			boolean mozAnon, boolean pageOrigin) {
		int id = IDS.incrementAndGet();
		XhrFactory factory = newFactory((settings) -> {
			XhrSettings withPolicy = settings.withCredentialsPolicy(policy);
			return pageOrigin ? withPolicy.withOrigin(URI.create(a.baseUrl())) : withPolicy;
		});
		// A sets a cookie in a plain same-origin request: stored unless the policy is OMIT.
		a.server().route("/set-" + id, RawHttpServer.response("HTTP/1.1 200 OK", "ok",
				"Set-Cookie: " + COOKIE + "; Path=/", "Content-Length: 2"));
		EventRecorder set = EventRecorder.attach(factory.create());
		set.open("GET", a.baseUrl() + "/set-" + id);
		set.send();
		set.awaitLoadend();

		List<XhrTestServer<RawHttpServer>> hops = switch (route) {
			case DIRECT_TO_B -> List.of(b);
			case A_TO_B -> List.of(a, b);
			case A_TO_B_TO_A -> List.of(a, b, a);
		};
		List<String> paths = new ArrayList<>();
		for (int i = 0; i < hops.size(); i++) {
			paths.add("/hop" + i + "-" + id);
		}
		for (int i = 0; i < hops.size(); i++) {
			String next = (i + 1 < hops.size()) ? hops.get(i + 1).baseUrl() + paths.get(i + 1) : null;
			route(hops.get(i), paths.get(i), next);
		}

		XMLHttpRequest xhr = factory.create(new XhrOptions(mozAnon, false));
		EventRecorder rec = EventRecorder.attach(xhr);
		String start = hops.get(0).baseUrl().replace("http://", "http://user:url-secret@") + paths.get(0);
		rec.open("GET", start);
		xhr.setWithCredentials(withCredentials);
		xhr.setRequestHeader("Authorization", AUTHORIZATION);
		rec.send();
		rec.awaitLoadend();
		assertThat(xhr.getStatus()).as("%s", rec.events()).isEqualTo((short) 200);

		CredentialsMode mode = CredentialsMode.of(CredentialsMode.valueOf(policy.name()), withCredentials, mozAnon);
		boolean cookieStored = policy != CredentialsPolicy.OMIT;
		XhrTestServer<RawHttpServer> requestOrigin = pageOrigin ? a : hops.get(0);
		boolean tainted = false;
		boolean authorizationKept = true;
		for (int i = 0; i < hops.size(); i++) {
			XhrTestServer<RawHttpServer> hop = hops.get(i);
			if (i > 0 && !sameOrigin(hops.get(i - 1), hop)) {
				authorizationKept = false;
			}
			if (pageOrigin && !sameOrigin(requestOrigin, hop)) {
				tainted = true;
			}
			boolean includeCredentials = switch (mode) {
				case INCLUDE -> true;
				case SAME_ORIGIN -> !tainted && sameOrigin(requestOrigin, hop);
				case OMIT -> false;
			};
			List<RawRequest> received = hop.server().requestsTo(paths.get(i));
			List<RawRequest> preflights = received.stream().filter((r) -> r.method().equals("OPTIONS")).toList();
			List<RawRequest> requests = received.stream().filter((r) -> r.method().equals("GET")).toList();
			String where = "hop " + i + " (" + ((hop == a) ? "A" : "B") + ")";
			assertThat(requests).as(where).hasSize(1);
			RawRequest request = requests.get(0);
			assertThat(request.headerValues("Cookie")).as("Cookie at %s", where)
				.isEqualTo((includeCredentials && cookieStored) ? List.of(COOKIE) : List.of());
			assertThat(request.headerValues("Authorization")).as("Authorization at %s", where)
				.isEqualTo(authorizationKept ? List.of(AUTHORIZATION) : List.of());
			for (RawRequest preflight : preflights) {
				assertThat(preflight.headerValues("Cookie")).as("Cookie on a preflight").isEmpty();
				assertThat(preflight.headerValues("Authorization")).as("Authorization on a preflight").isEmpty();
			}
		}
	}

	// Fetch §4.5 step 14: the URL's credentials answer a challenge of the URL's own origin; after A→B the current
	// URL is B's and has none, so B's challenge is the response and A's user and password never reach B.
	@Test
	void aChallengeFromAnotherOriginNeverGetsTheCredentialsOfTheFirstUrl() {
		int id = IDS.incrementAndGet();
		XhrFactory factory = newFactory((settings) -> settings.withCredentialsPolicy(CredentialsPolicy.INCLUDE));
		a.server().route("/to-b-" + id, RawHttpServer.response("HTTP/1.1 307 Temporary Redirect", "",
				"Location: " + b.baseUrl() + "/challenge-" + id, "Content-Length: 0"));
		b.server().route("/challenge-" + id, RawHttpServer.response("HTTP/1.1 401 Unauthorized", "no",
				"WWW-Authenticate: Basic realm=\"b\"", "Content-Length: 2"));
		XMLHttpRequest xhr = factory.create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", a.baseUrl().replace("http://", "http://user:url-secret@") + "/to-b-" + id);
		xhr.setWithCredentials(true);
		rec.send();
		rec.awaitLoadend();

		assertThat(xhr.getStatus()).isEqualTo((short) 401);
		List<RawRequest> atB = b.server().requestsTo("/challenge-" + id);
		assertThat(atB).hasSize(1);
		assertThat(atB.get(0).headerValues("Authorization")).isEmpty();
		assertThat(a.server().requestsTo("/to-b-" + id).get(0).headerValues("Authorization")).isEmpty();
	}

	// Fetch §4.4 HTTP-redirect fetch step 8: a CORS request cannot be redirected to a URL with credentials of
	// another origin, so credentials planted in a Location never reach B.
	@Test
	void aCorsRedirectToAUrlWithCredentialsIsANetworkError() {
		int id = IDS.incrementAndGet();
		XhrFactory factory = newFactory((settings) -> settings.withOrigin(URI.create(a.baseUrl())));
		a.server().route("/to-b-" + id, RawHttpServer.response("HTTP/1.1 307 Temporary Redirect", "",
				"Location: " + b.baseUrl().replace("http://", "http://planted:secret@") + "/never-" + id,
				"Content-Length: 0"));
		EventRecorder rec = EventRecorder.attach(factory.create());
		rec.open("GET", a.baseUrl() + "/to-b-" + id);
		rec.send();
		rec.awaitLoadend();

		assertThat(rec.count("error")).isEqualTo(1);
		assertThat(b.server().requestsTo("/never-" + id)).isEmpty();
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
