package dev.springxhr.xhr;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.support.EventRecorder;
import dev.springxhr.xhr.support.XhrTestServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The factory's {@link XhrEventObserver} sees every event in the request's order, also events nobody listens to,
 * and cannot break a request.
 */
class XhrEventObserverTests {

	@RegisterExtension
	static final XhrTestServer<WireMockServer> wireMock = XhrTestServer.wireMock();

	@Test
	void theObserverSeesEveryEventBeforeItsListenersAndNestedEventsAfterIt() {
		wireMock.server().stubFor(any(anyUrl()).willReturn(aResponse().withBody("body")));
		List<String> observed = new CopyOnWriteArrayList<>();
		XhrFactory factory = new WebClientXhrFactory(WebClient.builder(), wireMock.settings(),
				WebClientXhrFactory.defaultEventExecutor(), (event) -> observed
					.add(event.eventType() + "@" + event.readyState() + "/" + event.status()));
		XMLHttpRequest xhr = factory.create();
		// Only readystatechange has a listener: the observer still sees the others. abort() inside rsc(2)
		// fires its events nested in that dispatch, and the observer sees them after rsc(2).
		xhr.setOnreadystatechange((e) -> {
			if (xhr.getReadyState() == XMLHttpRequest.HEADERS_RECEIVED) {
				xhr.abort();
			}
		});
		xhr.open("GET", wireMock.baseUrl() + "/abort");
		xhr.send();

		await().until(() -> observed.contains("loadend@4/0"));
		assertThat(observed).containsExactly("readystatechange@1/0", "loadstart@1/0", "readystatechange@2/200",
				"readystatechange@4/0", "abort@4/0", "loadend@4/0");
	}

	@Test
	void anObserverThatIsNotObservingGetsNoEventInfoUntilItIs() {
		wireMock.server().stubFor(any(anyUrl()).willReturn(aResponse().withBody("body")));
		java.util.concurrent.atomic.AtomicBoolean observing = new java.util.concurrent.atomic.AtomicBoolean();
		List<String> observed = new CopyOnWriteArrayList<>();
		XhrEventObserver sometimes = new XhrEventObserver() {

			@Override
			public void onEvent(XhrEventInfo event) {
				observed.add(event.eventType());
			}

			@Override
			public boolean isObserving() {
				return observing.get();
			}

		};
		XhrFactory factory = new WebClientXhrFactory(WebClient.builder(), wireMock.settings(),
				WebClientXhrFactory.defaultEventExecutor(), XhrEventObserver.composite(List.of(sometimes)));
		XMLHttpRequest quiet = factory.create();
		quiet.open("GET", wireMock.baseUrl() + "/quiet", false);
		quiet.send();
		assertThat(observed).isEmpty();

		observing.set(true);
		XMLHttpRequest heard = factory.create();
		heard.open("GET", wireMock.baseUrl() + "/heard", false);
		heard.send();
		assertThat(observed).containsExactly("readystatechange", "readystatechange", "load", "loadend");
	}

	@Test
	void anObserverThatThrowsIsLoggedAndTheRequestGoesOn() {
		wireMock.server().stubFor(any(anyUrl()).willReturn(aResponse().withBody("body")));
		XhrFactory factory = new WebClientXhrFactory(WebClient.builder(), wireMock.settings(),
				WebClientXhrFactory.defaultEventExecutor(), (event) -> {
					throw new IllegalStateException("observer failure");
				});
		XMLHttpRequest xhr = factory.create();
		EventRecorder rec = EventRecorder.attachHandlers(xhr, false);
		xhr.open("GET", wireMock.baseUrl() + "/throwing");
		xhr.send();

		rec.awaitLoadend();
		assertThat(rec.events()).endsWith("rsc(4)", "load(4,0,f)", "loadend(4,0,f)")
			.containsOnlyOnce("load(4,0,f)", "loadend(4,0,f)");
		assertThat(xhr.getResponseText()).isEqualTo("body");
	}

	@Test
	void eventInfoCarriesTheRequestAndIsIdentifiedPerRequest() {
		wireMock.server().stubFor(any(anyUrl()).willReturn(aResponse().withBody("body")));
		List<XhrEventInfo> observed = new CopyOnWriteArrayList<>();
		XhrFactory factory = new WebClientXhrFactory(WebClient.builder(), wireMock.settings(),
				WebClientXhrFactory.defaultEventExecutor(), observed::add);
		XMLHttpRequest first = factory.create();
		XMLHttpRequest second = factory.create();
		second.setMozBackgroundRequest(true);
		for (XMLHttpRequest xhr : List.of(first, second)) {
			xhr.open("PUT", wireMock.baseUrl() + "/info");
			xhr.send("abc");
		}

		await().until(() -> observed.stream().filter((e) -> e.eventType().equals("loadend")).count() == 2);
		List<Long> ids = observed.stream().map(XhrEventInfo::requestId).distinct().sorted().toList();
		assertThat(ids).hasSize(2);
		// Ids increase in creation order; the second request is the background one.
		assertThat(observed).filteredOn(XhrEventInfo::backgroundRequest)
			.extracting(XhrEventInfo::requestId)
			.containsOnly(ids.get(1));
		assertThat(observed).allSatisfy((e) -> {
			assertThat(e.method()).isEqualTo("PUT");
			assertThat(e.url().toString()).isEqualTo(wireMock.baseUrl() + "/info");
		});
	}

}
