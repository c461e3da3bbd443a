package dev.springxhr.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.springxhr.actuate.XhrHealthIndicator;
import dev.springxhr.autoconfigure.health.XhrHealthContributorAutoConfiguration;
import dev.springxhr.autoconfigure.metrics.XhrMetricsAutoConfiguration;
import dev.springxhr.xhr.DOMException;
import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrEventInfo;
import dev.springxhr.xhr.XhrEventObserver;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.support.EventRecorder;
import dev.springxhr.xhr.support.RawHttpServer;
import dev.springxhr.xhr.support.XhrTestServer;

/**
 * Leak hunting: a request with URL credentials, an author {@code Authorization} header, a cookie, a
 * {@code Set-Cookie} response and a redacted query parameter runs through the real auto-configuration with health
 * and metrics, and none of its secrets shows in an XhrApplicationEvent, in what an XhrEventObserver sees, in a log
 * line of the engine, Reactor Netty or WebClient at TRACE, in a meter name or tag, in the health details, or in
 * an exception's message.
 *
 * <p>Isolated: it turns global loggers up to TRACE for its duration, which other tests must not see.
 */
@Isolated("turns the dev.springxhr, reactor.netty and WebClient loggers up to TRACE")
class CredentialLeakTests {

	@RegisterExtension
	static final XhrTestServer<RawHttpServer> raw = XhrTestServer.raw();

	private static final String PASSWORD = "userinfo-secret-1";

	private static final String QUERY_SECRET = "query-secret-2";

	private static final String AUTHORIZATION = "auth-secret-3";

	private static final String COOKIE = "cookie-secret-4";

	private static final String SET_COOKIE = "set-cookie-secret-5";

	/** Secrets that no output may hold; the query value may reach the wire and the libraries' URL logs. */
	private static final List<String> CREDENTIALS = List.of(PASSWORD, AUTHORIZATION, COOKIE, SET_COOKIE,
			// Basic base64 of user:userinfo-secret-1, in case a retry sends it
			java.util.Base64.getEncoder().encodeToString(("user:" + PASSWORD).getBytes()));

	private static final List<String> LOGGERS = List.of("dev.springxhr", "reactor.netty",
			"org.springframework.web.reactive.function.client", "org.springframework.http");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XhrAutoConfiguration.class,
				XhrHealthContributorAutoConfiguration.class, XhrMetricsAutoConfiguration.class))
		.withUserConfiguration(Capture.class);

	@Configuration(proxyBeanMethods = false)
	static class Capture {

		final List<XhrApplicationEvent> events = new CopyOnWriteArrayList<>();

		final List<XhrEventInfo> infos = new CopyOnWriteArrayList<>();

		@Bean
		ApplicationListener<XhrApplicationEvent> capturingListener() {
			return this.events::add;
		}

		@Bean
		XhrEventObserver capturingObserver() {
			return this.infos::add;
		}

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	@Test
	void noSecretOfARequestShowsInEventsObserversLogsMetricsHealthOrExceptions() {
		raw.server().route("/login", RawHttpServer.response("HTTP/1.1 200 OK", "ok",
				"Set-Cookie: sid=" + COOKIE + "; Path=/", "Content-Length: 2"));
		raw.server().route("/secret", RawHttpServer.response("HTTP/1.1 200 OK", "ok",
				"Set-Cookie: session=" + SET_COOKIE + "; Path=/", "Content-Length: 2"));
		raw.server().route("/challenge", RawHttpServer.response("HTTP/1.1 401 Unauthorized", "no",
				"WWW-Authenticate: Basic realm=\"r\"", "Content-Length: 2"));
		raw.server().route("/probe", RawHttpServer.response("HTTP/1.1 200 OK", "ok", "Content-Length: 2"));
		String authority = "user:" + PASSWORD + "@127.0.0.1:" + raw.port();
		List<String> output = new ArrayList<>();
		try (CapturedLogs logs = CapturedLogs.atTrace(LOGGERS)) {
			this.contextRunner
				// One profile for the whole run: the login's cookie goes with the next request.
				.withPropertyValues("xhr.profiles.scope=application", "xhr.events.redact-query-params=token",
						"xhr.health.probes.upstream.url=" + raw.baseUrl() + "/probe?token=" + QUERY_SECRET)
				.run((context) -> {
					XhrFactory factory = context.getBean(XhrFactory.class);
					send(factory, "http://" + authority + "/login?token=" + QUERY_SECRET);
					XMLHttpRequest xhr = send(factory, "http://" + authority + "/secret?token=" + QUERY_SECRET
							+ "&keep=1");
					assertThat(raw.server().requestsTo("/secret").get(0).headerValues("Cookie"))
						.containsExactly("sid=" + COOKIE);
					output.add(xhr.getAllResponseHeaders());
					// responseURL is the URL serializer's output, which keeps userinfo (XHR §3.6.2); script sees it
					assertThat(xhr.getResponseURL()).doesNotContain(AUTHORIZATION, COOKIE, SET_COOKIE);
					// the URL's credentials answer a challenge: the retry carries them, and nothing may log them
					send(factory, "http://" + authority + "/challenge?token=" + QUERY_SECRET);
					// a synchronous failure (nobody listens on port 9) and a URL that does not parse
					XMLHttpRequest failing = factory.create();
					failing.open("GET", "http://user:" + PASSWORD + "@127.0.0.1:9/x?token=" + QUERY_SECRET, false);
					failing.setRequestHeader("Authorization", "Bearer " + AUTHORIZATION);
					output.add(message(catchThrowable(failing::send)));
					output.add(message(catchThrowable(() -> factory.create()
						.open("GET", "http://user:" + PASSWORD + "@127.0.0.1:99999/?token=" + QUERY_SECRET))));
					output.add(message(catchThrowable(() -> factory.create()
						.open("GET", "http://user:" + PASSWORD + "@exa mple/?token=" + QUERY_SECRET))));

					Health health = context.getBean(XhrHealthIndicator.class).health().block();
					output.add(String.valueOf(health.getDetails()));
					output.add(String.valueOf(health));
					for (Meter meter : context.getBean(MeterRegistry.class).getMeters()) {
						output.add(meter.getId().toString());
					}
					Capture capture = context.getBean(Capture.class);
					assertThat(capture.events).isNotEmpty();
					for (XhrApplicationEvent event : capture.events) {
						output.add(event.toString());
						output.add(event.getUrl() + " " + event.getMethod() + " " + event.getEventType());
						assertThat(event.getUrl()).doesNotContain(QUERY_SECRET).doesNotContain("user:");
					}
					assertThat(capture.infos).isNotEmpty();
					for (XhrEventInfo info : capture.infos) {
						output.add(info.toString());
					}
				});
			output.addAll(logs.lines());
			assertThat(logs.lines()).as("captured log lines").isNotEmpty();
		}
		for (String text : output) {
			for (String secret : CREDENTIALS) {
				assertThat(text).as("output line").doesNotContain(secret);
			}
		}
	}

	private static XMLHttpRequest send(XhrFactory factory, String url) {
		XMLHttpRequest xhr = factory.create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", url);
		xhr.setRequestHeader("Authorization", "Bearer " + AUTHORIZATION);
		rec.send();
		rec.awaitLoadend();
		return xhr;
	}

	private static String message(Throwable thrown) {
		assertThat(thrown).isInstanceOf(DOMException.class);
		return thrown.getMessage() + " " + thrown;
	}

	/** A ListAppender on some loggers at TRACE, removed and the levels restored on close. */
	static final class CapturedLogs implements AutoCloseable {

		private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

		private final Map<Logger, Level> previous = new java.util.LinkedHashMap<>();

		static CapturedLogs atTrace(List<String> names) {
			CapturedLogs logs = new CapturedLogs();
			logs.appender.start();
			for (String name : names) {
				Logger logger = (Logger) LoggerFactory.getLogger(name);
				logs.previous.put(logger, logger.getLevel());
				logger.setLevel(Level.TRACE);
				logger.addAppender(logs.appender);
			}
			return logs;
		}

		List<String> lines() {
			List<String> lines = new ArrayList<>();
			for (ILoggingEvent event : this.appender.list) {
				StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
				if (event.getThrowableProxy() != null) {
					line.append(' ').append(event.getThrowableProxy().getMessage());
				}
				lines.add(line.toString());
			}
			return lines;
		}

		@Override
		public void close() {
			this.previous.forEach((logger, level) -> {
				logger.detachAppender(this.appender);
				logger.setLevel(level);
			});
			this.appender.stop();
		}

	}

}
