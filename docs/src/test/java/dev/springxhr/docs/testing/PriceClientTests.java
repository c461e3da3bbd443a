package dev.springxhr.docs.testing;

import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.springxhr.test.AutoConfigureXhrTest;
import dev.springxhr.test.XhrEventRecorder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

// tag::price-client-test[]
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@AutoConfigureXhrTest
class PriceClientTests {

    @RegisterExtension
    static final WireMockExtension wireMock = WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort())
        .build();

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        // Every request of the application's factories goes to WireMock, path, query and Host kept.
        registry.add("xhr.test.upstream", wireMock::baseUrl);
    }

    @Autowired
    PriceClient priceClient;

    @Autowired
    XhrEventRecorder recorder;

    @Test
    void aPriceIsLoaded() throws Exception {
        wireMock.stubFor(get("/api/prices/42").withHost(equalTo("prices.example"))
            .willReturn(aResponse().withBody("9.99")));

        String price = this.priceClient.price("42").toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(price).isEqualTo("9.99");
        assertThat(this.recorder).hasEventSequence("loadstart", "progress", "load", "loadend")
            .hasReadyStateSequence(1, 2, 3, 4)
            .hasStatus(200);
    }

    // end::price-client-test[]
    @Test
    void aMissingPriceIsAnHttpStatusNotAnError() throws Exception {
        wireMock.stubFor(get("/api/prices/0").willReturn(aResponse().withStatus(404)));

        this.priceClient.price("0").toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(this.recorder).hasEventSequence("loadstart", "load", "loadend").hasStatus(404);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(PriceClient.class)
    static class Application {

    }

    // tag::price-client-test[]
}
// end::price-client-test[]
