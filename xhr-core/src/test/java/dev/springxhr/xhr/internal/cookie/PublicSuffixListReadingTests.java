package dev.springxhr.xhr.internal.cookie;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A Public Suffix List read at run time instead of the bundled one: the PSL file format, gzipped or not.
 */
class PublicSuffixListReadingTests {

	private static final String LIST = """
			// a list of our own
			test
			shared.test
			*.wild.test
			!www.wild.test
			""";

	@Test
	void aPlainListIsReadWithItsRules() {
		PublicSuffixList list = PublicSuffixList.read(stream(LIST.getBytes(StandardCharsets.UTF_8)), "plain.dat");

		assertThat(list.isPublicSuffix("shared.test")).isTrue();
		assertThat(list.registrableDomain("a.shared.test")).isEqualTo("a.shared.test");
		assertThat(list.registrableDomain("x.y.wild.test")).isEqualTo("x.y.wild.test");
		assertThat(list.registrableDomain("www.wild.test")).isEqualTo("www.wild.test");
		// Not in this list, unlike in the bundled one: co.uk is an ordinary domain under the implicit * rule.
		assertThat(list.isPublicSuffix("co.uk")).isFalse();
	}

	@Test
	void aGzippedListIsReadAsTheSameList() throws IOException {
		PublicSuffixList list = PublicSuffixList.read(stream(gzip(LIST)), "list.dat.gz");

		assertThat(list.isPublicSuffix("shared.test")).isTrue();
		assertThat(list.isPublicSuffix("co.uk")).isFalse();
	}

	@Test
	void aListWithoutRulesIsRefusedNamingIt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PublicSuffixList.read(stream("// only a comment\n".getBytes(StandardCharsets.UTF_8)),
					"file [/etc/empty.dat]"))
			.withMessageContaining("file [/etc/empty.dat] holds no rule");
	}

	@Test
	void theBundledListIsTheRefreshedOne() {
		// 12chars.dev is a private-section rule that the 2023-02 list did not have (xhr-core/psl regenerates it).
		assertThat(PublicSuffixList.instance().isPublicSuffix("12chars.dev")).isTrue();
		assertThat(PublicSuffixList.instance().registrableDomain("me.12chars.dev")).isEqualTo("me.12chars.dev");
		assertThat(PublicSuffixList.instance().isPublicSuffix("co.uk")).isTrue();
	}

	private static ByteArrayInputStream stream(byte[] bytes) {
		return new ByteArrayInputStream(bytes);
	}

	private static byte[] gzip(String text) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}

}
