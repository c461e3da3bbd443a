package dev.springxhr.docs;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The setup the Spring snippets' tests share: a WireMock server on a random port that {@code xhr.base-url} points at,
 * so the snippets' relative URLs reach it.
 */
public abstract class SpringSnippetsAgainstWireMock {

	@RegisterExtension
	protected static final WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	@DynamicPropertySource
	static void xhrBaseUrl(DynamicPropertyRegistry registry) {
		registry.add("xhr.base-url", server::baseUrl);
	}

}
