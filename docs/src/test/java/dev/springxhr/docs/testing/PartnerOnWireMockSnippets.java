package dev.springxhr.docs.testing;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import dev.springxhr.test.AutoConfigureXhrTest;
import dev.springxhr.test.XhrEventRecorder;
import dev.springxhr.test.XhrTestUpstream;
import dev.springxhr.xhr.DOMException;
import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * docs/testing.md's {@code XhrTestUpstream} for some hosts only: the partner's host reaches WireMock, another host is
 * left alone (port 1 of loopback, where nothing listens: a network error).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@AutoConfigureXhrTest
class PartnerOnWireMockSnippets {

    @RegisterExtension
    static final WireMockExtension partner = WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort())
        .build();

    @Autowired
    XhrFactory xhrFactory;

    @Autowired
    XhrEventRecorder recorder;

    @Test
    void onlyThePartnersHostReachesTheMock() {
        partner.stubFor(get("/api/status").willReturn(aResponse().withBody("UP")));
        XMLHttpRequest pointed = this.xhrFactory.create();
        pointed.open("GET", "https://partner.example/api/status", false);
        pointed.send();
        assertThat(pointed.getResponseText()).isEqualTo("UP");

        XMLHttpRequest leftAlone = this.xhrFactory.create();
        leftAlone.open("GET", "http://127.0.0.1:1/api/status", false);   // nothing listens there
        assertThatExceptionOfType(DOMException.class).isThrownBy(leftAlone::send)
            .satisfies((ex) -> assertThat(ex.getName()).isEqualTo("NetworkError"));
        assertThat(this.recorder.requests()).hasSize(2);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {

    }

    // tag::partner-on-wiremock[]
    @TestConfiguration(proxyBeanMethods = false)
    static class PartnerOnWireMock {

        @Bean
        XhrTestUpstream partnerOnWireMock() {
            return XhrTestUpstream.to(partner.baseUrl()).forHosts("partner.example");
        }

    }
    // end::partner-on-wiremock[]

}
