package dev.springxhr.xhr.internal.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.springxhr.xhr.internal.http.ResponseHeaders;
import dev.springxhr.xhr.internal.transport.ResponseHead;
import dev.springxhr.xhr.internal.url.RequestUrls;

/**
 * {@link HttpCredentials}: Fetch §4.5's includeCredentials, and HTTP authentication with the URL's credentials,
 * sent only to answer a 401 Basic challenge. (Cookies are left to the tests of the engine, which have a cookie
 * store; here cookies are disabled.)
 */
class HttpCredentialsTests {

	private static final URI ORIGIN = URI.create("https://app.example");

	private static final URI WITH_USERINFO = URI.create("https://J%C3%BCrgen:p%3Ass@app.example/private");

	/** No transport, cookie store or suffix list: the steps tested here use none of them. */
	private static final Fetcher FETCHER = new Fetcher(null, null, null, null, null, false, null, 20);

	private static HttpCredentials credentials(CredentialsMode mode) {
		return new HttpCredentials(FETCHER, mode, ORIGIN);
	}

	private static ResponseHead response(int status, String... namesAndValues) {
		List<Map.Entry<String, String>> headers = new ArrayList<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			headers.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
		}
		return new ResponseHead(status, "", ResponseHeaders.of(headers));
	}

	private static List<String> requestHeaders(HttpCredentials credentials, URI url, String... authorHeaders) {
		List<String> fetchHeaders = new ArrayList<>();
		credentials.appendRequestHeaders(RequestUrls.parse(url.toString(), (URI) null), false, List.of(authorHeaders),
				fetchHeaders);
		return fetchHeaders;
	}

	@ParameterizedTest(name = "{0}, {1}, CORS-tainted: {2} -> {3}")
	@CsvSource({
			"INCLUDE, https://app.example/a, false, true", "INCLUDE, https://api.example/a, true, true",
			"SAME_ORIGIN, https://app.example/a, false, true", "SAME_ORIGIN, https://app.example/a, true, false",
			"SAME_ORIGIN, https://api.example/a, false, false", "SAME_ORIGIN, http://app.example/a, false, false",
			"OMIT, https://app.example/a, false, false", "OMIT, https://api.example/a, true, false" })
	void includesCredentialsAsFetchSays(CredentialsMode mode, URI url, boolean corsTainting, boolean expected) {
		assertThat(credentials(mode).included(url, corsTainting)).isEqualTo(expected);
	}

	@Test
	void theUrlsCredentialsAnswerABasicChallengeOnce() {
		HttpCredentials credentials = credentials(CredentialsMode.SAME_ORIGIN);
		assertThat(requestHeaders(credentials, WITH_USERINFO)).isEmpty();
		assertThat(credentials.answerChallenge(response(401, "WWW-Authenticate", "Basic realm=\"x\""), WITH_USERINFO,
				false, true)).isTrue();
		// Percent-decoded, then UTF-8 and base64: "Jürgen:p:ss".
		assertThat(requestHeaders(credentials, WITH_USERINFO)).containsExactly("Authorization",
				"Basic SsO8cmdlbjpwOnNz");
		assertThat(credentials.answerChallenge(response(401, "WWW-Authenticate", "Basic"), WITH_USERINFO, false,
				true)).isFalse();
		credentials.redirected();
		assertThat(requestHeaders(credentials, WITH_USERINFO)).isEmpty();
	}

	@Test
	void anAuthorAuthorizationHeaderWins() {
		HttpCredentials credentials = credentials(CredentialsMode.INCLUDE);
		credentials.answerChallenge(response(401, "www-authenticate", "NTLM, BASIC realm=x"), WITH_USERINFO, false,
				true);
		assertThat(requestHeaders(credentials, WITH_USERINFO, "authorization", "Bearer t")).isEmpty();
	}

	@Test
	void noChallengeIsAnsweredOutsideItsConditions() {
		ResponseHead basic = response(401, "WWW-Authenticate", "Basic");
		URI withoutUserinfo = URI.create("https://app.example/private");
		assertThat(credentials(CredentialsMode.INCLUDE).answerChallenge(basic, WITH_USERINFO, true, true)).isFalse();
		assertThat(credentials(CredentialsMode.OMIT).answerChallenge(basic, WITH_USERINFO, false, true)).isFalse();
		assertThat(credentials(CredentialsMode.INCLUDE).answerChallenge(basic, withoutUserinfo, false, true)).isFalse();
		assertThat(credentials(CredentialsMode.INCLUDE).answerChallenge(basic, WITH_USERINFO, false, false)).isFalse();
		assertThat(credentials(CredentialsMode.INCLUDE).answerChallenge(response(401), WITH_USERINFO, false, true))
			.isFalse();
		assertThat(credentials(CredentialsMode.INCLUDE).answerChallenge(response(401, "WWW-Authenticate", "Digest"),
				WITH_USERINFO, false, true)).isFalse();
		assertThat(credentials(CredentialsMode.INCLUDE).answerChallenge(response(403, "WWW-Authenticate", "Basic"),
				WITH_USERINFO, false, true)).isFalse();
	}

}
