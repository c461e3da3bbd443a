package dev.springxhr.xhr.internal.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link RedirectDecision} over the whole table of statuses, methods and origins, each expectation worked out here
 * from Fetch §4.4 HTTP-redirect fetch as the standard words it, and not from the code under test:
 * <ul>
 * <li>"A redirect status is a status that is 301, 302, 303, 307, or 308." Nothing else is a redirect: not 300,
 * 304, 305 (Use Proxy), 306 (unused) or any other 3xx.
 * <li>Step 11: "If internalResponse's status is not 303, request's body is non-null, and request's body's source
 * is null, then return a network error."
 * <li>Step 12: "If one of the following is true: internalResponse's status is 301 or 302 and request's method is
 * `POST`; internalResponse's status is 303 and request's method is not `GET` or `HEAD`, then: set request's method
 * to `GET` and request's body to null; for each headerName of request-body-header name, delete headerName from
 * request's header list." The request-body-header names are `Content-Encoding`, `Content-Language`,
 * `Content-Location` and `Content-Type`.
 * <li>Step 13: "If request's current URL's origin is not same origin with locationURL's origin, then for each
 * headerName of CORS non-wildcard request-header name, delete headerName from request's header list." That name is
 * `Authorization`.
 * </ul>
 */
class RedirectDecisionTests {

	private static final int[] STATUSES = { 200, 300, 301, 302, 303, 304, 305, 306, 307, 308, 399 };

	private static final String[] METHODS = { "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "FOO" };

	/** Every status × every method × same-origin and cross-origin: 11 × 8 × 2 = 176 cases. */
	static Stream<Arguments> table() {
		List<Arguments> cases = new ArrayList<>();
		for (int status : STATUSES) {
			for (String method : METHODS) {
				for (boolean crossOrigin : new boolean[] { false, true }) {
					cases.add(Arguments.of(status, method, crossOrigin));
				}
			}
		}
		return cases.stream();
	}

	@Test
	void theTableHasEveryCombination() {
		assertThat(table()).hasSize(STATUSES.length * METHODS.length * 2).hasSize(176);
	}

	@ParameterizedTest(name = "{0} {1}, cross-origin: {2}")
	@MethodSource("table")
	void decidesAsFetchHttpRedirectFetchSays(int status, String method, boolean crossOrigin) {
		// "A redirect status is a status that is 301, 302, 303, 307, or 308."
		boolean isRedirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;

		// Step 12's two conditions, word for word.
		boolean post301or302 = (status == 301 || status == 302) && method.equals("POST");
		boolean nonGetOrHead303 = status == 303 && !method.equals("GET") && !method.equals("HEAD");
		boolean becomesGet = isRedirect && (post301or302 || nonGetOrHead303);

		String expectedMethod = becomesGet ? "GET" : method;
		boolean expectedDropsBody = becomesGet;
		// Step 13 applies to every redirect to another origin, whatever the status or method.
		boolean expectedRemovesAuthorization = isRedirect && crossOrigin;
		// Step 11 applies to every redirect but 303.
		boolean expectedRequiresBodySource = isRedirect && status != 303;

		List<String> expectedRemoved = new ArrayList<>();
		if (expectedRemovesAuthorization) {
			expectedRemoved.add("Authorization");
		}
		if (expectedDropsBody) {
			expectedRemoved.addAll(List.of("Content-Encoding", "Content-Language", "Content-Location", "Content-Type"));
		}

		RedirectDecision decision = RedirectDecision.of(status, method, crossOrigin);

		assertThat(decision.redirect()).as("a redirect").isEqualTo(isRedirect);
		assertThat(RedirectDecision.isRedirectStatus(status)).as("a redirect status").isEqualTo(isRedirect);
		assertThat(decision.method()).as("the next method").isEqualTo(expectedMethod);
		assertThat(decision.dropsBody()).as("drops the body").isEqualTo(expectedDropsBody);
		assertThat(decision.removesAuthorization()).as("removes Authorization").isEqualTo(expectedRemovesAuthorization);
		assertThat(decision.requiresBodySource()).as("requires a body source").isEqualTo(expectedRequiresBodySource);
		assertThat(decision.removedHeaderNames()).as("the removed headers")
			.containsExactlyInAnyOrderElementsOf(expectedRemoved);
	}

	/** The rows of WPT {@code fetch/api/redirect/redirect-method.any.js}, spelled out. */
	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource({
			"301, GET, GET", "301, POST, GET", "301, HEAD, HEAD",
			"302, GET, GET", "302, POST, GET", "302, HEAD, HEAD",
			"303, GET, GET", "303, POST, GET", "303, HEAD, HEAD", "303, DELETE, GET",
			"307, GET, GET", "307, POST, POST", "307, HEAD, HEAD",
			"308, GET, GET", "308, POST, POST", "308, HEAD, HEAD" })
	void rewritesTheMethodAsTheWebPlatformTestsExpect(int status, String method, String expected) {
		assertThat(RedirectDecision.of(status, method, false).method()).isEqualTo(expected);
	}

	@Test
	void comparesTheMethodByteForByte() {
		// Methods reach the fetch normalized: only get, head, post, put, delete and options are upper-cased, so a
		// "patch" or "Post" that stays as written is another method than POST.
		assertThat(RedirectDecision.of(301, "Post", false).method()).isEqualTo("Post");
		assertThat(RedirectDecision.of(303, "get", false).method()).isEqualTo("GET");
	}

}
