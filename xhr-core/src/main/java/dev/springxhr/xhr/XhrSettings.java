package dev.springxhr.xhr;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

import dev.springxhr.xhr.internal.http.HttpTokens;

/**
 * Immutable settings of an {@link XhrFactory}; Spring Boot's {@code xhr.*} properties map onto it.
 *
 * <p>The canonical constructor, and so every {@code with…()}, validates the values: an
 * {@link IllegalArgumentException} names the component that is out of range.
 *
 * @param baseUrl the URL relative request URLs resolve against (a browser's document base URL); {@code null}
 * resolves against {@code origin}, and without either a relative URL is a {@code SyntaxError}
 * @param origin the origin the requests behave as if made from (a page's origin), or {@code null} for none
 * @param timeout the initial {@code timeout} of new requests, {@link Duration#ZERO} for none as in the standard
 * @param syncXhrPolicy whether synchronous requests may block the calling thread
 * @param globalScope the global object the requests behave as if created in
 * @param credentialsPolicy which requests carry credentials
 * @param maxRedirects the most redirects one request follows (at most 20, the Fetch standard's limit)
 * @param maxResponseSize the largest response body accepted; a larger one is a network error; {@code null} for
 * no limit but the JVM's largest array
 * @param userAgent the {@code User-Agent} sent when the request sets none, or {@code null} for the HTTP client's
 * @param connectTimeout the longest wait for a connection (DNS, TCP, TLS) before a request fails as a network
 * error, {@link Duration#ZERO} to leave it to the HTTP client
 * @param responseTimeout the longest silence of the server while a response is awaited or read (Reactor Netty's
 * response timeout) before the request fails as a network error, {@link Duration#ZERO} for none; the XHR
 * {@code timeout} bounds the whole request instead
 * @param cookiesEnabled whether the factory's cookie store is used at all; without it no {@code Cookie} is sent and
 * no {@code Set-Cookie} stored, whatever the credentials mode (HTTP authentication still follows it)
 * @param networkAccessPolicy which hosts and networks requests may reach (the SSRF guard); by default every host
 * but not the link-local and cloud metadata networks
 * @param publicSuffixList a Public Suffix List in its file format (gzipped or not) to use instead of the bundled one
 * for cookie domains and same-site checks, read when the factory is built; {@code null} for the bundled list
 * @param eventDelivery where asynchronous requests' events run ({@link EventDelivery})
 */
public record XhrSettings(@Nullable URI baseUrl, @Nullable URI origin, Duration timeout, SyncXhrPolicy syncXhrPolicy,
		GlobalScope globalScope, CredentialsPolicy credentialsPolicy, int maxRedirects,
		@Nullable DataSize maxResponseSize, @Nullable String userAgent, Duration connectTimeout,
		Duration responseTimeout, boolean cookiesEnabled, NetworkAccessPolicy networkAccessPolicy,
		@Nullable Resource publicSuffixList, EventDelivery eventDelivery) {

	/** The Fetch standard's redirect limit. */
	public static final int MAX_REDIRECTS = 20;

	private static final XhrSettings DEFAULTS = new XhrSettings(null, null, Duration.ZERO,
			SyncXhrPolicy.DENY_ON_EVENT_LOOP, GlobalScope.WINDOW, CredentialsPolicy.SAME_ORIGIN, MAX_REDIRECTS, null,
			null, Duration.ZERO, Duration.ZERO, true, NetworkAccessPolicy.defaults(), null, EventDelivery.EXECUTOR);

	// The one place where the settings' values are checked: Spring Boot's properties map onto these components and
	// report a failure under the property's name. An IllegalArgumentException names the component that is out of
	// range, e.g. "'maxRedirects' must be between 0 and 20 (the Fetch standard's limit), was 21".
	public XhrSettings {
		Objects.requireNonNull(timeout, "'timeout' must not be null");
		Objects.requireNonNull(syncXhrPolicy, "'syncXhrPolicy' must not be null");
		Objects.requireNonNull(globalScope, "'globalScope' must not be null");
		Objects.requireNonNull(credentialsPolicy, "'credentialsPolicy' must not be null");
		Objects.requireNonNull(connectTimeout, "'connectTimeout' must not be null");
		Objects.requireNonNull(responseTimeout, "'responseTimeout' must not be null");
		Objects.requireNonNull(networkAccessPolicy, "'networkAccessPolicy' must not be null");
		Objects.requireNonNull(eventDelivery, "'eventDelivery' must not be null");
		if (timeout.isNegative()) {
			throw new IllegalArgumentException(
					"'timeout' must not be negative (zero means no timeout), was " + timeout);
		}
		if (connectTimeout.isNegative()) {
			throw new IllegalArgumentException(
					"'connectTimeout' must not be negative (zero leaves it to the HTTP client), was " + connectTimeout);
		}
		if (responseTimeout.isNegative()) {
			throw new IllegalArgumentException(
					"'responseTimeout' must not be negative (zero means none), was " + responseTimeout);
		}
		if (maxRedirects < 0 || maxRedirects > MAX_REDIRECTS) {
			throw new IllegalArgumentException("'maxRedirects' must be between 0 and " + MAX_REDIRECTS
					+ " (the Fetch standard's limit), was " + maxRedirects);
		}
		if (maxResponseSize != null && maxResponseSize.isNegative()) {
			throw new IllegalArgumentException("'maxResponseSize' must not be negative, was " + maxResponseSize);
		}
		if (baseUrl != null && !baseUrl.isAbsolute()) {
			throw new IllegalArgumentException(
					"'baseUrl' must be an absolute URL such as https://api.example/, was " + baseUrl);
		}
		if (origin != null && (!origin.isAbsolute() || origin.getHost() == null)) {
			throw new IllegalArgumentException(
					"'origin' must be an absolute URL with a host such as https://app.example, was " + origin);
		}
		if (userAgent != null && !HttpTokens.isHeaderValue(userAgent)) {
			throw new IllegalArgumentException("'userAgent' must be a valid header value, was '" + userAgent + "'");
		}
	}

	/**
	 * Create settings with the transport defaults: the HTTP client's connect timeout, no response timeout, cookies
	 * enabled.
	 * @param baseUrl see {@link #baseUrl()}
	 * @param origin see {@link #origin()}
	 * @param timeout see {@link #timeout()}
	 * @param syncXhrPolicy see {@link #syncXhrPolicy()}
	 * @param globalScope see {@link #globalScope()}
	 * @param credentialsPolicy see {@link #credentialsPolicy()}
	 * @param maxRedirects see {@link #maxRedirects()}
	 * @param maxResponseSize see {@link #maxResponseSize()}
	 * @param userAgent see {@link #userAgent()}
	 */
	public XhrSettings(@Nullable URI baseUrl, @Nullable URI origin, Duration timeout, SyncXhrPolicy syncXhrPolicy,
			GlobalScope globalScope, CredentialsPolicy credentialsPolicy, int maxRedirects,
			@Nullable DataSize maxResponseSize, @Nullable String userAgent) {
		this(baseUrl, origin, timeout, syncXhrPolicy, globalScope, credentialsPolicy, maxRedirects, maxResponseSize,
				userAgent, Duration.ZERO, Duration.ZERO, true);
	}

	/**
	 * Create settings with the default {@link NetworkAccessPolicy} (every host; the link-local and cloud metadata
	 * networks denied).
	 * @param baseUrl see {@link #baseUrl()}
	 * @param origin see {@link #origin()}
	 * @param timeout see {@link #timeout()}
	 * @param syncXhrPolicy see {@link #syncXhrPolicy()}
	 * @param globalScope see {@link #globalScope()}
	 * @param credentialsPolicy see {@link #credentialsPolicy()}
	 * @param maxRedirects see {@link #maxRedirects()}
	 * @param maxResponseSize see {@link #maxResponseSize()}
	 * @param userAgent see {@link #userAgent()}
	 * @param connectTimeout see {@link #connectTimeout()}
	 * @param responseTimeout see {@link #responseTimeout()}
	 * @param cookiesEnabled see {@link #cookiesEnabled()}
	 */
	public XhrSettings(@Nullable URI baseUrl, @Nullable URI origin, Duration timeout, SyncXhrPolicy syncXhrPolicy,
			GlobalScope globalScope, CredentialsPolicy credentialsPolicy, int maxRedirects,
			@Nullable DataSize maxResponseSize, @Nullable String userAgent, Duration connectTimeout,
			Duration responseTimeout, boolean cookiesEnabled) {
		this(baseUrl, origin, timeout, syncXhrPolicy, globalScope, credentialsPolicy, maxRedirects, maxResponseSize,
				userAgent, connectTimeout, responseTimeout, cookiesEnabled, NetworkAccessPolicy.defaults());
	}

	/**
	 * Create settings with the bundled Public Suffix List.
	 * @param baseUrl see {@link #baseUrl()}
	 * @param origin see {@link #origin()}
	 * @param timeout see {@link #timeout()}
	 * @param syncXhrPolicy see {@link #syncXhrPolicy()}
	 * @param globalScope see {@link #globalScope()}
	 * @param credentialsPolicy see {@link #credentialsPolicy()}
	 * @param maxRedirects see {@link #maxRedirects()}
	 * @param maxResponseSize see {@link #maxResponseSize()}
	 * @param userAgent see {@link #userAgent()}
	 * @param connectTimeout see {@link #connectTimeout()}
	 * @param responseTimeout see {@link #responseTimeout()}
	 * @param cookiesEnabled see {@link #cookiesEnabled()}
	 * @param networkAccessPolicy see {@link #networkAccessPolicy()}
	 */
	public XhrSettings(@Nullable URI baseUrl, @Nullable URI origin, Duration timeout, SyncXhrPolicy syncXhrPolicy,
			GlobalScope globalScope, CredentialsPolicy credentialsPolicy, int maxRedirects,
			@Nullable DataSize maxResponseSize, @Nullable String userAgent, Duration connectTimeout,
			Duration responseTimeout, boolean cookiesEnabled, NetworkAccessPolicy networkAccessPolicy) {
		this(baseUrl, origin, timeout, syncXhrPolicy, globalScope, credentialsPolicy, maxRedirects, maxResponseSize,
				userAgent, connectTimeout, responseTimeout, cookiesEnabled, networkAccessPolicy, null);
	}

	/**
	 * Create settings whose requests' events run on the factory's executor ({@link EventDelivery#EXECUTOR}).
	 * @param baseUrl see {@link #baseUrl()}
	 * @param origin see {@link #origin()}
	 * @param timeout see {@link #timeout()}
	 * @param syncXhrPolicy see {@link #syncXhrPolicy()}
	 * @param globalScope see {@link #globalScope()}
	 * @param credentialsPolicy see {@link #credentialsPolicy()}
	 * @param maxRedirects see {@link #maxRedirects()}
	 * @param maxResponseSize see {@link #maxResponseSize()}
	 * @param userAgent see {@link #userAgent()}
	 * @param connectTimeout see {@link #connectTimeout()}
	 * @param responseTimeout see {@link #responseTimeout()}
	 * @param cookiesEnabled see {@link #cookiesEnabled()}
	 * @param networkAccessPolicy see {@link #networkAccessPolicy()}
	 * @param publicSuffixList see {@link #publicSuffixList()}
	 */
	public XhrSettings(@Nullable URI baseUrl, @Nullable URI origin, Duration timeout, SyncXhrPolicy syncXhrPolicy,
			GlobalScope globalScope, CredentialsPolicy credentialsPolicy, int maxRedirects,
			@Nullable DataSize maxResponseSize, @Nullable String userAgent, Duration connectTimeout,
			Duration responseTimeout, boolean cookiesEnabled, NetworkAccessPolicy networkAccessPolicy,
			@Nullable Resource publicSuffixList) {
		this(baseUrl, origin, timeout, syncXhrPolicy, globalScope, credentialsPolicy, maxRedirects, maxResponseSize,
				userAgent, connectTimeout, responseTimeout, cookiesEnabled, networkAccessPolicy, publicSuffixList,
				EventDelivery.EXECUTOR);
	}

	/**
	 * Return the defaults: no base URL, no origin, no timeout, {@link SyncXhrPolicy#DENY_ON_EVENT_LOOP},
	 * {@link GlobalScope#WINDOW}, {@link CredentialsPolicy#SAME_ORIGIN}, 20 redirects, no size limit, the HTTP
	 * client's User-Agent and connect timeout, no response timeout, cookies enabled, every host but not the link-local
	 * and cloud metadata networks ({@link NetworkAccessPolicy#defaults()}).
	 * @return the default settings
	 */
	public static XhrSettings defaults() {
		return DEFAULTS;
	}

	/**
	 * Return a copy with another base URL.
	 * @param baseUrl the absolute base URL, or {@code null}
	 * @return the new settings
	 */
	public XhrSettings withBaseUrl(@Nullable URI baseUrl) {
		return new XhrSettings(baseUrl, this.origin, this.timeout, this.syncXhrPolicy, this.globalScope,
				this.credentialsPolicy, this.maxRedirects, this.maxResponseSize, this.userAgent, this.connectTimeout,
				this.responseTimeout, this.cookiesEnabled, this.networkAccessPolicy,
				this.publicSuffixList, this.eventDelivery);
	}

	/**
	 * Return a copy with another origin.
	 * @param origin the origin, or {@code null} for none
	 * @return the new settings
	 */
	public XhrSettings withOrigin(@Nullable URI origin) {
		return new XhrSettings(this.baseUrl, origin, this.timeout, this.syncXhrPolicy, this.globalScope,
				this.credentialsPolicy, this.maxRedirects, this.maxResponseSize, this.userAgent, this.connectTimeout,
				this.responseTimeout, this.cookiesEnabled, this.networkAccessPolicy,
				this.publicSuffixList, this.eventDelivery);
	}

	/**
	 * Return a copy with another initial request timeout.
	 * @param timeout the timeout, {@link Duration#ZERO} for none
	 * @return the new settings
	 */
	public XhrSettings withTimeout(Duration timeout) {
		return new XhrSettings(this.baseUrl, this.origin, timeout, this.syncXhrPolicy, this.globalScope,
				this.credentialsPolicy, this.maxRedirects, this.maxResponseSize, this.userAgent, this.connectTimeout,
				this.responseTimeout, this.cookiesEnabled, this.networkAccessPolicy,
				this.publicSuffixList, this.eventDelivery);
	}

	/**
	 * Return a copy with another sync-xhr policy.
	 * @param policy the policy
	 * @return the new settings
	 */
	public XhrSettings withSyncXhrPolicy(SyncXhrPolicy policy) {
		return new XhrSettings(this.baseUrl, this.origin, this.timeout, policy, this.globalScope,
				this.credentialsPolicy, this.maxRedirects, this.maxResponseSize, this.userAgent, this.connectTimeout,
				this.responseTimeout, this.cookiesEnabled, this.networkAccessPolicy,
				this.publicSuffixList, this.eventDelivery);
	}

	/**
	 * Return a copy with another global scope.
	 * @param scope the scope
	 * @return the new settings
	 */
	public XhrSettings withGlobalScope(GlobalScope scope) {
		return new XhrSettings(this.baseUrl, this.origin, this.timeout, this.syncXhrPolicy, scope,
				this.credentialsPolicy, this.maxRedirects, this.maxResponseSize, this.userAgent, this.connectTimeout,
				this.responseTimeout, this.cookiesEnabled, this.networkAccessPolicy,
				this.publicSuffixList, this.eventDelivery);
	}

	/**
	 * Return a copy with another credentials policy.
	 * @param policy the policy
	 * @return the new settings
	 */
	public XhrSettings withCredentialsPolicy(CredentialsPolicy policy) {
		return new XhrSettings(this.baseUrl, this.origin, this.timeout, this.syncXhrPolicy, this.globalScope, policy,
				this.maxRedirects, this.maxResponseSize, this.userAgent, this.connectTimeout, this.responseTimeout,
				this.cookiesEnabled, this.networkAccessPolicy, this.publicSuffixList, this.eventDelivery);
	}

	/**
	 * Return a copy with another redirect limit.
	 * @param maxRedirects the limit, 0 to 20
	 * @return the new settings
	 */
	public XhrSettings withMaxRedirects(int maxRedirects) {
		return new XhrSettings(this.baseUrl, this.origin, this.timeout, this.syncXhrPolicy, this.globalScope,
				this.credentialsPolicy, maxRedirects, this.maxResponseSize, this.userAgent, this.connectTimeout,
				this.responseTimeout, this.cookiesEnabled, this.networkAccessPolicy,
				this.publicSuffixList, this.eventDelivery);
	}

	/**
	 * Return a copy with another response size limit.
	 * @param maxResponseSize the limit, or {@code null} for none
	 * @return the new settings
	 */
	public XhrSettings withMaxResponseSize(@Nullable DataSize maxResponseSize) {
		return new XhrSettings(this.baseUrl, this.origin, this.timeout, this.syncXhrPolicy, this.globalScope,
				this.credentialsPolicy, this.maxRedirects, maxResponseSize, this.userAgent, this.connectTimeout,
				this.responseTimeout, this.cookiesEnabled, this.networkAccessPolicy,
				this.publicSuffixList, this.eventDelivery);
	}

	/**
	 * Return a copy with another default User-Agent.
	 * @param userAgent the User-Agent, or {@code null} for the HTTP client's
	 * @return the new settings
	 */
	public XhrSettings withUserAgent(@Nullable String userAgent) {
		return new XhrSettings(this.baseUrl, this.origin, this.timeout, this.syncXhrPolicy, this.globalScope,
				this.credentialsPolicy, this.maxRedirects, this.maxResponseSize, userAgent, this.connectTimeout,
				this.responseTimeout, this.cookiesEnabled, this.networkAccessPolicy,
				this.publicSuffixList, this.eventDelivery);
	}

	/**
	 * Return a copy with another connect timeout.
	 * @param connectTimeout the timeout, {@link Duration#ZERO} for the HTTP client's
	 * @return the new settings
	 */
	public XhrSettings withConnectTimeout(Duration connectTimeout) {
		return new XhrSettings(this.baseUrl, this.origin, this.timeout, this.syncXhrPolicy, this.globalScope,
				this.credentialsPolicy, this.maxRedirects, this.maxResponseSize, this.userAgent, connectTimeout,
				this.responseTimeout, this.cookiesEnabled, this.networkAccessPolicy,
				this.publicSuffixList, this.eventDelivery);
	}

	/**
	 * Return a copy with another response timeout.
	 * @param responseTimeout the timeout, {@link Duration#ZERO} for none
	 * @return the new settings
	 */
	public XhrSettings withResponseTimeout(Duration responseTimeout) {
		return new XhrSettings(this.baseUrl, this.origin, this.timeout, this.syncXhrPolicy, this.globalScope,
				this.credentialsPolicy, this.maxRedirects, this.maxResponseSize, this.userAgent, this.connectTimeout,
				responseTimeout, this.cookiesEnabled, this.networkAccessPolicy,
				this.publicSuffixList, this.eventDelivery);
	}

	/**
	 * Return a copy with the cookie store switched on or off.
	 * @param cookiesEnabled whether cookies are stored and sent
	 * @return the new settings
	 */
	public XhrSettings withCookiesEnabled(boolean cookiesEnabled) {
		return new XhrSettings(this.baseUrl, this.origin, this.timeout, this.syncXhrPolicy, this.globalScope,
				this.credentialsPolicy, this.maxRedirects, this.maxResponseSize, this.userAgent, this.connectTimeout,
				this.responseTimeout, cookiesEnabled, this.networkAccessPolicy,
				this.publicSuffixList, this.eventDelivery);
	}

	/**
	 * Return a copy with another network access policy (the SSRF guard).
	 * @param policy the policy; {@link NetworkAccessPolicy#unrestricted()} for none
	 * @return the new settings
	 */
	public XhrSettings withNetworkAccessPolicy(NetworkAccessPolicy policy) {
		return new XhrSettings(this.baseUrl, this.origin, this.timeout, this.syncXhrPolicy, this.globalScope,
				this.credentialsPolicy, this.maxRedirects, this.maxResponseSize, this.userAgent, this.connectTimeout,
				this.responseTimeout, this.cookiesEnabled, policy, this.publicSuffixList, this.eventDelivery);
	}

	/**
	 * Return a copy that reads another Public Suffix List, e.g. a newer one from publicsuffix.org, instead of the
	 * bundled one; a list that cannot be read or holds no rules fails the factory's construction.
	 * @param publicSuffixList the list in its file format, gzipped or not; {@code null} for the bundled list
	 * @return the new settings
	 */
	public XhrSettings withPublicSuffixList(@Nullable Resource publicSuffixList) {
		return new XhrSettings(this.baseUrl, this.origin, this.timeout, this.syncXhrPolicy, this.globalScope,
				this.credentialsPolicy, this.maxRedirects, this.maxResponseSize, this.userAgent, this.connectTimeout,
				this.responseTimeout, this.cookiesEnabled, this.networkAccessPolicy,
				publicSuffixList, this.eventDelivery);
	}

	/**
	 * Return a copy whose requests' events run elsewhere.
	 * @param eventDelivery where asynchronous requests' events run
	 * @return the new settings
	 */
	public XhrSettings withEventDelivery(EventDelivery eventDelivery) {
		return new XhrSettings(this.baseUrl, this.origin, this.timeout, this.syncXhrPolicy, this.globalScope,
				this.credentialsPolicy, this.maxRedirects, this.maxResponseSize, this.userAgent, this.connectTimeout,
				this.responseTimeout, this.cookiesEnabled, this.networkAccessPolicy, this.publicSuffixList,
				eventDelivery);
	}

}
