package dev.springxhr.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

import dev.springxhr.xhr.CredentialsPolicy;
import dev.springxhr.xhr.EventDelivery;
import dev.springxhr.xhr.GlobalScope;
import dev.springxhr.xhr.NetworkAccessPolicy;
import dev.springxhr.xhr.SyncXhrPolicy;
import dev.springxhr.xhr.XhrSettings;
import dev.springxhr.xhr.event.XhrEventType;

/**
 * Configuration properties of spring-xhr. The engine's properties only map onto {@link XhrSettings}, which validates
 * them: a value the settings refuse fails the start with an {@link InvalidConfigurationPropertyValueException} naming
 * the property. The properties that only Spring uses ({@code xhr.events.*}, {@code xhr.health.*}) are checked here,
 * as they are bound, and fail the start naming the property too.
 */
@ConfigurationProperties("xhr")
public class XhrProperties implements InitializingBean {

	/**
	 * Initial timeout of new requests, as the XHR "timeout" attribute; 0 means none, as in the standard.
	 */
	private Duration timeout = Duration.ZERO;

	/**
	 * Whether synchronous requests may block the calling thread: allow, deny, or deny-on-event-loop (refuse on
	 * Reactor non-blocking threads).
	 */
	private SyncXhrPolicy syncXhr = SyncXhrPolicy.DENY_ON_EVENT_LOOP;

	/**
	 * Base URL that relative request URLs resolve against.
	 */
	private @Nullable URI baseUrl;

	/**
	 * Origin the requests behave as if made from, e.g. https://app.example.
	 */
	private @Nullable URI origin;

	/**
	 * Global scope the requests behave as if created in: window applies the standard's Window-only rules,
	 * dedicated-worker lifts them.
	 */
	private GlobalScope globalScope = GlobalScope.WINDOW;

	/**
	 * Maximum number of redirects one request follows, at most 20.
	 */
	private int maxRedirects = XhrSettings.MAX_REDIRECTS;

	/**
	 * Largest response body accepted; a larger one fails the request as a network error. Unset means no limit.
	 */
	private @Nullable DataSize maxResponseSize;

	/**
	 * User-Agent sent when a request sets none; unset means the HTTP client's.
	 */
	private @Nullable String userAgent;

	/**
	 * Longest wait for a connection (DNS, TCP and TLS) before a request fails as a network error; 0 leaves it to
	 * the HTTP client (Reactor Netty: 30s).
	 */
	private Duration connectTimeout = Duration.ZERO;

	/**
	 * Longest silence of the server while a response is awaited or read before the request fails as a network
	 * error; 0 means none. The XHR timeout (xhr.timeout) bounds the whole request instead.
	 */
	private Duration responseTimeout = Duration.ZERO;

	private final Credentials credentials = new Credentials();

	private final Events events = new Events();

	private final Health health = new Health();

	private final Security security = new Security();

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public SyncXhrPolicy getSyncXhr() {
		return this.syncXhr;
	}

	public void setSyncXhr(SyncXhrPolicy syncXhr) {
		this.syncXhr = syncXhr;
	}

	public @Nullable URI getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(@Nullable URI baseUrl) {
		this.baseUrl = baseUrl;
	}

	public @Nullable URI getOrigin() {
		return this.origin;
	}

	public void setOrigin(@Nullable URI origin) {
		this.origin = origin;
	}

	public GlobalScope getGlobalScope() {
		return this.globalScope;
	}

	public void setGlobalScope(GlobalScope globalScope) {
		this.globalScope = globalScope;
	}

	public int getMaxRedirects() {
		return this.maxRedirects;
	}

	public void setMaxRedirects(int maxRedirects) {
		this.maxRedirects = maxRedirects;
	}

	public @Nullable DataSize getMaxResponseSize() {
		return this.maxResponseSize;
	}

	public void setMaxResponseSize(@Nullable DataSize maxResponseSize) {
		this.maxResponseSize = maxResponseSize;
	}

	public @Nullable String getUserAgent() {
		return this.userAgent;
	}

	public void setUserAgent(@Nullable String userAgent) {
		this.userAgent = userAgent;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getResponseTimeout() {
		return this.responseTimeout;
	}

	public void setResponseTimeout(Duration responseTimeout) {
		this.responseTimeout = responseTimeout;
	}

	public Credentials getCredentials() {
		return this.credentials;
	}

	public Events getEvents() {
		return this.events;
	}

	public Health getHealth() {
		return this.health;
	}

	public Security getSecurity() {
		return this.security;
	}

	/**
	 * Check the bound values against {@link XhrSettings}, so that a value the engine refuses fails the start even
	 * when the application defines its own {@code XhrSettings} bean.
	 * @throws InvalidConfigurationPropertyValueException naming the property whose value the settings refuse
	 */
	@Override
	public void afterPropertiesSet() {
		toSettings();
	}

	/**
	 * Map the properties onto the engine settings, one {@code with…()} per property from
	 * {@link XhrSettings#defaults()}: the settings validate each value, and a refused one is reported under the
	 * name of the property that supplied it.
	 * @return the engine settings these properties describe
	 * @throws InvalidConfigurationPropertyValueException naming the property whose value the settings refuse
	 */
	XhrSettings toSettings() {
		XhrSettings settings = XhrSettings.defaults();
		settings = map(settings, "xhr.base-url", this.baseUrl, XhrSettings::withBaseUrl);
		settings = map(settings, "xhr.origin", this.origin, XhrSettings::withOrigin);
		settings = map(settings, "xhr.timeout", this.timeout, XhrSettings::withTimeout);
		settings = map(settings, "xhr.sync-xhr", this.syncXhr, XhrSettings::withSyncXhrPolicy);
		settings = map(settings, "xhr.global-scope", this.globalScope, XhrSettings::withGlobalScope);
		settings = map(settings, "xhr.credentials.policy", this.credentials.getPolicy(),
				XhrSettings::withCredentialsPolicy);
		settings = map(settings, "xhr.max-redirects", this.maxRedirects, XhrSettings::withMaxRedirects);
		settings = map(settings, "xhr.max-response-size", this.maxResponseSize, XhrSettings::withMaxResponseSize);
		settings = map(settings, "xhr.user-agent", this.userAgent, XhrSettings::withUserAgent);
		settings = map(settings, "xhr.connect-timeout", this.connectTimeout, XhrSettings::withConnectTimeout);
		settings = map(settings, "xhr.response-timeout", this.responseTimeout, XhrSettings::withResponseTimeout);
		settings = settings.withCookiesEnabled(this.credentials.getCookies().isEnabled());
		settings = settings.withPublicSuffixList(readable("xhr.credentials.cookies.public-suffix-list",
				this.credentials.getCookies().getPublicSuffixList()));
		settings = settings.withEventDelivery((this.events.getDelivery() == XhrEventDelivery.EVENT_LOOP)
				? EventDelivery.EVENT_LOOP : EventDelivery.EXECUTOR);
		return settings.withNetworkAccessPolicy(this.security.toPolicy());
	}

	/** A resource that a property names must be there to be read when the factory is built. */
	private static @Nullable Resource readable(String property, @Nullable Resource resource) {
		if (resource != null && !resource.isReadable()) {
			throw new InvalidConfigurationPropertyValueException(property, resource.getDescription(),
					"the file does not exist or cannot be read");
		}
		return resource;
	}

	/**
	 * Apply one property's value: each step starts from settings that are valid, so a refusal is this value's.
	 */
	private static <T> XhrSettings map(XhrSettings settings, String property, @Nullable T value,
			BiFunction<XhrSettings, @Nullable T, XhrSettings> with) {
		return map(property, value, (candidate) -> with.apply(settings, candidate));
	}

	private static <T, R> R map(String property, @Nullable T value, Function<@Nullable T, R> with) {
		try {
			return with.apply(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(property, value, ex.getMessage());
		}
	}

	/**
	 * Security properties: the guard against server-side request forgery (SSRF).
	 */
	public static class Security {

		/**
		 * Hosts requests may go to, checked on every redirect hop: exact hosts (api.example.org, 10.0.0.7) and
		 * *.example.org for every subdomain. Empty allows every host.
		 */
		private List<String> allowedHosts = new ArrayList<>();

		/**
		 * Networks (CIDR, IPv4 or IPv6, e.g. 10.0.0.0/8, fc00::/7) or single addresses requests may not connect
		 * to, checked on the address actually connected to (after DNS) on every redirect hop. Added to the
		 * link-local networks that deny-link-local denies.
		 */
		private List<String> deniedNetworks = new ArrayList<>();

		/**
		 * Whether the link-local networks 169.254.0.0/16 and fe80::/10 (with the cloud metadata service
		 * 169.254.169.254) and the metadata addresses fd00:ec2::254 and 100.100.100.200 are denied, besides
		 * denied-networks.
		 */
		private boolean denyLinkLocal = true;

		public List<String> getAllowedHosts() {
			return this.allowedHosts;
		}

		public void setAllowedHosts(List<String> allowedHosts) {
			this.allowedHosts = new ArrayList<>(allowedHosts);
		}

		public List<String> getDeniedNetworks() {
			return this.deniedNetworks;
		}

		public void setDeniedNetworks(List<String> deniedNetworks) {
			this.deniedNetworks = new ArrayList<>(deniedNetworks);
		}

		public boolean isDenyLinkLocal() {
			return this.denyLinkLocal;
		}

		public void setDenyLinkLocal(boolean denyLinkLocal) {
			this.denyLinkLocal = denyLinkLocal;
		}

		/**
		 * The policy these properties describe. {@link NetworkAccessPolicy} validates both lists; the hosts are tried
		 * alone first, so that a refusal names the property it is about.
		 */
		NetworkAccessPolicy toPolicy() {
			map("xhr.security.allowed-hosts", this.allowedHosts,
					(hosts) -> new NetworkAccessPolicy(hosts, List.of(), false));
			return map("xhr.security.denied-networks", this.deniedNetworks,
					(networks) -> new NetworkAccessPolicy(this.allowedHosts, networks, this.denyLinkLocal));
		}

	}

	/**
	 * Credentials properties.
	 */
	public static class Credentials {

		/**
		 * Which requests carry credentials: omit (never), same-origin (the standard: cross-origin only with
		 * withCredentials), include (always).
		 */
		private CredentialsPolicy policy = CredentialsPolicy.SAME_ORIGIN;

		private final Cookies cookies = new Cookies();

		public CredentialsPolicy getPolicy() {
			return this.policy;
		}

		public void setPolicy(CredentialsPolicy policy) {
			this.policy = policy;
		}

		public Cookies getCookies() {
			return this.cookies;
		}

	}

	/**
	 * Cookie store properties.
	 */
	public static class Cookies {

		/**
		 * Whether the factory keeps a cookie store: stores Set-Cookie and sends Cookie when the credentials mode
		 * allows. Disabled, no cookie is ever stored or sent.
		 */
		private boolean enabled = true;

		/**
		 * Public Suffix List to use instead of the bundled one for cookie domains and same-site checks, in the
		 * publicsuffix.org file format, gzipped or not; read when the factory is built.
		 */
		private @Nullable Resource publicSuffixList;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable Resource getPublicSuffixList() {
			return this.publicSuffixList;
		}

		public void setPublicSuffixList(@Nullable Resource publicSuffixList) {
			this.publicSuffixList = publicSuffixList;
		}

	}

	/**
	 * Properties of the relay of XHR events as Spring application events.
	 */
	public static class Events {

		/**
		 * Whether every XHR event is published as an XhrApplicationEvent.
		 */
		private boolean enabled = true;

		/**
		 * DOM event types to relay: readystatechange, loadstart, progress, abort, error, load, timeout, loadend.
		 */
		private Set<String> types = Stream.of(XhrEventType.values())
			.map(XhrEventType::type)
			.collect(Collectors.toCollection(LinkedHashSet::new));

		/**
		 * Whether the events of the upload object are relayed too.
		 */
		private boolean includeUpload = true;

		/**
		 * Query parameters whose values are replaced by *** in the URL of relayed events.
		 */
		private List<String> redactQueryParams = new ArrayList<>();

		/**
		 * Where requests deliver their events to listeners: auto (virtual threads when
		 * spring.threads.virtual.enabled and Java 21+, else executor), executor, event-loop (requests sent from a
		 * Netty event loop deliver on it) or virtual-threads.
		 */
		private XhrEventDelivery delivery = XhrEventDelivery.AUTO;

		public XhrEventDelivery getDelivery() {
			return this.delivery;
		}

		public void setDelivery(XhrEventDelivery delivery) {
			this.delivery = delivery;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Set<String> getTypes() {
			return this.types;
		}

		public void setTypes(Set<String> types) {
			for (String type : types) {
				try {
					XhrEventType.fromType(type);
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException("xhr.events.types: " + ex.getMessage(), ex);
				}
			}
			this.types = new LinkedHashSet<>(types);
		}

		public boolean isIncludeUpload() {
			return this.includeUpload;
		}

		public void setIncludeUpload(boolean includeUpload) {
			this.includeUpload = includeUpload;
		}

		public List<String> getRedactQueryParams() {
			return this.redactQueryParams;
		}

		public void setRedactQueryParams(List<String> redactQueryParams) {
			this.redactQueryParams = new ArrayList<>(redactQueryParams);
		}

	}

	/**
	 * Properties of the "xhr" health indicator.
	 */
	public static class Health {

		/**
		 * Window over which completed, failed, timed-out and aborted requests are counted, 1s to 1h.
		 */
		private Duration window = Duration.ofMinutes(1);

		/**
		 * Probes: URLs checked through an XMLHttpRequest on each health check, by name.
		 */
		private Map<String, Probe> probes = new LinkedHashMap<>();

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			if (window.getSeconds() < 1 || window.getSeconds() > 3600) {
				throw new IllegalArgumentException("xhr.health.window must be between 1s and 1h, was " + window);
			}
			this.window = window;
		}

		public Map<String, Probe> getProbes() {
			return this.probes;
		}

		public void setProbes(Map<String, Probe> probes) {
			this.probes = new LinkedHashMap<>(probes);
		}

	}

	/**
	 * One health probe.
	 */
	public static class Probe {

		/**
		 * URL the probe GETs (absolute, or relative to xhr.base-url).
		 */
		private @Nullable URI url;

		/**
		 * HTTP status that means UP.
		 */
		private int expectedStatus = 200;

		/**
		 * How long the probe may take before it counts as DOWN.
		 */
		private Duration timeout = Duration.ofSeconds(5);

		/**
		 * Bean name of the XhrFactory whose requests the probe makes; needed only when the context has several
		 * factories, where it defaults to the auto-configured "xhrFactory".
		 */
		private @Nullable String factory;

		public @Nullable String getFactory() {
			return this.factory;
		}

		public void setFactory(@Nullable String factory) {
			this.factory = factory;
		}

		public URI getUrl() {
			if (this.url == null) {
				throw new IllegalStateException("xhr.health.probes.<name>.url must be set");
			}
			return this.url;
		}

		public void setUrl(URI url) {
			this.url = url;
		}

		public int getExpectedStatus() {
			return this.expectedStatus;
		}

		public void setExpectedStatus(int expectedStatus) {
			if (expectedStatus < 100 || expectedStatus > 999) {
				throw new IllegalArgumentException("xhr.health.probes.<name>.expected-status must be a status code "
						+ "from 100 to 999, was " + expectedStatus);
			}
			this.expectedStatus = expectedStatus;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			if (timeout.isNegative() || timeout.isZero()) {
				throw new IllegalArgumentException("xhr.health.probes.<name>.timeout must be positive, was " + timeout);
			}
			this.timeout = timeout;
		}

	}

}
