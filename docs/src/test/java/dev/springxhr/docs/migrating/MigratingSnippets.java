package dev.springxhr.docs.migrating;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import dev.springxhr.xhr.URLSearchParams;
import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;
import dev.springxhr.xhr.XhrSettings;
import dev.springxhr.xhr.event.ProgressEvent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The side-by-side snippets of docs/migrating-from-webclient-and-restclient.md: each WebClient or RestClient call
 * and its XMLHttpRequest equivalent run against the same WireMock server and must get the same answer.
 */
class MigratingSnippets {

	private static final Logger log = LoggerFactory.getLogger(MigratingSnippets.class);

	@RegisterExtension
	static final WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	record Order(long id, String item) {
	}

	private final WebClient webClient = WebClient.create(server.baseUrl());

	private final RestClient restClient = RestClient.create(server.baseUrl());

	private final XhrFactory xhrFactory = XhrFactory.of(WebClient.builder(),
			XhrSettings.defaults().withBaseUrl(URI.create(server.baseUrl() + "/")));

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	@Test
	void getJsonIntoARecord() {
		server.stubFor(get("/orders/42").willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withBody("{\"id\":42,\"item\":\"pen\"}")));
		// tag::get-json-webclient[]
		Order order = webClient.get().uri("/orders/42").retrieve().bodyToMono(Order.class).block();
		// end::get-json-webclient[]
		// tag::get-json-restclient[]
		Order sameOrder = restClient.get().uri("/orders/42").retrieve().body(Order.class);
		// end::get-json-restclient[]
		// tag::get-json-xhr[]
		XMLHttpRequest xhr = xhrFactory.create();
		xhr.open("GET", "/orders/42", false);       // synchronous, like block() or RestClient
		xhr.send();
		Order fromXhr = xhr.getResponse(Order.class);  // the WebClient's JSON codec: your Jackson settings
		// end::get-json-xhr[]
		assertThat(order).isEqualTo(new Order(42, "pen")).isEqualTo(sameOrder).isEqualTo(fromXhr);
	}

	@Test
	void getJsonAsynchronouslyWithWebClient() {
		stubOrder42();
		CompletableFuture<Order> result = new CompletableFuture<>();
		Consumer<Order> handle = result::complete;
		// tag::get-json-async-webclient[]
		webClient.get().uri("/orders/42").retrieve().bodyToMono(Order.class).subscribe(handle);
		// end::get-json-async-webclient[]
		assertThat(result.join()).isEqualTo(new Order(42, "pen"));
	}

	@Test
	void getJsonAsynchronouslyWithXhr() {
		stubOrder42();
		CompletableFuture<Order> result = new CompletableFuture<>();
		Consumer<Order> handle = result::complete;
		// tag::get-json-async-xhr[]
		XMLHttpRequest xhr = xhrFactory.create();
		xhr.setOnload((event) -> handle.accept(xhr.getResponse(Order.class)));
		xhr.open("GET", "/orders/42");
		xhr.send();
		// end::get-json-async-xhr[]
		assertThat(result.join()).isEqualTo(new Order(42, "pen"));
	}

	private static void stubOrder42() {
		server.stubFor(get("/orders/42").willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withBody("{\"id\":42,\"item\":\"pen\"}")));
	}

	@Test
	void postJson() {
		server.stubFor(post("/orders").willReturn(aResponse().withStatus(201)));
		Order order = new Order(43, "ink");
		// tag::post-json-webclient[]
		webClient.post().uri("/orders").contentType(MediaType.APPLICATION_JSON).bodyValue(order)
			.retrieve().toBodilessEntity().block();
		// end::post-json-webclient[]
		// tag::post-json-xhr[]
		XMLHttpRequest xhr = xhrFactory.create();
		xhr.open("POST", "/orders", false);
		xhr.setRequestHeader("Content-Type", "application/json");
		xhr.send(jsonMapper.writeValueAsString(order));   // a String: send(order) would send order.toString()
		// end::post-json-xhr[]
		assertThat(xhr.getStatus()).isEqualTo((short) 201);
		server.verify(2, postRequestedFor(urlEqualTo("/orders")).withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("{\"id\":43,\"item\":\"ink\"}")));
	}

	@Test
	void headers() {
		server.stubFor(get("/orders").willReturn(aResponse().withHeader("X-Total-Count", "2").withBody("[]")));
		String requestId = "r-1";
		// tag::headers-webclient[]
		String total = webClient.get().uri("/orders").header("X-Request-Id", requestId)
			.retrieve().toBodilessEntity().block().getHeaders().getFirst("X-Total-Count");
		// end::headers-webclient[]
		// tag::headers-xhr[]
		XMLHttpRequest xhr = xhrFactory.create();
		xhr.open("GET", "/orders", false);
		xhr.setRequestHeader("X-Request-Id", requestId);   // forbidden names (Cookie, Host, …) are ignored
		xhr.send();
		String totalFromXhr = xhr.getResponseHeader("X-Total-Count");   // null when absent
		// end::headers-xhr[]
		assertThat(total).isEqualTo("2").isEqualTo(totalFromXhr);
		server.verify(2, getRequestedFor(urlEqualTo("/orders")).withHeader("X-Request-Id", equalTo("r-1")));
	}

	@Test
	void timeouts() {
		server.stubFor(get("/slow").willReturn(aResponse().withFixedDelay(3_000).withBody("late")));
		// tag::timeout-webclient[]
		Mono<String> body = webClient.get().uri("/slow").retrieve().bodyToMono(String.class)
			.timeout(Duration.ofMillis(500));                  // TimeoutException
		// end::timeout-webclient[]
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(body::block)
			.withCauseInstanceOf(java.util.concurrent.TimeoutException.class);
		List<String> seen = new CopyOnWriteArrayList<>();
		// tag::timeout-xhr[]
		XMLHttpRequest xhr = xhrFactory.create();
		xhr.setOntimeout((event) -> log.warn("no answer within {} ms", xhr.getTimeout()));
		xhr.open("GET", "/slow");
		xhr.setTimeout(500);                                   // the whole request, from send(); then timeout, loadend
		xhr.send();
		// end::timeout-xhr[]
		xhr.addEventListener("loadend", (event) -> seen.add(event.getType()));
		await().until(() -> !seen.isEmpty());
		assertThat(xhr.getStatus()).isZero();
	}

	@Test
	void errorHandling() {
		server.stubFor(get("/orders/404").willReturn(aResponse().withStatus(404).withBody("no such order")));
		// tag::errors-webclient[]
		try {
			webClient.get().uri("/orders/404").retrieve().bodyToMono(String.class).block();
		}
		catch (WebClientResponseException.NotFound ex) {    // a 4xx or 5xx is an exception
			log.info("not found: {}", ex.getResponseBodyAsString());
		}
		// end::errors-webclient[]
		List<Short> statuses = new CopyOnWriteArrayList<>();
		// tag::errors-xhr[]
		XMLHttpRequest xhr = xhrFactory.create();
		xhr.setOnload((event) -> {                          // any HTTP status is a response: load fires
			if (xhr.getStatus() == 404) {
				log.info("not found: {}", xhr.getResponseText());
			}
		});
		xhr.setOnerror((event) -> log.warn("network error")); // refused, reset, CORS, too large: status 0
		xhr.open("GET", "/orders/404");
		xhr.send();
		// end::errors-xhr[]
		xhr.addEventListener("loadend", (event) -> statuses.add(xhr.getStatus()));
		await().until(() -> !statuses.isEmpty());
		assertThat(statuses).containsExactly((short) 404);
	}

	@Test
	void retries() {
		server.stubFor(get("/flaky").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("recovered"));
		server.stubFor(get("/flaky").inScenario("flaky").whenScenarioStateIs("recovered")
			.willReturn(aResponse().withBody("ok")).willSetStateTo("reset-again"));
		server.stubFor(get("/flaky").inScenario("flaky").whenScenarioStateIs("reset-again")
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("recovered"));
		// tag::retry-webclient[]
		String body = webClient.get().uri("/flaky").retrieve().bodyToMono(String.class)
			.retryWhen(Retry.backoff(3, Duration.ofMillis(100)))
			.block();
		// end::retry-webclient[]
		assertThat(body).isEqualTo("ok");
		CompletableFuture<XMLHttpRequest> done = new CompletableFuture<>();
		getWithRetries("/flaky", 3, done::complete);
		XMLHttpRequest xhr = done.join();
		assertThat(xhr.getStatus()).isEqualTo((short) 200);
		assertThat(xhr.getResponseText()).isEqualTo("ok");
	}

	// tag::retry-xhr[]
	void getWithRetries(String url, int attempts, Consumer<XMLHttpRequest> whenDone) {
		XMLHttpRequest xhr = xhrFactory.create();
		xhr.setOnload((event) -> whenDone.accept(xhr));
		xhr.setOnerror((event) -> {                         // only network errors; a 503 is a load
			if (attempts > 1) {
				getWithRetries(url, attempts - 1, whenDone);
			}
			else {
				whenDone.accept(xhr);
			}
		});
		xhr.open("GET", url);
		xhr.send();
	}
	// end::retry-xhr[]

	@Test
	void progress() {
		server.stubFor(get("/export.csv").willReturn(aResponse().withHeader("Content-Type", "text/csv")
			.withBody("id,item\n".repeat(20_000))));
		// tag::progress-webclient[]
		long bytes = webClient.get().uri("/export.csv").retrieve().bodyToFlux(DataBuffer.class)
			.map((buffer) -> {
				int count = buffer.readableByteCount();
				DataBufferUtils.release(buffer);
				return (long) count;
			})
			.reduce(0L, Long::sum)
			.block();
		// end::progress-webclient[]
		List<Long> loaded = new CopyOnWriteArrayList<>();
		// tag::progress-xhr[]
		XMLHttpRequest xhr = xhrFactory.create();
		xhr.addEventListener("progress", (event) -> {
			ProgressEvent progress = (ProgressEvent) event;   // at most every 50 ms, and at the end
			log.info("{} of {} bytes", progress.getLoaded(), progress.getTotal());
		});
		xhr.open("GET", "/export.csv");
		xhr.send();
		// end::progress-xhr[]
		xhr.addEventListener("loadend", (event) -> loaded.add(((ProgressEvent) event).getLoaded()));
		await().until(() -> !loaded.isEmpty());
		assertThat(loaded).containsExactly(bytes);
	}

	@Test
	void cookies() {
		server.stubFor(post("/login").willReturn(aResponse().withStatus(204)
			.withHeader("Set-Cookie", "session=abc123; Path=/; HttpOnly")));
		server.stubFor(get("/me").willReturn(aResponse().withBody("ada")));
		// tag::cookies-xhr[]
		XMLHttpRequest login = xhrFactory.create();
		login.open("POST", "/login", false);
		login.send(new URLSearchParams("user=ada&password=secret"));
		// the factory's cookie store now holds the session cookie, as a browser profile would

		XMLHttpRequest me = xhrFactory.create();
		me.open("GET", "/me", false);
		me.send();                                         // sends Cookie: session=abc123
		// end::cookies-xhr[]
		assertThat(me.getResponseText()).isEqualTo("ada");
		server.verify(getRequestedFor(urlEqualTo("/me")).withHeader("Cookie", equalTo("session=abc123")));
		assertThat(login.getResponseHeader("Set-Cookie")).as("hidden from scripts, as in a browser").isNull();
	}

	@Test
	void redirects() {
		server.stubFor(get("/old").willReturn(aResponse().withStatus(301).withHeader("Location", "/new")));
		server.stubFor(get("/new").willReturn(aResponse().withBody("moved here")));
		// tag::redirect-xhr[]
		XMLHttpRequest xhr = xhrFactory.create();
		xhr.open("GET", "/old", false);
		xhr.send();                                       // follows up to 20 redirects (xhr.max-redirects)
		String finalUrl = xhr.getResponseURL();           // .../new; getStatus() is the final 200
		// end::redirect-xhr[]
		assertThat(finalUrl).isEqualTo(server.baseUrl() + "/new");
		assertThat(xhr.getResponseText()).isEqualTo("moved here");
		// tag::redirect-webclient[]
		WebClient following = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create().followRedirect(true)))
			.baseUrl(server.baseUrl())
			.build();
		// end::redirect-webclient[]
		assertThat(following.get().uri("/old").retrieve().bodyToMono(String.class).block()).isEqualTo("moved here");
		assertThat(webClient.get().uri("/old").retrieve().toBodilessEntity().block().getStatusCode().value())
			.as("WebClient on Reactor Netty does not follow redirects by default")
			.isEqualTo(301);
	}

	@Test
	void customizeTheWebClient() {
		server.stubFor(get("/ping").willReturn(aResponse().withBody("pong")));
		// tag::custom-webclient[]
		WebClient.Builder builder = WebClient.builder()
			.defaultHeader("X-Client", "orders-service")
			.filter((request, next) -> {
				log.info("{} {}", request.method(), request.url());
				return next.exchange(request);
			});
		XhrFactory factory = XhrFactory.of(builder, XhrSettings.defaults().withTimeout(Duration.ofSeconds(5)));
		// end::custom-webclient[]
		XMLHttpRequest xhr = factory.create();
		xhr.open("GET", server.baseUrl() + "/ping", false);
		xhr.send();
		assertThat(xhr.getResponseText()).isEqualTo("pong");
		server.verify(getRequestedFor(urlEqualTo("/ping")).withHeader("X-Client", equalTo("orders-service")));
	}

}
