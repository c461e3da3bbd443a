package dev.springxhr.sample;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class SampleServiceApplicationTests {

	@Autowired
	private WebTestClient webTestClient;

	@Test
	void checkOfAFastEndpointShowsTheWholeSuccessTimeline() {
		XhrCheckController.CheckResult result = this.webTestClient.get()
			.uri("/check?path=/demo/hello")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(XhrCheckController.CheckResult.class)
			.returnResult()
			.getResponseBody();
		assertThat(result).isNotNull();
		assertThat(result.status()).isEqualTo(200);
		assertThat(result.responseText()).contains("hello from the sample service");
		assertThat(result.events()).startsWith("readystatechange readyState=1", "loadstart readyState=1 loaded=0 total=0");
		assertThat(result.events()).contains("readystatechange readyState=2", "readystatechange readyState=4")
			.last()
			.asString()
			.startsWith("loadend readyState=4");
	}

	@Test
	void checkOfASlowEndpointWithATimeoutEndsInTimeout() {
		XhrCheckController.CheckResult result = this.webTestClient.mutate()
			.responseTimeout(Duration.ofSeconds(10))
			.build()
			.get()
			.uri("/check?path=/demo/slow&timeout=200")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(XhrCheckController.CheckResult.class)
			.returnResult()
			.getResponseBody();
		assertThat(result).isNotNull();
		assertThat(result.status()).isZero();
		assertThat(result.events()).containsExactly("readystatechange readyState=1",
				"loadstart readyState=1 loaded=0 total=0", "readystatechange readyState=4",
				"timeout readyState=4 loaded=0 total=0", "loadend readyState=4 loaded=0 total=0");
	}

}
