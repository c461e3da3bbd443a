package dev.springxhr.xhr.internal.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.springxhr.xhr.internal.encoding.Encodings;

/**
 * {@link Encodings#name}: the Encoding Standard's names for the charsets its labels map to.
 */
class EncodingsTests {

	@ParameterizedTest
	@CsvSource({ "utf8, UTF-8", "latin1, windows-1252", "ascii, windows-1252", "sjis, Shift_JIS",
			"ms932, Shift_JIS", "latin2, ISO-8859-2", "utf-16, UTF-16LE", "utf-16be, UTF-16BE", "big5, Big5",
			"gb2312, GBK", "GB18030, gb18030", "euc-jp, EUC-JP", "iso-2022-jp, ISO-2022-JP", "korean, EUC-KR",
			"koi8, KOI8-R", "koi8-ru, KOI8-U", "mac, macintosh", "x-mac-ukrainian, x-mac-cyrillic", "866, IBM866",
			"tis-620, windows-874", "iso-8859-9, windows-1254" })
	void nameIsTheEncodingStandardNameOfTheLabelsEncoding(String label, String name) {
		Charset charset = Encodings.forLabel(label);
		assertThat(charset).isNotNull();
		assertThat(Encodings.name(charset)).isEqualTo(name);
	}

	@Test
	void nameOfACharsetNoLabelMapsToIsTheJdkName() {
		assertThat(Encodings.name(StandardCharsets.ISO_8859_1)).isEqualTo("ISO-8859-1");
	}

	@Test
	void bomEncodingRecognisesTheThreeByteOrderMarks() {
		assertThat(Encodings.bomEncoding(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a' }, 4))
			.isEqualTo(StandardCharsets.UTF_8);
		assertThat(Encodings.bomEncoding(new byte[] { (byte) 0xFE, (byte) 0xFF }, 2))
			.isEqualTo(StandardCharsets.UTF_16BE);
		assertThat(Encodings.bomEncoding(new byte[] { (byte) 0xFF, (byte) 0xFE }, 2))
			.isEqualTo(StandardCharsets.UTF_16LE);
		assertThat(Encodings.bomEncoding(new byte[] { (byte) 0xEF, (byte) 0xBB }, 2)).isNull();
		assertThat(Encodings.bomEncoding(new byte[] { (byte) 0xFF, (byte) 0xFE }, 1)).isNull();
	}

}
