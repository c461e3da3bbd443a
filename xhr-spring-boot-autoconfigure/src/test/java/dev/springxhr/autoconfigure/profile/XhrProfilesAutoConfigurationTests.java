package dev.springxhr.autoconfigure.profile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.netty.DisposableServer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import dev.springxhr.actuate.XhrHealthIndicator;
import dev.springxhr.autoconfigure.XhrAutoConfiguration;
import dev.springxhr.autoconfigure.health.XhrHealthContributorAutoConfiguration;
import dev.springxhr.xhr.WebClientXhrFactory;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.redis.RedisCookieStores;
import dev.springxhr.xhr.redis.RedisServer;
import dev.springxhr.xhr.support.XhrTestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code xhr.profiles.*} in Boot's style: each scope is honoured and logged at start-up, a missing Redis store is a
 * start-up failure naming the property, and with {@code xhr.profiles.cookie-store=redis} two application contexts
 * ("two replicas") on one real Redis share a user's cookies and never another's, with the {@code xhr} health DOWN
 * while Redis is away.
 */
@Tag("profile-scopes")
@ExtendWith(OutputCaptureExtension.class)
class XhrProfilesAutoConfigurationTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	@RegisterExtension
	static final XhrTestServer<DisposableServer> upstream = ProfileUpstream.server();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, XhrAutoConfiguration.class,
				XhrHealthContributorAutoConfiguration.class));

	@Test
	void theDefaultScopeIsRequestAndOutsideAnInboundRequestEachRequestHasAProfileOfItsOwn(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			XhrFactory factory = context.getBean(XhrFactory.class);
			assertThat(factory).isInstanceOf(ScopedXhrFactory.class);
			ProfileUpstream.getNow(factory, upstream.url("/login?user=job"));
			assertThat(ProfileUpstream.getNow(factory, upstream.url("/echo"))).isEqualTo("null");
			// A profile asked for by key is shared, whatever the scope.
			ProfileUpstream.getNow(factory.forProfile("job"), upstream.url("/login?user=job"));
			assertThat(ProfileUpstream.getNow(factory.forProfile("job"), upstream.url("/echo")))
				.isEqualTo("session=job" + ProfileUpstream.SECRET);
		});
		assertThat(output).contains("XhrFactory profiles: scope request (each inbound request has its own cookies "
				+ "and preflight cache), cookies in-memory");
	}

	@Test
	void theApplicationScopeIsTheFactoryItself(CapturedOutput output) {
		this.contextRunner.withPropertyValues("xhr.profiles.scope=application").run((context) -> {
			XhrFactory factory = context.getBean(XhrFactory.class);
			assertThat(factory).isInstanceOf(WebClientXhrFactory.class);
			ProfileUpstream.getNow(factory, upstream.url("/login?user=app"));
			assertThat(ProfileUpstream.getNow(factory, upstream.url("/echo")))
				.isEqualTo("session=app" + ProfileUpstream.SECRET);
		});
		assertThat(output).contains("XhrFactory profiles: scope application");
	}

	@Test
	void theSessionScopeIsHonoured() {
		this.contextRunner.withPropertyValues("xhr.profiles.scope=session")
			.run((context) -> assertThat(context.getBean(XhrFactory.class)).isInstanceOfSatisfying(
					ScopedXhrFactory.class, (factory) -> assertThat(factory.getScope()).isEqualTo(XhrProfileScope.SESSION)));
	}

	@Test
	void inWebFluxTheSessionScopeHasAFilterAndWarnsWithoutContextPropagation(CapturedOutput output) {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, XhrAutoConfiguration.class))
			.withPropertyValues("xhr.profiles.scope=session")
			.run((context) -> assertThat(context).hasSingleBean(XhrProfileWebFilter.class));
		assertThat(output).containsPattern("WARN.*xhr.profiles.scope=session in WebFlux")
			.contains("spring.reactor.context-propagation=auto");
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, XhrAutoConfiguration.class))
			.withPropertyValues("xhr.profiles.scope=application")
			.run((context) -> assertThat(context).doesNotHaveBean(XhrProfileWebFilter.class));
	}

	@Test
	void aRedisStoreWithoutRedisFailsTheStartNamingTheProperty() {
		this.contextRunner.withPropertyValues("xhr.profiles.cookie-store=redis").run((context) -> assertThat(context)
			.hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("xhr.profiles.cookie-store")
			.hasMessageContaining("RedisConnectionFactory"));
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(RedisCookieStores.class))
			.withPropertyValues("xhr.profiles.cookie-store=redis")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("xhr.profiles.cookie-store")
				.hasMessageContaining("xhr-redis"));
	}

	@Test
	void twoReplicasOnOneRedisShareAUsersCookiesAndHealthShowsRedisAway() throws Exception {
		ApplicationContextRunner replica = this.contextRunner
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("xhr.profiles.cookie-store=redis", "xhr.profiles.redis.key-prefix=replicas:",
					"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.port(),
					"spring.data.redis.timeout=2s");
		replica.run((first) -> replica.run((second) -> {
			XhrFactory a = first.getBean(XhrFactory.class);
			XhrFactory b = second.getBean(XhrFactory.class);
			ProfileUpstream.getNow(a.forProfile("alice"), upstream.url("/login?user=alice"));
			ProfileUpstream.getNow(b.forProfile("bob"), upstream.url("/login?user=bob"));

			assertThat(ProfileUpstream.getNow(b.forProfile("alice"), upstream.url("/echo")))
				.isEqualTo("session=alice" + ProfileUpstream.SECRET);
			assertThat(ProfileUpstream.getNow(a.forProfile("bob"), upstream.url("/echo")))
				.isEqualTo("session=bob" + ProfileUpstream.SECRET);

			XhrHealthIndicator health = first.getBean(XhrHealthIndicator.class);
			assertThat(cookieStore(health.health().block(Duration.ofSeconds(20))))
				.containsEntry("type", "redis")
				.containsEntry("status", "UP");
			redis.stop();
			try {
				Health down = health.health().block(Duration.ofSeconds(20));
				assertThat(down.getStatus()).isEqualTo(Status.DOWN);
				assertThat(cookieStore(down)).containsEntry("status", "DOWN")
					.hasEntrySatisfying("error",
							(error) -> assertThat(error.toString()).startsWith("The Redis cookie store failed to"));
			}
			finally {
				redis.start();
			}
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(health.health().block(Duration.ofSeconds(20)).getStatus())
					.isEqualTo(Status.UP));
			assertThat(ProfileUpstream.getNow(b.forProfile("alice"), upstream.url("/echo")))
				.isEqualTo("session=alice" + ProfileUpstream.SECRET);
		}));
	}

	@Test
	void theDocsExampleStartsWithSessionProfilesInRedis() throws Exception {
		List<String> properties = new ArrayList<>();
		for (PropertySource<?> source : new YamlPropertySourceLoader().load("profiles.yml",
				new ClassPathResource("snippets/profiles.yml"))) {
			EnumerablePropertySource<?> yaml = (EnumerablePropertySource<?>) source;
			for (String name : yaml.getPropertyNames()) {
				properties.add(name + "=" + yaml.getProperty(name));
			}
		}
		assertThat(properties).contains("xhr.profiles.scope=session", "xhr.profiles.cookie-store=redis");
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues(properties.toArray(String[]::new))
			// this test's Redis, not redis.internal
			.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.port())
			.run((context) -> {
				assertThat(context.getBean(XhrFactory.class)).isInstanceOfSatisfying(ScopedXhrFactory.class,
						(factory) -> assertThat(factory.getScope()).isEqualTo(XhrProfileScope.SESSION));
				XhrCookieStores stores = context.getBean(XhrCookieStores.class);
				assertThat(stores.getType()).isEqualTo("redis");
				assertThat(stores.getStores().apply("k")).hasToString("RedisCookieStore[key=orders:xhr-cookies:k]");
				stores.check();
			});
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> cookieStore(Health health) {
		return (Map<String, Object>) health.getDetails().get(XhrHealthIndicator.COOKIE_STORE);
	}

}
