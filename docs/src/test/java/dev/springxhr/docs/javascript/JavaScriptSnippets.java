package dev.springxhr.docs.javascript;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.springxhr.js.XhrJsContext;
import dev.springxhr.xhr.XhrFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snippet of docs/javascript.md, against WireMock.
 */
class JavaScriptSnippets {

    @RegisterExtension
    static final WireMockExtension wireMock = WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort())
        .build();

    @Test
    void aScriptsXmlHttpRequestRunsOnTheEngine() {
        wireMock.stubFor(get("/api/greeting").willReturn(aResponse().withBody("{\"text\":\"hello\"}")));
        String baseUrl = wireMock.baseUrl();
        // tag::run-script[]
        try (XhrJsContext js = XhrJsContext.create(XhrFactory.ofDefaults())) {
            js.eval("""
                    globalThis.greeting = null;
                    const xhr = new XMLHttpRequest();
                    xhr.responseType = 'json';
                    xhr.onload = () => { greeting = xhr.response.text; };
                    xhr.open('GET', '%s/api/greeting');
                    xhr.send();
                    """.formatted(baseUrl));
            js.runUntilIdle(Duration.ofSeconds(10));     // the request's events run on the context's loop
            Object greeting = js.eval("greeting").join();  // "hello"
            // end::run-script[]
            assertThat(greeting).isEqualTo("hello");
            // tag::run-script[]
        }
        // end::run-script[]
    }

}
