package dev.springxhr.docs.testing;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.springxhr.test.XhrEventRecorder;
import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recorder without Spring Boot, from docs/testing.md.
 */
class RecorderWithoutBootSnippets {

    @RegisterExtension
    static final WireMockExtension wireMock = WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort())
        .build();

    @Test
    void theRecorderObservesAFactoryBuiltWithoutBoot() {
        wireMock.stubFor(post("/upload").willReturn(aResponse().withStatus(201)));
        // tag::recorder-without-boot[]
        XhrEventRecorder recorder = new XhrEventRecorder();
        XhrFactory factory = XhrFactory.builder().observer(recorder).build();

        XMLHttpRequest xhr = factory.create();
        xhr.open("POST", wireMock.baseUrl() + "/upload");
        xhr.getUpload().addEventListener("progress", (event) -> { });  // upload events need a listener
        xhr.send("report");

        assertThat(recorder).hasEventSequence("loadstart", "load", "loadend")
            .hasUploadEventSequence("loadstart", "progress", "load", "loadend")
            .hasStatus(201);
        // end::recorder-without-boot[]
    }

}
