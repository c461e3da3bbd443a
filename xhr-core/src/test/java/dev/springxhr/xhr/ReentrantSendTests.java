package dev.springxhr.xhr;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.springxhr.xhr.support.XhrTestServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code loadstart} listener that calls {@code open()} and {@code send()} again: the outer send "leaves quietly",
 * so only the inner request goes out and it ends in exactly one {@code loadend}; no second fetch is started for the
 * outer one, left running with its events ignored and its connection held. The standard's send() step 11.3 checks
 * only the state and the send() flag, which the inner send set again (whatwg/xhr#101, wpt#8001); WPT's
 * loadstart-and-state.html "open() during loadstart" and Chromium ({@code if (!send_flag_ || loader_) return;})
 * expect the inner request's response.
 */
class ReentrantSendTests {

	@RegisterExtension
	static final XhrTestServer<WireMockServer> wireMock = XhrTestServer.wireMock();

	@Test
	void wptOpenDuringLoadstart() throws Exception {
		XMLHttpRequest client = wireMock.factory().create();
		List<String> checks = new CopyOnWriteArrayList<>();
		AtomicBoolean first = new AtomicBoolean(true);
		client.setOnloadstart((event) -> {
			if (!first.getAndSet(false)) {
				return;
			}
			checks.add(name(() -> client.setRequestHeader("General", "Organa")));
			checks.add(name(() -> client.setWithCredentials(true)));
			checks.add(name(client::send));
			client.open("GET", "data:,BB-8");
			client.send();
		});
		client.open("GET", "data:,R2-D2");
		client.send();

		assertThat(client.completion().toCompletableFuture().get(10, TimeUnit.SECONDS).getResponseText())
			.isEqualTo("BB-8");
		assertThat(checks).containsOnly(DOMException.INVALID_STATE_ERROR);
	}

	private static String name(Runnable call) {
		try {
			call.run();
			return "no exception";
		}
		catch (DOMException ex) {
			return ex.getName();
		}
	}

	@Test
	void aSendStartedByALoadstartListenerReplacesTheOuterOne() throws Exception {
		wireMock.server().stubFor(get("/outer").willReturn(aResponse().withBody("outer")));
		wireMock.server().stubFor(get("/inner").willReturn(aResponse().withBody("inner")));
		XMLHttpRequest xhr = wireMock.factory().create();
		List<String> events = new CopyOnWriteArrayList<>();
		AtomicBoolean reopened = new AtomicBoolean();
		xhr.addEventListener("loadstart", (event) -> {
			events.add("loadstart");
			if (reopened.compareAndSet(false, true)) {
				xhr.open("GET", "/inner");
				xhr.send();
			}
		});
		xhr.addEventListener("loadend", (event) -> events.add("loadend:" + xhr.getResponseText()));
		xhr.open("GET", "/outer");
		xhr.send();

		XMLHttpRequest done = xhr.completion().toCompletableFuture().get(10, TimeUnit.SECONDS);
		assertThat(done.getResponseText()).isEqualTo("inner");
		assertThat(events).containsExactly("loadstart", "loadstart", "loadend:inner");
		assertThat(wireMock.server().findAll(anyRequestedFor(anyUrl())))
			.extracting((request) -> request.getUrl())
			.containsExactly("/inner");
	}

}
