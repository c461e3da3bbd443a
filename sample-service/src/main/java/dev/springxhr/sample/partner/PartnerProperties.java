package dev.springxhr.sample.partner;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The partner upstream ({@code partner.*}).
 *
 * @param baseUrl the partner API's base URL, relative request URLs resolve against it
 * @param timeout the timeout of every partner request, shorter than the service's own {@code xhr.timeout}
 * @param apiKey the key the partner API expects in {@code X-Api-Key}
 */
@ConfigurationProperties("partner")
public record PartnerProperties(String baseUrl, @DefaultValue("3s") Duration timeout, String apiKey) {
}
