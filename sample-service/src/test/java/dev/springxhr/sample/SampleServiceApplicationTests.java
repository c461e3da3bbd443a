package dev.springxhr.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.springxhr.autoconfigure.XhrApplicationEvent;
import dev.springxhr.sample.watch.CheckResult;
import dev.springxhr.sample.watch.ServiceStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The upstream watch checks its demo upstreams through the auto-configured {@code XhrFactory}: each ends the way its
 * upstream behaves, and the relayed Spring events show each request's events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@AutoConfigureWebTestClient
class SampleServiceApplicationTests {

	@Autowired
	private WebTestClient webTestClient;

	@Autowired
	private RelayedEvents relayed;

	@DynamicPropertySource
	static void port(DynamicPropertyRegistry registry) {
		SamplePort.register(registry);
	}

	@Test
	void everyDemoUpstreamEndsTheWayItBehaves() {
		Map<String, CheckResult> results = checkAll();

		assertThat(results).containsOnlyKeys("inventory", "slow-search", "billing", "catalog-export",
				"legacy-redirects", "session", "report-upload");
		CheckResult inventory = results.get("inventory");
		assertThat(inventory.outcome()).isEqualTo("load");
		assertThat(inventory.status()).isEqualTo(200);
		// JSON mapped to a record with the application's JSON mapper
		assertThat(inventory.serviceStatus()).isNotNull()
			.extracting(ServiceStatus::service, ServiceStatus::version)
			.containsExactly("inventory", "1.4.2");
		assertThat(results.get("slow-search")).extracting(CheckResult::outcome, CheckResult::status)
			.containsExactly("timeout", 0);
		// a 500 is a response: load, not error
		assertThat(results.get("billing")).extracting(CheckResult::outcome, CheckResult::status)
			.containsExactly("load", 500);
		assertThat(results.get("catalog-export")).extracting(CheckResult::outcome, CheckResult::bytes)
			.containsExactly("load", 8L * 1024 * 1024);
		assertThat(results.get("legacy-redirects").responseUrl()).endsWith("/demo/status");
		assertThat(results.get("report-upload").summary()).contains("\"filename\":\"report.bin\"", "\"size\":2097152");
	}

	@Test
	void theSessionCookieSetByACheckIsSentByTheNext() {
		String first = checkAll().get("session").summary();
		String second = checkAll().get("session").summary();

		assertThat(second).contains("\"cookieReceived\":true").contains(sessionOf(first));
	}

	private static String sessionOf(String summary) {
		Matcher session = Pattern.compile("\"session\":\"([^\"]+)\"").matcher(summary);
		assertThat(session.find()).as("session in %s", summary).isTrue();
		return session.group(1);
	}

	@Test
	void relayedEventsShowProgressForTheLargeDownloadAndUploadProgressForTheForm() {
		checkAll();

		await().untilAsserted(() -> assertThat(this.relayed.types("/demo/large", false)).endsWith("load", "loadend"));
		List<String> download = this.relayed.types("/demo/large", false);
		assertThat(download).startsWith("readystatechange", "loadstart");
		assertThat(download.stream().filter("progress"::equals).count()).as("progress events").isGreaterThan(2);

		await().untilAsserted(() -> assertThat(this.relayed.types("/demo/upload", true)).endsWith("load", "loadend"));
		assertThat(this.relayed.types("/demo/upload", true)).startsWith("loadstart").contains("progress");
		await().untilAsserted(() -> assertThat(this.relayed.types("/demo/slow", false)).containsExactly(
				"readystatechange", "loadstart", "readystatechange", "timeout", "loadend"));
	}

	@Test
	void syncXhrIsRefusedOnTheEventLoopAndWorksOnAWorkerThread() {
		this.webTestClient.post()
			.uri("/api/sync-demo")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.onEventLoop.thread")
			.value((String thread) -> assertThat(thread).contains("-http-"))
			.jsonPath("$.onEventLoop.outcome")
			.isEqualTo("NetworkError")
			.jsonPath("$.onEventLoop.detail")
			.value((String detail) -> assertThat(detail).contains("sync-xhr policy"))
			.jsonPath("$.onWorker.thread")
			.value((String thread) -> assertThat(thread).startsWith("boundedElastic-"))
			.jsonPath("$.onWorker.outcome")
			.isEqualTo("status 200");
	}

	private Map<String, CheckResult> checkAll() {
		List<CheckResult> results = this.webTestClient.mutate()
			.responseTimeout(Duration.ofSeconds(30))
			.build()
			.get()
			.uri("/api/checks")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(CheckResult.class)
			.returnResult()
			.getResponseBody();
		assertThat(results).isNotNull();
		Map<String, CheckResult> byName = new ConcurrentHashMap<>();
		results.forEach((result) -> byName.put(result.upstream(), result));
		return byName;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class RelayedEventsConfiguration {

		@Bean
		RelayedEvents relayedEvents() {
			return new RelayedEvents();
		}

	}

	static class RelayedEvents {

		private final List<XhrApplicationEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(XhrApplicationEvent event) {
			this.events.add(event);
		}

		/** The event types of the last request to a path, on the request or on its upload. */
		List<String> types(String path, boolean upload) {
			long last = this.events.stream()
				.filter((event) -> event.getUrl().endsWith(path))
				.mapToLong(XhrApplicationEvent::getRequestId)
				.max()
				.orElse(-1);
			return this.events.stream()
				.filter((event) -> event.getRequestId() == last && event.isUpload() == upload)
				.map(XhrApplicationEvent::getEventType)
				.toList();
		}

	}

}
