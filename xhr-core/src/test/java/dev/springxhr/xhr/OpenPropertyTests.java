package dev.springxhr.xhr;

import static dev.springxhr.xhr.support.DomExceptionAssert.assertThrowsDomException;
import static dev.springxhr.xhr.support.HostileStrings.almostToken;
import static dev.springxhr.xhr.support.HostileStrings.hostile;
import static dev.springxhr.xhr.support.HostileStrings.oneOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.support.PropertyCheck;

/**
 * Properties of {@code open()} (checklist §2, XHR §3.2 open() steps 2–5, 10–11) over generated methods and URLs:
 * which exception, if any, is decided by the method's and the URL's grammar alone, and it is never of another type.
 * The oracle is written here from the standard's grammar, not taken from the engine.
 */
class OpenPropertyTests {

	/** RFC 9110 token = 1*tchar; Fetch's "method" is a token. */
	static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

	private static final Set<String> FORBIDDEN = Set.of("CONNECT", "TRACE", "TRACK");

	private static final Set<String> NORMALIZED = Set.of("DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT");

	static final List<String> EDGE_METHODS = List.of("", "get", "GeT", "post", "Put", "delete", "head", "options",
			"patch", "PATCH", "connect", "CONNECT", "trace", "TrAcK", "TRACE ", " GET", "GET\n", "GET\r\n", "G T",
			"xUNIcorn", "\u0130", "get\u0131", "GET\u0000", "@GET", "G:ET", "GET?", "\u00ff", "\ud800");

	static final List<String> EDGE_URLS = List.of("", " ", "http://", "http:", "//", "http://[::1", "http://a b/",
			"http://%zz/", "http://example.com:99999/", "data:,x", "about:blank", "javascript:alert(1)",
			"http://exa\u0000mple.com/", "\ud800", "http://example.com/\r\nHost: evil", "http://example.com/ HTTP/1.1",
			"\\\\evil.example/", "http://u:p@example.com/#frag", "file:///etc/passwd");

	private final List<XhrEventInfo> observed = new CopyOnWriteArrayList<>();

	private final XhrFactory factory = new WebClientXhrFactory(WebClient.builder(),
			XhrSettings.defaults().withBaseUrl(URI.create("http://127.0.0.1:9/base/")), Runnable::run,
			this.observed::add);

	private final List<XhrEventInfo> observedWithoutBase = new CopyOnWriteArrayList<>();

	private final XhrFactory factoryWithoutBase = new WebClientXhrFactory(WebClient.builder(),
			XhrSettings.defaults(), Runnable::run, this.observedWithoutBase::add);

	static String method(SplittableRandom random) {
		return (random.nextInt(10) == 0) ? oneOf(random, EDGE_METHODS.toArray(String[]::new)) : almostToken(random);
	}

	static String url(SplittableRandom random) {
		String tail = hostile(random, 30);
		return switch (random.nextInt(9)) {
			case 0 -> tail;
			case 1 -> "http://" + tail;
			case 2 -> "http://example.com/" + tail;
			case 3 -> "http://example.com:" + tail;
			case 4 -> "https://[" + tail + "]/";
			case 5 -> "http://u:" + tail + "@example.com/?" + tail + "#" + tail;
			case 6 -> "/" + tail + "?" + tail;
			case 7 -> tail + ":" + tail;
			default -> oneOf(random, EDGE_URLS.toArray(String[]::new)) + tail;
		};
	}

	// XHR §3.2 open() steps 2-4: a ByteString conversion failure is WebIDL's TypeError, a non-token is a
	// SyntaxError, a forbidden method a SecurityError; every other token opens, normalized as Fetch says.
	@Test
	void theMethodOutcomeIsDecidedByTheTokenGrammarAndTheForbiddenList() {
		PropertyCheck.forAll(20240811L, 2000, OpenPropertyTests::method, EDGE_METHODS, (method) -> {
			XMLHttpRequest xhr = this.factory.create();
			if (!method.chars().allMatch((c) -> c <= 0xFF)) {
				assertThat(catchThrowable(() -> xhr.open(method, "/x")))
					.isExactlyInstanceOf(TypeError.class);
				assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.UNSENT);
			}
			else if (!TOKEN.matcher(method).matches()) {
				assertThrowsDomException("SyntaxError", () -> xhr.open(method, "/x"));
				assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.UNSENT);
			}
			else if (FORBIDDEN.contains(method.toUpperCase(Locale.ROOT))) {
				assertThrowsDomException("SecurityError", () -> xhr.open(method, "/x"));
				assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.UNSENT);
			}
			else {
				this.observed.clear();
				xhr.open(method, "/x");
				assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.OPENED);
				// Fetch "normalize a method": only the six are upper-cased, every other token is kept byte for byte
				// (a token is ASCII, so Locale.ROOT upper-casing is byte upper-casing here).
				String upper = method.toUpperCase(Locale.ROOT);
				String expected = NORMALIZED.contains(upper) ? upper : method;
				assertThat(this.observed).singleElement().satisfies((info) -> {
					assertThat(info.eventType()).isEqualTo("readystatechange");
					assertThat(info.method()).isEqualTo(expected);
				});
			}
		});
	}

	// XHR §3.2 open() step 5: a URL that does not parse is a SyntaxError, and nothing else ever is; a URL that
	// parses leaves the request OPENED with an empty response (steps 10-11).
	@Test
	void aUrlEitherOpensOrIsASyntaxErrorAndNothingElse() {
		PropertyCheck.forAll(20240812L, 3000, OpenPropertyTests::url, EDGE_URLS, (url) -> {
			XMLHttpRequest xhr = this.factory.create();
			Throwable thrown = catchThrowable(() -> xhr.open("GET", url));
			if (thrown != null) {
				assertThat(thrown).isExactlyInstanceOf(DOMException.class);
				assertThat(((DOMException) thrown).getName()).isEqualTo("SyntaxError");
				assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.UNSENT);
				return;
			}
			assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.OPENED);
			assertThat(xhr.getStatus()).isZero();
			assertThat(xhr.getResponseText()).isEmpty();
			assertThat(xhr.getResponseURL()).isEmpty();
			assertThat(xhr.getAllResponseHeaders()).isEmpty();
		});
	}

	// XHR §3.2 open() step 5: without a base URL a relative URL cannot be parsed; what opens is absolute, and
	// opens to the same URL against any base.
	@Test
	void withoutABaseUrlOnlyAbsoluteUrlsOpen() {
		PropertyCheck.forAll(20240813L, 1000, OpenPropertyTests::url, EDGE_URLS, (url) -> {
			Throwable thrown = catchThrowable(() -> this.factoryWithoutBase.create().open("GET", url));
			if (thrown != null) {
				assertThat(thrown).isExactlyInstanceOf(DOMException.class);
				assertThat(((DOMException) thrown).getName()).isEqualTo("SyntaxError");
				return;
			}
			URI withoutBase = this.observedWithoutBase.get(this.observedWithoutBase.size() - 1).url();
			assertThat(withoutBase.isAbsolute()).isTrue();
			this.observed.clear();
			this.factory.create().open("GET", url);
			assertThat(this.observed).singleElement()
				.satisfies((info) -> assertThat(info.url()).isEqualTo(withoutBase));
		});
	}

	// XHR §3.2: open() throws before step 9 terminates anything, so a failed open() leaves an OPENED request as
	// it was; a successful one in OPENED fires no second readystatechange (step 11) and empties the headers.
	@Test
	void aSecondOpenNeverFiresASecondReadystatechangeAndAFailedOneChangesNothing() {
		PropertyCheck.forAll(20240814L, 1000, (random) -> List.of(method(random), url(random)), (pair) -> {
			XMLHttpRequest xhr = this.factory.create();
			xhr.open("POST", "/first");
			this.observed.clear();
			Throwable thrown = catchThrowable(() -> xhr.open(pair.get(0), pair.get(1)));
			assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.OPENED);
			assertThat(this.observed).as("no readystatechange when already OPENED").isEmpty();
			if (thrown != null) {
				assertThat(thrown).isInstanceOfAny(DOMException.class, IllegalArgumentException.class);
			}
		});
	}

}
