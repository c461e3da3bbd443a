package dev.springxhr.sample;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;

/**
 * {@code getResponse(Class)} maps JSON with the application's own JSON mapper: here Spring Boot's, configured by
 * {@code spring.jackson.*} (snake_case names), which a default mapper would not understand.
 */
@SpringBootTest(properties = "spring.jackson.property-naming-strategy=SNAKE_CASE")
class TypedJsonResponseTests {

	@RegisterExtension
	static WireMockExtension upstream = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Autowired
	private XhrFactory xhrFactory;

	record Item(String itemName, int itemCount) {
	}

	@Test
	void jsonResponseIsMappedWithTheApplicationsJsonMapper() {
		upstream.stubFor(get(urlEqualTo("/item")).willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withBody("{\"item_name\":\"pen\",\"item_count\":3}")));
		XMLHttpRequest xhr = this.xhrFactory.create();
		AtomicBoolean done = new AtomicBoolean();
		xhr.setOnloadend((event) -> done.set(true));
		xhr.open("GET", upstream.baseUrl() + "/item");
		xhr.send();
		await().atMost(Duration.ofSeconds(10)).untilTrue(done);

		assertThat(xhr.getResponse(Item.class)).isEqualTo(new Item("pen", 3));
	}

}
