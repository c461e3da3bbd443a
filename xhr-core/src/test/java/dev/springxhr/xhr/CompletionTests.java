package dev.springxhr.xhr;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.springxhr.xhr.support.SilentServer;
import dev.springxhr.xhr.support.XhrTestServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link XMLHttpRequest#completion()} and {@link XMLHttpRequest#asMono()}: one send's end as a CompletionStage and a
 * Mono, after loadend and its listeners, failing with the DOMException a synchronous send would throw; never lost.
 */
class CompletionTests {

	@RegisterExtension
	static final XhrTestServer<WireMockServer> wireMock = XhrTestServer.wireMock();

	@Test
	void aLoadCompletesWithTheRequestAfterLoadendAndItsListeners() throws Exception {
		wireMock.server().stubFor(get("/ok").willReturn(aResponse().withBody("fine")));
		List<String> order = new CopyOnWriteArrayList<>();
		XMLHttpRequest xhr = wireMock.factory().create();
		xhr.setOnloadend((event) -> order.add("loadend"));
		xhr.open("GET", "/ok");
		// tag::completion[]
		xhr.send();
		CompletableFuture<String> text = xhr.completion()
			.thenApply(XMLHttpRequest::getResponseText)     // after loadend; a failure skips to the end
			.toCompletableFuture();
		// end::completion[]
		CompletableFuture<XMLHttpRequest> done = xhr.completion().thenApply((request) -> {
			order.add("completion");
			return request;
		}).toCompletableFuture();

		assertThat(text.get(10, TimeUnit.SECONDS)).isEqualTo("fine");
		assertThat(done.get(10, TimeUnit.SECONDS)).isSameAs(xhr);
		assertThat(order).containsExactly("loadend", "completion");
	}

	@Test
	void aNetworkErrorFailsTheCompletionWithNetworkError() {
		XMLHttpRequest xhr = wireMock.factory().create();
		xhr.open("GET", "http://127.0.0.1:9/");
		xhr.send();

		assertFailsWith(xhr, DOMException.NETWORK_ERROR);
	}

	@Test
	void aTimeoutFailsItWithTimeoutErrorAndAnAbortWithAbortError() {
		try (SilentServer silent = SilentServer.start()) {
			XMLHttpRequest timedOut = wireMock.factory().create();
			timedOut.open("GET", silent.url("/silent"));
			timedOut.setTimeout(100);
			timedOut.send();
			assertFailsWith(timedOut, DOMException.TIMEOUT_ERROR);

			XMLHttpRequest aborted = wireMock.factory().create();
			aborted.open("GET", silent.url("/silent"));
			aborted.send();
			aborted.abort();
			assertFailsWith(aborted, DOMException.ABORT_ERROR);
		}
	}

	@Test
	void openDuringASendFailsItsCompletionThoughNoEventFires() {
		try (SilentServer silent = SilentServer.start()) {
			XMLHttpRequest xhr = wireMock.factory().create();
			xhr.open("GET", silent.url("/silent"));
			xhr.send();
			CompletableFuture<XMLHttpRequest> first = xhr.completion().toCompletableFuture();
			xhr.open("GET", silent.url("/silent"));

			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> first.get(10, TimeUnit.SECONDS))
				.withCauseInstanceOf(DOMException.class)
				.withMessageContaining("open() ended the send");
		}
	}

	@Test
	void theCompletionOfTheNextSendIsTheOneAskedForBeforeIt() throws Exception {
		wireMock.server().stubFor(get("/again").willReturn(aResponse().withBody("again")));
		XMLHttpRequest xhr = wireMock.factory().create();
		CompletableFuture<XMLHttpRequest> beforeSend = xhr.completion().toCompletableFuture();
		xhr.open("GET", "/again");
		xhr.send();
		assertThat(beforeSend.get(10, TimeUnit.SECONDS)).isSameAs(xhr);
		// Once ended, a send keeps its completion; the next send() starts a new one.
		assertThat(xhr.completion().toCompletableFuture().isDone()).isTrue();
		xhr.open("GET", "http://127.0.0.1:9/");
		xhr.send();
		assertFailsWith(xhr, DOMException.NETWORK_ERROR);
		assertThat(beforeSend.isCompletedExceptionally()).isFalse();
	}

	@Test
	void theMonoEmitsTheRequestOrTheFailure() {
		wireMock.server().stubFor(get("/mono").willReturn(aResponse().withBody("mono")));
		XMLHttpRequest xhr = wireMock.factory().create();
		xhr.open("GET", "/mono");
		xhr.send();
		assertThat(xhr.asMono().map(XMLHttpRequest::getResponseText).block(Duration.ofSeconds(10))).isEqualTo("mono");

		XMLHttpRequest failing = wireMock.factory().create();
		failing.open("GET", "http://127.0.0.1:9/");
		failing.send();
		assertThatExceptionOfType(DOMException.class).isThrownBy(() -> failing.asMono().block(Duration.ofSeconds(10)))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo(DOMException.NETWORK_ERROR));
	}

	@Test
	void aSynchronousSendCompletesToo() {
		wireMock.server().stubFor(get("/sync").willReturn(aResponse().withBody("sync")));
		XMLHttpRequest xhr = wireMock.factory().create();
		xhr.open("GET", "/sync", false);
		xhr.send();
		assertThat(xhr.completion().toCompletableFuture().join()).isSameAs(xhr);

		XMLHttpRequest failing = wireMock.factory().create();
		failing.open("GET", "http://127.0.0.1:9/", false);
		assertThatExceptionOfType(DOMException.class).isThrownBy(failing::send);
		assertFailsWith(failing, DOMException.NETWORK_ERROR);
	}

	private static void assertFailsWith(XMLHttpRequest xhr, String name) {
		CompletableFuture<XMLHttpRequest> completion = xhr.completion().toCompletableFuture();
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> completion.get(10, TimeUnit.SECONDS))
			.satisfies((ex) -> assertThat(((DOMException) ex.getCause()).getName()).isEqualTo(name));
	}

}
