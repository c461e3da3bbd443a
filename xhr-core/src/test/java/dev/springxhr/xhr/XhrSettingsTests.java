package dev.springxhr.xhr;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link XhrSettings} is the one place where setting values are validated: a value out of range is refused by
 * {@code with…()} (and the constructor) with an {@link IllegalArgumentException} naming the component, which is what
 * Spring Boot's properties report under the property's name.
 */
class XhrSettingsTests {

	private final XhrSettings defaults = XhrSettings.defaults();

	@Test
	void theDefaultsAreTheContractsDefaults() {
		assertThat(this.defaults.baseUrl()).isNull();
		assertThat(this.defaults.origin()).isNull();
		assertThat(this.defaults.timeout()).isZero();
		assertThat(this.defaults.syncXhrPolicy()).isEqualTo(SyncXhrPolicy.DENY_ON_EVENT_LOOP);
		assertThat(this.defaults.globalScope()).isEqualTo(GlobalScope.WINDOW);
		assertThat(this.defaults.credentialsPolicy()).isEqualTo(CredentialsPolicy.SAME_ORIGIN);
		assertThat(this.defaults.maxRedirects()).isEqualTo(20);
	}

	@Test
	void eachWithChangesOnlyItsComponent() {
		XhrSettings settings = this.defaults.withTimeout(Duration.ofSeconds(2)).withMaxRedirects(3);
		assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(2));
		assertThat(settings.maxRedirects()).isEqualTo(3);
		assertThat(settings.withTimeout(Duration.ZERO).withMaxRedirects(20)).isEqualTo(this.defaults);
	}

	@Test
	void theLimitsThemselvesAreAccepted() {
		assertThat(this.defaults.withMaxRedirects(0).maxRedirects()).isZero();
		assertThat(this.defaults.withMaxRedirects(XhrSettings.MAX_REDIRECTS).maxRedirects()).isEqualTo(20);
		assertThat(this.defaults.withMaxResponseSize(DataSize.ofBytes(0)).maxResponseSize()).isEqualTo(DataSize.ofBytes(0));
	}

	@Test
	void aNegativeTimeoutIsRefusedNamingTheComponent() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.defaults.withTimeout(Duration.ofSeconds(-1)))
			.withMessage("'timeout' must not be negative (zero means no timeout), was PT-1S");
	}

	@Test
	void aNegativeConnectTimeoutIsRefusedNamingTheComponent() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.defaults.withConnectTimeout(Duration.ofMillis(-1)))
			.withMessageStartingWith("'connectTimeout' must not be negative");
	}

	@Test
	void aNegativeResponseTimeoutIsRefusedNamingTheComponent() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.defaults.withResponseTimeout(Duration.ofMillis(-1)))
			.withMessageStartingWith("'responseTimeout' must not be negative");
	}

	@Test
	void redirectsOutsideZeroToTwentyAreRefusedNamingTheComponentAndTheRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.defaults.withMaxRedirects(21))
			.withMessage("'maxRedirects' must be between 0 and 20 (the Fetch standard's limit), was 21");
		assertThatIllegalArgumentException().isThrownBy(() -> this.defaults.withMaxRedirects(-1))
			.withMessageStartingWith("'maxRedirects' must be between 0 and 20");
	}

	@Test
	void aNegativeResponseSizeIsRefusedNamingTheComponent() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.defaults.withMaxResponseSize(DataSize.ofBytes(-1)))
			.withMessageStartingWith("'maxResponseSize' must not be negative");
	}

	@Test
	void aRelativeBaseUrlIsRefusedNamingTheComponent() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.defaults.withBaseUrl(URI.create("/relative")))
			.withMessageStartingWith("'baseUrl' must be an absolute URL");
	}

	@Test
	void anOriginWithoutAHostIsRefusedNamingTheComponent() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.defaults.withOrigin(URI.create("app.example")))
			.withMessageStartingWith("'origin' must be an absolute URL with a host");
		assertThatIllegalArgumentException().isThrownBy(() -> this.defaults.withOrigin(URI.create("mailto:a@b")))
			.withMessageStartingWith("'origin' must be an absolute URL with a host");
	}

	@Test
	void aUserAgentThatIsNoHeaderValueIsRefusedNamingTheComponent() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.defaults.withUserAgent("probe\r\nX-Injected: 1"))
			.withMessageStartingWith("'userAgent' must be a valid header value");
	}

	@Test
	void theConstructorValidatesAsTheWithMethodsDo() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new XhrSettings(null, null, Duration.ZERO, SyncXhrPolicy.ALLOW, GlobalScope.WINDOW,
					CredentialsPolicy.OMIT, 21, null, null))
			.withMessageStartingWith("'maxRedirects'");
	}

}
