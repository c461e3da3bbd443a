package dev.springxhr.test;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link XhrEventRecorder} on a factory built without Spring Boot, against WireMock: the assertions wait for
 * asynchronous requests to end, and fail, saying what was recorded, when the sequence differs.
 */
class XhrEventRecorderTests {

	@RegisterExtension
	static final WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private final XhrEventRecorder recorder = new XhrEventRecorder();

	private final XhrFactory factory = XhrFactory.builder().observer(this.recorder).build();

	@Test
	void anAsynchronousRequestIsAssertedOnceItHasEnded() {
		server.stubFor(any(urlEqualTo("/slow")).willReturn(aResponse().withBody("done").withFixedDelay(300)));
		XMLHttpRequest xhr = this.factory.create();
		xhr.open("POST", server.baseUrl() + "/slow");
		// Upload events fire only when the upload has a listener at send() (XHR §4.5.6 send(): the upload listener flag).
		xhr.getUpload().addEventListener("progress", (event) -> {
		});
		xhr.send("payload");

		assertThat(this.recorder).hasEventSequence("loadstart", "progress", "load", "loadend")
			.hasUploadEventSequence("loadstart", "progress", "load", "loadend")
			.hasReadyStateSequence(1, 2, 3, 4)
			.hasStatus(200)
			.hasMethod("POST")
			.hasUrl(server.baseUrl() + "/slow");
	}

	@Test
	void aWrongSequenceFailsSayingWhatFired() {
		server.stubFor(any(urlEqualTo("/missing")).willReturn(aResponse().withStatus(404)));
		XMLHttpRequest xhr = this.factory.create();
		xhr.open("GET", server.baseUrl() + "/missing", false);
		xhr.send();

		assertThat(this.recorder).hasEventSequence("load", "loadend").hasStatus(404);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.recorder).hasEventSequence("error", "loadend"))
			.withMessageContaining("[error, loadend]")
			.withMessageContaining("[load, loadend]");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.recorder).hasStatus(200))
			.withMessageContaining("status 200 but it was 404");
	}

	@Test
	void severalRequestsArePickedByIndex() {
		server.stubFor(any(urlEqualTo("/a")).willReturn(aResponse().withBody("a")));
		server.stubFor(any(urlEqualTo("/b")).willReturn(aResponse().withStatus(503)));
		for (String path : new String[] { "/a", "/b" }) {
			XMLHttpRequest xhr = this.factory.create();
			xhr.open("GET", server.baseUrl() + path);
			xhr.send();
		}

		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(this.recorder).hasStatus(200))
			.withMessageContaining("Expected one recorded request but there are 2");
		assertThat(this.recorder.request(0)).hasStatus(200).hasUrl(server.baseUrl() + "/a");
		assertThat(this.recorder.request(1)).hasStatus(503).hasUrl(server.baseUrl() + "/b");
	}

	@Test
	void aRequestThatNeverEndsFailsTheWaitInTime() {
		server.stubFor(any(urlEqualTo("/hang")).willReturn(aResponse().withFixedDelay(5_000)));
		XMLHttpRequest xhr = this.factory.create();
		xhr.open("GET", server.baseUrl() + "/hang");
		xhr.send();
		try {
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> this.recorder.awaitEnded(1, Duration.ofMillis(200)))
				.withMessageContaining("all ended by loadend, within PT0.2S")
				.withMessageContaining("loadstart");
		}
		finally {
			xhr.abort();
		}
		assertThat(this.recorder).hasEventSequence("loadstart", "abort", "loadend").hasStatus(0);
	}

	@Test
	void clearForgetsEveryRequest() {
		server.stubFor(any(urlEqualTo("/x")).willReturn(aResponse().withBody("x")));
		XMLHttpRequest xhr = this.factory.create();
		xhr.open("GET", server.baseUrl() + "/x", false);
		xhr.send();
		assertThat(this.recorder.requests()).hasSize(1);
		this.recorder.clear();
		assertThat(this.recorder.requests()).isEmpty();
	}

}
