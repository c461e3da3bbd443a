package dev.springxhr.xhr;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link XhrSettings#withPublicSuffixList}: the factory reads the list when it is built, so a list that cannot be
 * used fails there, naming it, rather than on the first cookie.
 */
class PublicSuffixListSettingTests {

	@Test
	void aFactoryReadsTheListWhenItIsBuilt() {
		ByteArrayResource list = new ByteArrayResource("test\nshared.test\n".getBytes(StandardCharsets.UTF_8),
				"our list");
		XhrFactory factory = XhrFactory.of(WebClient.builder(), XhrSettings.defaults().withPublicSuffixList(list));

		assertThat(factory.create().getReadyState()).isEqualTo(XMLHttpRequest.UNSENT);
	}

	@Test
	void aListWithoutRulesFailsTheFactoryNamingIt() {
		ByteArrayResource empty = new ByteArrayResource("// nothing\n".getBytes(StandardCharsets.UTF_8), "our list");

		assertThatIllegalArgumentException()
			.isThrownBy(() -> XhrFactory.of(WebClient.builder(), XhrSettings.defaults().withPublicSuffixList(empty)))
			.withMessageContaining("our list")
			.withMessageContaining("holds no rule");
	}

	@Test
	void aMissingListFailsTheFactoryNamingIt() {
		FileSystemResource missing = new FileSystemResource("/nonexistent/public_suffix_list.dat");

		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> XhrFactory.of(WebClient.builder(), XhrSettings.defaults().withPublicSuffixList(missing)))
			.withMessageContaining("/nonexistent/public_suffix_list.dat");
	}

}
