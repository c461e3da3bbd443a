package dev.springxhr.xhr.internal.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.springxhr.xhr.internal.encoding.Encodings;
import dev.springxhr.xhr.internal.document.HtmlEncodingSniffer;

/**
 * HTML §13.2.3.2 "prescan a byte stream to determine its encoding", in the style of the WPT encoding tests.
 */
class HtmlEncodingSnifferTests {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final Charset SHIFT_JIS = Encodings.forLabel("shift_jis");

	private static @Nullable Charset prescan(String markup) {
		byte[] bytes = markup.getBytes(StandardCharsets.ISO_8859_1);
		return HtmlEncodingSniffer.prescan(bytes, bytes.length);
	}

	@Test
	void metaCharsetIsFound() {
		assertThat(prescan("<!DOCTYPE html><html><head><meta charset=\"windows-1252\"><title>x</title>"))
			.isEqualTo(WINDOWS_1252);
	}

	@Test
	void httpEquivContentTypeWithCharsetIsFound() {
		assertThat(prescan("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=shift_jis\">"))
			.isEqualTo(SHIFT_JIS);
	}

	@Test
	void contentWithoutHttpEquivIsIgnored() {
		assertThat(prescan("<meta content=\"text/html; charset=shift_jis\">")).isNull();
	}

	@Test
	void contentBeforeHttpEquivCounts() {
		assertThat(prescan("<meta content='text/html;charset = \"shift_jis\"' http-equiv=content-type>"))
			.isEqualTo(SHIFT_JIS);
	}

	@Test
	void theFirstOfARepeatedAttributeWins() {
		assertThat(prescan("<meta charset=windows-1252 charset=shift_jis>")).isEqualTo(WINDOWS_1252);
	}

	@Test
	void charsetInsideACommentIsIgnored() {
		assertThat(prescan("<!-- <meta charset=\"windows-1252\"> --><p>")).isNull();
		assertThat(prescan("<!-- <meta charset=\"windows-1252\"> --><meta charset=\"shift_jis\">"))
			.isEqualTo(SHIFT_JIS);
	}

	@Test
	void aCommentMayEndWithTheDashesThatOpenedIt() {
		assertThat(prescan("<!--><meta charset=shift_jis>")).isEqualTo(SHIFT_JIS);
	}

	@Test
	void charsetInAnotherTagsAttributeIsIgnored() {
		assertThat(prescan("<div title='<meta charset=shift_jis>'><meta charset=windows-1252>"))
			.isEqualTo(WINDOWS_1252);
	}

	@Test
	void processingInstructionsAndEndTagsAreSkipped() {
		assertThat(prescan("<?php echo '<meta charset=shift_jis>' ?></p><meta charset=windows-1252>"))
			.isEqualTo(WINDOWS_1252);
	}

	@Test
	void metaBeyondTheFirst1024BytesIsIgnored() {
		String padding = "<!--" + "x".repeat(1020) + "-->";
		assertThat(prescan(padding + "<meta charset=windows-1252>")).isNull();
		assertThat(prescan("<!--" + "x".repeat(990) + "--><meta charset=windows-1252>")).isEqualTo(WINDOWS_1252);
	}

	@Test
	void metaCutByThe1024ByteLimitIsIgnored() {
		String markup = " ".repeat(1024 - "<meta charset=windows-12".length()) + "<meta charset=windows-1252>";
		assertThat(prescan(markup)).isNull();
	}

	@Test
	void utf16BecomesUtf8() {
		assertThat(prescan("<meta charset=utf-16>")).isEqualTo(StandardCharsets.UTF_8);
		assertThat(prescan("<meta charset=utf-16be>")).isEqualTo(StandardCharsets.UTF_8);
	}

	@Test
	void xUserDefinedBecomesWindows1252() {
		assertThat(prescan("<meta charset=x-user-defined>")).isEqualTo(WINDOWS_1252);
	}

	@Test
	void unquotedAndUppercaseAreAccepted() {
		assertThat(prescan("<META CHARSET=SHIFT_JIS>")).isEqualTo(SHIFT_JIS);
		assertThat(prescan("<MeTa\tHTTP-EQUIV=CONTENT-TYPE CONTENT=text/html;CHARSET=WINDOWS-1252>"))
			.isEqualTo(WINDOWS_1252);
	}

	@Test
	void metaMustBeFollowedBySpaceOrSlash() {
		assertThat(prescan("<metacharset=shift_jis>")).isNull();
		assertThat(prescan("<meta/charset=shift_jis>")).isEqualTo(SHIFT_JIS);
	}

	@Test
	void anUnknownCharsetIsFailureAndTheScanGoesOn() {
		assertThat(prescan("<meta charset=bogus><meta charset=shift_jis>")).isEqualTo(SHIFT_JIS);
	}

	@Test
	void anUnknownCharsetIsNotReplacedByALaterContent() {
		assertThat(prescan("<meta charset=bogus http-equiv=content-type content='charset=shift_jis'>")).isNull();
	}

	@Test
	void unterminatedQuotesInContentYieldNothing() {
		assertThat(HtmlEncodingSniffer.extractFromMetaContent("text/html; charset=\"shift_jis")).isNull();
		assertThat(HtmlEncodingSniffer.extractFromMetaContent("text/html; charsetfoo; charset=shift_jis;x"))
			.isEqualTo(SHIFT_JIS);
		assertThat(HtmlEncodingSniffer.extractFromMetaContent("text/html")).isNull();
	}

	@Test
	void nothingFoundIsFailure() {
		assertThat(prescan("<html><head><title>no charset</title></head>")).isNull();
		assertThat(prescan("")).isNull();
	}

}
