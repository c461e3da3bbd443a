package dev.springxhr.xhr.internal.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.springxhr.xhr.internal.url.DataUrls.DataUrl;
import dev.springxhr.xhr.internal.url.DataUrls;
import dev.springxhr.xhr.internal.url.PercentEncoding;

/**
 * {@link DataUrls} against Fetch §4.2.1 "data: URL processor" and Infra §4.7 "forgiving-base64 decode", with the
 * WPT fixtures {@code fetch/data-urls/resources/data-urls.json} and {@code base64.json}.
 */
class DataUrlsTests {

	private static final String DEFAULT = "text/plain;charset=US-ASCII";

	private static int[] bytes(int... values) {
		return values;
	}

	private static int[] unsigned(byte[] bytes) {
		int[] result = new int[bytes.length];
		for (int i = 0; i < bytes.length; i++) {
			result[i] = bytes[i] & 0xFF;
		}
		return result;
	}

	private static int[] ascii(String text) {
		return unsigned(text.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * What a browser hands the processor for a WPT input: the URL Standard's parse then serialize (fragment
	 * excluded) of a {@code data:} URL with an opaque path, as far as the fixtures need it. Leading and trailing C0
	 * controls and spaces go, so do tab, LF and CR anywhere, and a C0 control or a code point above U+007E is
	 * percent-encoded as UTF-8 (URL §4.4 C0 control percent-encode set).
	 */
	private static String serializedUrl(String input) {
		int start = 0;
		int end = input.length();
		while (start < end && input.charAt(start) <= 0x20) {
			start++;
		}
		while (end > start && input.charAt(end - 1) <= 0x20) {
			end--;
		}
		StringBuilder result = new StringBuilder();
		for (int i = start; i < end; i++) {
			char c = input.charAt(i);
			if (c == '#') {
				break;
			}
			if (c == '\t' || c == '\n' || c == '\r') {
				continue;
			}
			if (c < 0x20 || c > 0x7E) {
				int codePoint = input.codePointAt(i);
				i += Character.charCount(codePoint) - 1;
				for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
					result.append('%').append("%02X".formatted(b & 0xFF));
				}
			}
			else {
				result.append(c);
			}
		}
		return result.toString();
	}

	// WPT fetch/data-urls/resources/data-urls.json

	@ParameterizedTest
	@MethodSource("wptDataUrls")
	void wptDataUrls(String input, @Nullable String expectedMimeType, int @Nullable [] expectedBody) {
		DataUrl result = DataUrls.process(serializedUrl(input));
		if (expectedMimeType == null) {
			assertThat(result).isNull();
			return;
		}
		assertThat(result).isNotNull();
		assertThat(result.mimeType().serialize()).isEqualTo(expectedMimeType);
		assertThat(unsigned(result.body())).containsExactly(expectedBody);
	}

	/**
	 * The fixture's cases in its order, less {@code "data://test:test/,X"}: that one fails in the URL parser
	 * (port "test"), before there is a URL to process.
	 */
	static Stream<Arguments> wptDataUrls() {
		return Stream.of(
				// "//test/" has no type before its first '/': the default MIME type.
				Arguments.of("data://test/,X", DEFAULT, bytes(88)),
				Arguments.of("data:,X", DEFAULT, bytes(88)),
				Arguments.of("data:", null, null),
				Arguments.of("data:text/html", null, null),
				Arguments.of("data:text/html    ;charset=x   ", null, null),
				Arguments.of("data:,", DEFAULT, bytes()),
				Arguments.of("data:,X#X", DEFAULT, bytes(88)),
				Arguments.of("data:,%FF", DEFAULT, bytes(255)),
				Arguments.of("data:text/plain,X", "text/plain", bytes(88)),
				Arguments.of("data:text/plain ,X", "text/plain", bytes(88)),
				// The MIME type is never percent-decoded: "%20" is part of the subtype token.
				Arguments.of("data:text/plain%20,X", "text/plain%20", bytes(88)),
				// The URL parser has encoded the form feed as %0C before the processor sees it.
				Arguments.of("data:text/plain\f,X", "text/plain%0c", bytes(88)),
				Arguments.of("data:text/plain%0C,X", "text/plain%0c", bytes(88)),
				Arguments.of("data:text/plain;,X", "text/plain", bytes(88)),
				Arguments.of("data:;x=x;charset=x,X", "text/plain;x=x;charset=x", bytes(88)),
				Arguments.of("data:;x=x,X", "text/plain;x=x", bytes(88)),
				Arguments.of("data:text/plain;charset=windows-1252,%C2%B1", "text/plain;charset=windows-1252",
						bytes(194, 177)),
				Arguments.of("data:text/plain;Charset=UTF-8,%C2%B1", "text/plain;charset=UTF-8", bytes(194, 177)),
				Arguments.of("data:image/gif,%C2%B1", "image/gif", bytes(194, 177)),
				Arguments.of("data:IMAGE/gif,%C2%B1", "image/gif", bytes(194, 177)),
				Arguments.of("data:IMAGE/gif;hi=x,%C2%B1", "image/gif;hi=x", bytes(194, 177)),
				Arguments.of("data:IMAGE/gif;CHARSET=x,%C2%B1", "image/gif;charset=x", bytes(194, 177)),
				Arguments.of("data: ,%FF", DEFAULT, bytes(255)),
				Arguments.of("data:%20,%FF", DEFAULT, bytes(255)),
				Arguments.of("data:\f,%FF", DEFAULT, bytes(255)),
				Arguments.of("data:%1F,%FF", DEFAULT, bytes(255)),
				Arguments.of("data:\u0000,%FF", DEFAULT, bytes(255)),
				Arguments.of("data:%00,%FF", DEFAULT, bytes(255)),
				Arguments.of("data:text/html  ,X", "text/html", bytes(88)),
				Arguments.of("data:text / html,X", DEFAULT, bytes(88)),
				Arguments.of("data:†,X", DEFAULT, bytes(88)),
				Arguments.of("data:†/†,X", "%e2%80%a0/%e2%80%a0", bytes(88)),
				Arguments.of("data:X,X", DEFAULT, bytes(88)),
				Arguments.of("data:image/png,X X", "image/png", bytes(88, 32, 88)),
				Arguments.of("data:application/javascript,X X", "application/javascript", bytes(88, 32, 88)),
				Arguments.of("data:application/xml,X X", "application/xml", bytes(88, 32, 88)),
				Arguments.of("data:text/javascript,X X", "text/javascript", bytes(88, 32, 88)),
				Arguments.of("data:text/plain,X X", "text/plain", bytes(88, 32, 88)),
				Arguments.of("data:unknown/unknown,X X", "unknown/unknown", bytes(88, 32, 88)),
				// The first ',' ends the MIME type even inside a quoted string: a=" parses as a="".
				Arguments.of("data:text/plain;a=\",\",X", "text/plain;a=\"\"", bytes(34, 44, 88)),
				Arguments.of("data:text/plain;a=%2C,X", "text/plain;a=%2C", bytes(88)),
				// ";base64" is removed once, leaving ";base64", a parameter without '=' that the MIME type parser
				// drops: text/plain, and the body is decoded once.
				Arguments.of("data:;base64;base64,WA", "text/plain", bytes(88)),
				Arguments.of("data:x/x;base64;base64,WA", "x/x", bytes(88)),
				Arguments.of("data:x/x;base64;charset=x,WA", "x/x;charset=x", bytes(87, 65)),
				Arguments.of("data:x/x;base64;charset=x;base64,WA", "x/x;charset=x", bytes(88)),
				Arguments.of("data:x/x;base64;base64x,WA", "x/x", bytes(87, 65)),
				// The space reaches the body as %20, percent-decoding makes it ASCII whitespace again, and
				// forgiving-base64 ignores it.
				Arguments.of("data:;base64,W%20A", DEFAULT, bytes(88)),
				Arguments.of("data:;base64,W%0CA", DEFAULT, bytes(88)),
				Arguments.of("data:x;base64x,WA", DEFAULT, bytes(87, 65)),
				Arguments.of("data:x;base64;x,WA", DEFAULT, bytes(87, 65)),
				Arguments.of("data:x;base64=x,WA", DEFAULT, bytes(87, 65)),
				// "; base64": ';', spaces, "base64" matches; removing "base64", the spaces and the ';' leaves "".
				Arguments.of("data:; base64,WA", DEFAULT, bytes(88)),
				Arguments.of("data:;  base64,WA", DEFAULT, bytes(88)),
				// Stripped to ";charset=x   ;  base64", the suffix goes, ";charset=x   " gets text/plain in front
				// and the MIME type parser drops the trailing spaces.
				Arguments.of("data:  ;charset=x   ;  base64,WA", "text/plain;charset=x", bytes(88)),
				Arguments.of("data:;base64;,WA", "text/plain", bytes(87, 65)),
				// The spaces before ',' are stripped first, so ";base64" is the suffix and "" is left.
				Arguments.of("data:;base64 ,WA", DEFAULT, bytes(88)),
				Arguments.of("data:;base64   ,WA", DEFAULT, bytes(88)),
				Arguments.of("data:;base 64,WA", "text/plain", bytes(87, 65)),
				Arguments.of("data:;BASe64,WA", DEFAULT, bytes(88)),
				Arguments.of("data:;%62ase64,WA", "text/plain", bytes(87, 65)),
				Arguments.of("data:%3Bbase64,WA", DEFAULT, bytes(87, 65)),
				Arguments.of("data:;charset=x,X", "text/plain;charset=x", bytes(88)),
				Arguments.of("data:; charset=x,X", "text/plain;charset=x", bytes(88)),
				Arguments.of("data:;charset =x,X", "text/plain", bytes(88)),
				Arguments.of("data:;charset= x,X", "text/plain;charset=\" x\"", bytes(88)),
				Arguments.of("data:;charset=,X", "text/plain", bytes(88)),
				Arguments.of("data:;charset,X", "text/plain", bytes(88)),
				Arguments.of("data:;charset=\"x\",X", "text/plain;charset=x", bytes(88)),
				Arguments.of("data:;CHARSET=\"X\",X", "text/plain;charset=X", bytes(88)));
	}

	// WPT fetch/data-urls/resources/base64.json

	@ParameterizedTest
	@MethodSource("wptBase64")
	void wptForgivingBase64(String input, int @Nullable [] expected) {
		byte[] decoded = DataUrls.forgivingBase64Decode(input);
		if (expected == null) {
			assertThat(decoded).isNull();
		}
		else {
			assertThat(decoded).isNotNull();
			assertThat(unsigned(decoded)).containsExactly(expected);
		}
	}

	/** WPT base64.any.js also fetches each case as {@code "data:;base64," + input}: the same bytes, or failure. */
	@ParameterizedTest
	@MethodSource("wptBase64")
	void wptForgivingBase64InDataUrls(String input, int @Nullable [] expected) {
		DataUrl result = DataUrls.process(serializedUrl("data:;base64," + input));
		if (expected == null) {
			assertThat(result).isNull();
		}
		else {
			assertThat(result).isNotNull();
			assertThat(result.mimeType().serialize()).isEqualTo(DEFAULT);
			assertThat(unsigned(result.body())).containsExactly(expected);
		}
	}

	static Stream<Arguments> wptBase64() {
		int[] abcd = bytes(105, 183, 29);
		return Stream.of(Arguments.of("", bytes()), Arguments.of("abcd", abcd), Arguments.of(" abcd", abcd),
				Arguments.of("abcd ", abcd), Arguments.of(" abcd===", null), Arguments.of("abcd=== ", null),
				Arguments.of("abcd ===", null), Arguments.of("a", null), Arguments.of("ab", bytes(105)),
				Arguments.of("abc", bytes(105, 183)), Arguments.of("abcde", null), Arguments.of("\uD800\uDC00", null),
				Arguments.of("=", null), Arguments.of("==", null), Arguments.of("===", null),
				Arguments.of("====", null), Arguments.of("=====", null), Arguments.of("a=", null),
				Arguments.of("a==", null), Arguments.of("a===", null), Arguments.of("a====", null),
				Arguments.of("a=====", null), Arguments.of("ab=", null), Arguments.of("ab==", bytes(105)),
				Arguments.of("ab===", null), Arguments.of("ab====", null), Arguments.of("ab=====", null),
				Arguments.of("abc=", bytes(105, 183)), Arguments.of("abc==", null), Arguments.of("abc===", null),
				Arguments.of("abc====", null), Arguments.of("abc=====", null), Arguments.of("abcd=", null),
				Arguments.of("abcd==", null), Arguments.of("abcd===", null), Arguments.of("abcd====", null),
				Arguments.of("abcd=====", null), Arguments.of("abcde=", null), Arguments.of("abcde==", null),
				Arguments.of("abcde===", null), Arguments.of("abcde====", null), Arguments.of("abcde=====", null),
				Arguments.of("=a", null), Arguments.of("=a=", null), Arguments.of("a=b", null),
				Arguments.of("a=b=", null), Arguments.of("ab=c", null), Arguments.of("ab=c=", null),
				Arguments.of("abc=d", null), Arguments.of("abc=d=", null), Arguments.of("ab\u000Bcd", null),
				Arguments.of("ab\u3000cd", null), Arguments.of("ab\u3001cd", null), Arguments.of("ab\tcd", abcd),
				Arguments.of("ab\ncd", abcd), Arguments.of("ab\fcd", abcd), Arguments.of("ab\rcd", abcd),
				Arguments.of("ab cd", abcd), Arguments.of("ab\u00a0cd", null), Arguments.of("ab\t\n\f\r cd", abcd),
				Arguments.of(" \t\n\f\r ab\t\n\f\r cd\t\n\f\r ", abcd),
				Arguments.of("ab\t\n\f\r =\t\n\f\r =\t\n\f\r ", bytes(105)), Arguments.of("A", null),
				Arguments.of("/A", bytes(252)), Arguments.of("//A", bytes(255, 240)),
				Arguments.of("///A", bytes(255, 255, 192)), Arguments.of("////A", null), Arguments.of("/", null),
				Arguments.of("A/", bytes(3)), Arguments.of("AA/", bytes(0, 15)), Arguments.of("AAAA/", null),
				Arguments.of("AAA/", bytes(0, 0, 63)), Arguments.of("\u0000nonsense", null),
				Arguments.of("abcd\u0000nonsense", null), Arguments.of("YQ", bytes(97)), Arguments.of("YR", bytes(97)),
				Arguments.of("~~", null), Arguments.of("..", null), Arguments.of("--", null),
				Arguments.of("__", null));
	}

	// The processor beyond the fixtures

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "data:,X|X", "DATA:,X|X", "DaTa:,X|X", "data:,a,b|a,b",
			"data:text/html;base64,PGI+|<b>", "data:;base64,WA|X", "data:;BASE64,WA|X",
			"data:text/plain;base64,SGVsbG8sIFdvcmxkIQ==|Hello, World!", "data:,%41%42%43|ABC",
			"data:,%4a%4B|JK", "data:,100%|100%", "data:,%4|%4", "data:,%G1|%G1", "data:,%%41|%A", "data:,%2|%2",
			"data:,a?b=c|a?b=c", "data:,X#frag|X", "data:,#frag|" })
	void bodies(String url, @Nullable String expected) {
		DataUrl result = DataUrls.process(url);
		assertThat(result).isNotNull();
		assertThat(new String(result.body(), StandardCharsets.ISO_8859_1)).isEqualTo((expected != null) ? expected : "");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "data", "data;,X", "dat:,X", "http://example.com/,X", "blob:data:,X", " data:,X",
			"data:text/plain", "data:;base64", "data:;base64,WA=", "data:;base64,W", "data:;base64,WA%3D",
			"data:;base64,W*A=", "data:;base64,%FF%FF", "data:#,X" })
	void failures(String url) {
		assertThat(DataUrls.process(url)).isNull();
	}

	@Test
	void mimeTypeIsParsedAndSerialized() {
		DataUrl result = DataUrls.process("data:Text/HTML;Charset=\"utf-8\";q=1,x");
		assertThat(result).isNotNull();
		assertThat(result.mimeType().essence()).isEqualTo("text/html");
		assertThat(result.mimeType().parameter("charset")).isEqualTo("utf-8");
		assertThat(result.mimeType().serialize()).isEqualTo("text/html;charset=utf-8;q=1");
	}

	@Test
	void base64WithACharset() {
		DataUrl result = DataUrls.process("data:text/plain;charset=utf-8;base64,w6k=");
		assertThat(result).isNotNull();
		assertThat(result.mimeType().serialize()).isEqualTo("text/plain;charset=utf-8");
		assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("é");
	}

	@Test
	void defaultMimeTypeIsTextPlainUsAscii() {
		DataUrl result = DataUrls.process("data:,");
		assertThat(result).isNotNull();
		assertThat(result.mimeType().essence()).isEqualTo("text/plain");
		assertThat(result.mimeType().parameter("charset")).isEqualTo("US-ASCII");
		assertThat(result.body()).isEmpty();
	}

	@Test
	void aMimeTypeNeverHoldsAComma() {
		// The first ',' ends the MIME type, so a quoted ',' splits it: "a=\"x" then a body of "y\",z".
		DataUrl result = DataUrls.process("data:text/plain;a=\"x,y\",z");
		assertThat(result).isNotNull();
		assertThat(result.mimeType().serialize()).isEqualTo("text/plain;a=x");
		assertThat(new String(result.body(), StandardCharsets.US_ASCII)).isEqualTo("y\",z");
	}

	@Test
	void whitespaceAroundTheMimeTypeIsStrippedButNotInside() {
		DataUrl result = DataUrls.process("data:\t text/plain ;  a=b \f,X");
		assertThat(result).isNotNull();
		assertThat(result.mimeType().serialize()).isEqualTo("text/plain;a=b");
	}

	// Percent-decoding (URL §1.3)

	@Test
	void percentDecodingEncodesTheStringAsUtf8First() {
		assertThat(unsigned(PercentEncoding.decode("é%C3%A9"))).containsExactly(0xC3, 0xA9, 0xC3, 0xA9);
		assertThat(unsigned(PercentEncoding.decode("€"))).containsExactly(0xE2, 0x82, 0xAC);
		assertThat(unsigned(PercentEncoding.decode("😀"))).containsExactly(0xF0, 0x9F, 0x98, 0x80);
		assertThat(unsigned(PercentEncoding.decode("\u07FF"))).containsExactly(0xDF, 0xBF);
	}

	@Test
	void percentDecodingTurnsALoneSurrogateIntoTheReplacementCharacter() {
		assertThat(unsigned(PercentEncoding.decode("a\uD800b"))).containsExactly('a', 0xEF, 0xBF, 0xBD, 'b');
		assertThat(unsigned(PercentEncoding.decode("\uDC00\uD800"))).containsExactly(0xEF, 0xBF, 0xBD, 0xEF, 0xBF,
				0xBD);
	}

	@Test
	void percentDecodingKeepsMalformedSequences() {
		assertThat(unsigned(PercentEncoding.decode("%"))).containsExactly(ascii("%"));
		assertThat(unsigned(PercentEncoding.decode("%%"))).containsExactly(ascii("%%"));
		assertThat(unsigned(PercentEncoding.decode("%zz%4"))).containsExactly(ascii("%zz%4"));
		assertThat(unsigned(PercentEncoding.decode("%00%ff%Ff"))).containsExactly(0, 255, 255);
		// A decoded '%' does not start another sequence.
		assertThat(unsigned(PercentEncoding.decode("%2541"))).containsExactly(ascii("%41"));
	}

	@Test
	void percentDecodingOfAnythingElseIsTheUtf8Bytes() {
		ByteArrayOutputStream expected = new ByteArrayOutputStream();
		StringBuilder input = new StringBuilder();
		for (char c = 0; c < 0x80; c++) {
			if (c != '%') {
				input.append(c);
				expected.write(c);
			}
		}
		assertThat(PercentEncoding.decode(input.toString())).isEqualTo(expected.toByteArray());
	}

	// Forgiving-base64 beyond the fixture

	@Test
	void forgivingBase64DecodesTheWholeAlphabet() {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
		assertThat(DataUrls.forgivingBase64Decode(alphabet))
			.isEqualTo(Base64.getDecoder().decode(alphabet));
	}

	@Test
	void forgivingBase64AgreesWithTheJdkOnPaddedInput() {
		byte[] all = new byte[256];
		for (int i = 0; i < all.length; i++) {
			all[i] = (byte) i;
		}
		for (int length = 0; length <= all.length; length++) {
			byte[] data = Arrays.copyOf(all, length);
			String encoded = Base64.getEncoder().encodeToString(data);
			assertThat(DataUrls.forgivingBase64Decode(encoded)).isEqualTo(data);
			assertThat(DataUrls.forgivingBase64Decode(encoded.replace("=", ""))).isEqualTo(data);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "YQ==YQ==", "Y Q = =", "YQ=\n=", "-_-_", "YQ==\u000B", "\uFF21\uFF21" })
	void forgivingBase64Edges(String input) {
		byte[] decoded = DataUrls.forgivingBase64Decode(input);
		switch (input) {
			// Whitespace is removed before the padding is looked at.
			case "Y Q = =", "YQ=\n=" -> assertThat(decoded).containsExactly('a');
			default -> assertThat(decoded).isNull();
		}
	}

}
