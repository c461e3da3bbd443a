package dev.springxhr.xhr;

import static dev.springxhr.xhr.support.DomExceptionAssert.assertThrowsDomException;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import dev.springxhr.xhr.support.EventRecorder;
import dev.springxhr.xhr.support.RawHttpServer;
import dev.springxhr.xhr.support.RawHttpServer.RawRequest;
import dev.springxhr.xhr.support.XhrTestServer;

/**
 * Checklist §14, Fetch's HTTP-redirect fetch, done by the engine: which statuses are followed, method and body
 * rewriting, the limit of 20, bad and non-HTTP(S) Locations, {@code responseURL}, and {@code Authorization} dropped
 * when the redirect crosses origins — asserted on what each of two servers (two origins) received.
 */
class RedirectTests {

	@RegisterExtension
	static final XhrTestServer<RawHttpServer> a = XhrTestServer.raw();

	@RegisterExtension
	static final XhrTestServer<RawHttpServer> b = XhrTestServer.raw();

	private static int routes;

	private static synchronized String path(String prefix) {
		return "/" + prefix + "-" + (++routes);
	}

	/** A route on {@code origin} that redirects with {@code status} to {@code location}. */
	private static String redirect(XhrTestServer<RawHttpServer> origin, int status, String location) {
		String path = path("redirect");
		// A response to HEAD has no body: sending one would corrupt the kept-alive connection.
		origin.server().route(path, (request) -> RawHttpServer.response("HTTP/1.1 " + status + " Moved",
				request.method().equals("HEAD") ? "" : "moved", "Location: " + location, "Content-Length: 5"));
		return origin.baseUrl() + path;
	}

	/** A route that answers 200 with the request method as the body. */
	private static String target(XhrTestServer<RawHttpServer> origin) {
		String path = path("target");
		origin.server().route(path, (request) -> {
			String body = request.method() + " " + request.body().length;
			return RawHttpServer.response("HTTP/1.1 200 OK", request.method().equals("HEAD") ? "" : body,
					"Content-Length: " + body.length(), "Content-Type: text/plain");
		});
		return origin.baseUrl() + path;
	}

	private static RawRequest only(XhrTestServer<RawHttpServer> origin, String url) {
		String path = url.substring(origin.baseUrl().length());
		List<RawRequest> received = origin.server().requestsTo(path.contains("?") ? path.substring(0, path.indexOf('?'))
				: path);
		assertThat(received).as("requests to %s among %s", path,
				origin.server().requests().stream().map(RawRequest::target).toList()).hasSize(1);
		return received.get(0);
	}

	private EventRecorder send(String method, String url, @Nullable Object body, String... headers) {
		XMLHttpRequest xhr = a.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open(method, url);
		for (int i = 0; i < headers.length; i += 2) {
			xhr.setRequestHeader(headers[i], headers[i + 1]);
		}
		rec.send(body);
		rec.awaitLoadend();
		return rec;
	}

	@ParameterizedTest
	@CsvSource({ "301, POST, GET", "302, POST, GET", "303, POST, GET", "303, PUT, GET", "303, DELETE, GET",
			"301, PUT, PUT", "302, PATCH, PATCH", "307, POST, POST", "308, POST, POST", "307, PUT, PUT" })
	void redirectRewritesTheMethodAsFetchSays(int status, String method, String finalMethod) {
		String target = target(a);
		String start = redirect(a, status, target);
		EventRecorder rec = send(method, start, "12345678", "Content-Type", "application/x-pony");
		XMLHttpRequest xhr = rec.xhr();

		assertThat(xhr.getStatus()).as("%s %s", rec.events(), xhr.getResponseText()).isEqualTo((short) 200);
		RawRequest received = only(a, target);
		assertThat(received.method()).isEqualTo(finalMethod);
		if (finalMethod.equals("GET")) {
			// The body and its headers go; Content-Type is a request-body header.
			assertThat(received.body()).isEmpty();
			assertThat(received.headerValues("Content-Type")).isEmpty();
			assertThat(received.headerValues("Content-Length")).isEmpty();
		}
		else {
			assertThat(new String(received.body(), StandardCharsets.UTF_8)).isEqualTo("12345678");
			assertThat(received.headerValues("Content-Type")).containsExactly("application/x-pony");
			assertThat(received.headerValues("Content-Length")).containsExactly("8");
		}
		assertThat(xhr.getStatus()).isEqualTo((short) 200);
		assertThat(xhr.getResponseURL()).isEqualTo(target);
	}

	@ParameterizedTest
	@ValueSource(ints = { 301, 302, 303, 307, 308 })
	void getKeepsItsAuthorContentTypeThroughEveryRedirect(int status) {
		// WPT send-redirect.htm: GET is not rewritten, so its headers are kept.
		String target = target(a);
		send("GET", redirect(a, status, target), null, "Content-Type", "application/x-pony");

		assertThat(only(a, target).headerValues("Content-Type")).containsExactly("application/x-pony");
	}

	@Test
	void headStaysHeadThrough303() {
		String target = target(a);
		send("HEAD", redirect(a, 303, target), null);

		assertThat(only(a, target).method()).isEqualTo("HEAD");
	}

	@ParameterizedTest
	@ValueSource(ints = { 300, 304, 305, 306, 309, 399 })
	void otherStatusesAreNotFollowed(int status) {
		String target = target(a);
		String path = path("not-followed");
		a.server().route(path, RawHttpServer.response("HTTP/1.1 " + status + " Not Followed", "",
				"Location: " + target, "Content-Length: 0"));
		XMLHttpRequest xhr = send("GET", a.baseUrl() + path, null).xhr();

		assertThat(xhr.getStatus()).isEqualTo((short) status);
		assertThat(a.server().requestsTo(target.substring(a.baseUrl().length()))).isEmpty();
	}

	@Test
	void redirectWithoutLocationIsTheResponse() {
		String path = path("no-location");
		a.server().route(path, RawHttpServer.response("HTTP/1.1 302 ABE ODDYSSEE", "<x>1</x>", "Content-Type: text/xml",
				"Content-Length: 8"));
		XMLHttpRequest xhr = send("GET", a.baseUrl() + path, null).xhr();

		assertThat(xhr.getStatus()).isEqualTo((short) 302);
		assertThat(xhr.getStatusText()).isEqualTo("ABE ODDYSSEE");
		assertThat(xhr.getResponseXML()).isNotNull();
	}

	@Test
	void aChainIsFollowedWithOneHeadersReceivedAndTheFinalUrl() {
		String target = target(a);
		String third = redirect(a, 307, target + "#frag");
		String second = redirect(a, 302, third);
		String first = redirect(a, 301, second.substring(a.baseUrl().length()));
		EventRecorder rec = send("GET", first, null);

		assertThat(rec.events()).containsExactly("rsc(1)", "loadstart(0,0,f)", "rsc(2)", "rsc(3)", "progress(5,5,t)",
				"rsc(4)", "load(5,5,t)", "loadend(5,5,t)");
		assertThat(rec.xhr().getResponseURL()).isEqualTo(target);
		assertThat(rec.xhr().getResponseText()).isEqualTo("GET 0");
	}

	private String chain(XhrTestServer<RawHttpServer> origin, int redirects, String target) {
		String next = target;
		for (int i = 0; i < redirects; i++) {
			next = redirect(origin, 302, next);
		}
		return next;
	}

	@Test
	void twentyRedirectsAreFollowedAndTheTwentyFirstIsANetworkError() {
		String target = target(a);
		XMLHttpRequest twenty = send("GET", chain(a, 20, target), null).xhr();
		assertThat(twenty.getStatus()).isEqualTo((short) 200);

		String other = target(a);
		EventRecorder rec = send("GET", chain(a, 21, other), null);
		assertThat(rec.events()).containsExactly("rsc(1)", "loadstart(0,0,f)", "rsc(4)", "error(0,0,f)",
				"loadend(0,0,f)");
		assertThat(rec.xhr().getResponseText()).isEmpty();
		assertThat(a.server().requestsTo(other.substring(a.baseUrl().length()))).isEmpty();
	}

	@Test
	void theFactoryCanFollowFewerRedirects() {
		XhrFactory strict = a.newFactory((settings) -> settings.withMaxRedirects(2));
		XMLHttpRequest xhr = strict.create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", chain(a, 3, target(a)));
		rec.send(null);
		rec.awaitLoadend();

		assertThat(rec.events()).contains("error(0,0,f)");
	}

	@Test
	void aRedirectLoopEndsInANetworkErrorAndASyncSendThrows() {
		String path = path("loop");
		a.server()
			.route(path, RawHttpServer.response("HTTP/1.1 302 Found", "", "Location: " + path, "Content-Length: 0"));
		assertThat(send("GET", a.baseUrl() + path, null).events()).contains("error(0,0,f)");

		XMLHttpRequest sync = a.factory().create();
		sync.open("GET", a.baseUrl() + path, false);
		assertThrowsDomException("NetworkError", sync::send);
		assertThat(sync.getReadyState()).isEqualTo(XMLHttpRequest.DONE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "data:text/plain,hi", "ftp://127.0.0.1/x", "file:///etc/passwd", "http://[bad" })
	void redirectToANonHttpOrBadLocationIsANetworkError(String location) {
		EventRecorder rec = send("GET", redirect(a, 302, location), null);

		assertThat(rec.events()).containsExactly("rsc(1)", "loadstart(0,0,f)", "rsc(4)", "error(0,0,f)",
				"loadend(0,0,f)");
	}

	@Test
	void authorizationIsKeptOnTheSameOriginAndDroppedAcrossOrigins() {
		String sameOrigin = target(a);
		send("GET", redirect(a, 302, sameOrigin), null, "Authorization", "Bearer secret");
		assertThat(only(a, sameOrigin).headerValues("Authorization")).containsExactly("Bearer secret");

		String otherOrigin = target(b);
		String back = target(a);
		// a -> b -> a: once another origin was seen, Authorization is gone for good.
		String viaB = redirect(b, 302, back);
		send("GET", redirect(a, 302, viaB), null, "Authorization", "Bearer secret", "X-Kept", "yes");
		assertThat(only(b, viaB).headerValues("Authorization")).isEmpty();
		assertThat(only(b, viaB).headerValues("X-Kept")).containsExactly("yes");
		assertThat(only(a, back).headerValues("Authorization")).isEmpty();
		send("GET", redirect(a, 307, otherOrigin), null, "Authorization", "Bearer secret");
		assertThat(only(b, otherOrigin).headerValues("Authorization")).isEmpty();
	}

	@Test
	void userAgentIsPreservedAcrossRedirects() {
		String target = target(b);
		send("GET", redirect(a, 302, target), null, "User-Agent", "agent/1");

		assertThat(only(b, target).headerValues("User-Agent")).containsExactly("agent/1");
	}

	@Test
	void aPublisherBodyCannotBeSentAgainFor307ButAnInputStreamCan() {
		byte[] bytes = "stream!".getBytes(StandardCharsets.US_ASCII);
		Flux<org.springframework.core.io.buffer.DataBuffer> once = Flux
			.just(DefaultDataBufferFactory.sharedInstance.wrap(ByteBuffer.wrap(bytes)));
		EventRecorder failed = send("POST", redirect(a, 307, target(a)), StreamingBody.of(once, bytes.length, null));
		assertThat(failed.events()).contains("error(0,0,f)");

		String target = target(a);
		send("POST", redirect(a, 307, target),
				StreamingBody.fromInputStream(() -> new ByteArrayInputStream(bytes), bytes.length, null));
		assertThat(only(a, target).body()).isEqualTo(bytes);

		// A 303 drops the body, so even a one-shot publisher is fine.
		String after303 = target(a);
		Flux<org.springframework.core.io.buffer.DataBuffer> another = Flux
			.just(DefaultDataBufferFactory.sharedInstance.wrap(ByteBuffer.wrap(bytes)));
		send("POST", redirect(a, 303, after303), StreamingBody.of(another, bytes.length, null));
		assertThat(only(a, after303).method()).isEqualTo("GET");
	}

	@Test
	void syncRequestsFollowRedirectsToo() {
		String target = target(b);
		XMLHttpRequest xhr = a.factory().create();
		xhr.open("POST", redirect(a, 308, target), false);
		xhr.send("sync");

		assertThat(xhr.getResponseText()).isEqualTo("POST 4");
		assertThat(xhr.getResponseURL()).isEqualTo(target);
	}

	@Test
	void uploadEventsReportTheFirstHopOnlyAndEndBeforeTheFinalHeaders() {
		String target = target(a);
		XMLHttpRequest xhr = a.factory().create();
		EventRecorder rec = EventRecorder.attachWithUpload(xhr);
		rec.open("POST", redirect(a, 307, target));
		rec.send("twelve bytes");
		rec.awaitLoadend();

		assertThat(rec.events()).containsSubsequence("u.loadstart(0,12,t)", "u.load(12,12,t)", "u.loadend(12,12,t)",
				"rsc(2)", "load(7,7,t)");
		assertThat(rec.events().stream().filter((e) -> e.startsWith("u.loadend"))).hasSize(1);
	}

	@Test
	void theChannelShowsTheFinalUriProtocolAndServer() {
		String target = target(b);
		XMLHttpRequest xhr = send("GET", redirect(a, 302, target), null).xhr();

		XhrChannel channel = (XhrChannel) xhr.getChannel();
		assertThat(channel.uri()).hasToString(target);
		assertThat(channel.protocol()).isEqualTo("HTTP/1.1");
		assertThat(channel.remoteAddress().getPort()).isEqualTo(b.port());
		xhr.abort();
		assertThat(xhr.getChannel()).isNull();
	}

}
