package dev.springxhr.xhr.internal.encoding;

import java.nio.charset.Charset;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Encoding Standard's decoders: every pointer of every index table round-trips through its decoder (the bytes
 * the standard's pointer arithmetic gives decode to the index's code point), the decoders' error and end-of-queue
 * rules as web-platform-tests' {@code encoding/} tests give them, and the labels of the new encodings.
 */
class EncodingStandardDecodersTests {

	private static final EncodingIndexes INDEXES = EncodingIndexes.instance();

	static Stream<String> singleByteEncodings() {
		return Stream.of("IBM866", "ISO-8859-2", "ISO-8859-3", "ISO-8859-4", "ISO-8859-5", "ISO-8859-6", "ISO-8859-7",
				"ISO-8859-8", "ISO-8859-10", "ISO-8859-13", "ISO-8859-14", "ISO-8859-15", "ISO-8859-16", "KOI8-R",
				"KOI8-U", "macintosh", "windows-874", "windows-1250", "windows-1251", "windows-1252", "windows-1253",
				"windows-1254", "windows-1255", "windows-1256", "windows-1257", "windows-1258", "x-mac-cyrillic");
	}

	@ParameterizedTest
	@MethodSource("singleByteEncodings")
	void everyByteOfASingleByteEncodingDecodesToItsIndexEntry(String name) {
		int[] index = INDEXES.table(name.toLowerCase(java.util.Locale.ROOT));
		assertThat(index).hasSize(128);
		StringBuilder expected = new StringBuilder();
		byte[] bytes = new byte[256];
		for (int i = 0; i < 256; i++) {
			bytes[i] = (byte) i;
			expected.appendCodePoint((i < 0x80) ? i : (index[i - 0x80] < 0) ? 0xFFFD : index[i - 0x80]);
		}
		assertThat(decode(name, bytes)).isEqualTo(expected.toString());
	}

	@Test
	void theIndexesHoldTheStandardsFirstEntries() {
		// Spot checks of the data itself against the standard's index files.
		assertThat(INDEXES.table("jis0208")[0]).isEqualTo(0x3000);
		assertThat(INDEXES.table("jis0212")[108]).isEqualTo(0x02D8);
		assertThat(INDEXES.table("euc-kr")[0]).isEqualTo(0xAC02);
		assertThat(INDEXES.table("gb18030")[0]).isEqualTo(0x4E02);
		assertThat(INDEXES.table("big5")[942]).isEqualTo(0x43F0);
		assertThat(INDEXES.table("windows-1252")[0]).isEqualTo(0x20AC);
		assertThat(INDEXES.table("windows-1252")[1]).isEqualTo(0x81);
	}

	@Test
	void everyJis0208PointerRoundTripsThroughEucJpShiftJisAndIso2022Jp() {
		int[] index = INDEXES.table("jis0208");
		int checked = 0;
		for (int pointer = 0; pointer < index.length; pointer++) {
			int lead = pointer / 188;
			int trail = pointer % 188;
			byte[] sjis = { (byte) (lead + ((lead < 0x1F) ? 0x81 : 0xC1)), (byte) (trail + ((trail < 0x3F) ? 0x40 : 0x41)) };
			// Shift_JIS step 3.4: the EUDC range is private use, whatever the index says.
			String sjisExpected = (pointer >= 8836 && pointer <= 10715) ? text(0xE000 - 8836 + pointer)
					: text(index[pointer], sjis[1]);
			assertThat(decode("Shift_JIS", sjis)).as("Shift_JIS pointer %d", pointer).isEqualTo(sjisExpected);
			if (pointer < 94 * 94) {
				byte[] euc = { (byte) (pointer / 94 + 0xA1), (byte) (pointer % 94 + 0xA1) };
				assertThat(decode("EUC-JP", euc)).as("EUC-JP pointer %d", pointer).isEqualTo(text(index[pointer]));
				byte[] jis = { 0x1B, 0x24, 0x42, (byte) (pointer / 94 + 0x21), (byte) (pointer % 94 + 0x21), 0x1B, 0x28,
						0x42 };
				assertThat(decode("ISO-2022-JP", jis)).as("ISO-2022-JP pointer %d", pointer)
					.isEqualTo(text(index[pointer]));
			}
			checked++;
		}
		assertThat(checked).isEqualTo(11104);
	}

	@Test
	void everyJis0212PointerRoundTripsThroughEucJp() {
		int[] index = INDEXES.table("jis0212");
		for (int pointer = 0; pointer < index.length; pointer++) {
			byte[] bytes = { (byte) 0x8F, (byte) (pointer / 94 + 0xA1), (byte) (pointer % 94 + 0xA1) };
			assertThat(decode("EUC-JP", bytes)).as("pointer %d", pointer).isEqualTo(text(index[pointer]));
		}
	}

	@Test
	void everyEucKrPointerRoundTrips() {
		int[] index = INDEXES.table("euc-kr");
		for (int pointer = 0; pointer < index.length; pointer++) {
			byte[] bytes = { (byte) (pointer / 190 + 0x81), (byte) (pointer % 190 + 0x41) };
			assertThat(decode("EUC-KR", bytes)).as("pointer %d", pointer).isEqualTo(text(index[pointer], bytes[1]));
		}
	}

	@Test
	void everyGb18030PointerRoundTripsThroughGb18030AndGbk() {
		int[] index = INDEXES.table("gb18030");
		for (int pointer = 0; pointer < index.length; pointer++) {
			int trail = pointer % 190;
			byte[] bytes = { (byte) (pointer / 190 + 0x81), (byte) (trail + ((trail < 0x3F) ? 0x40 : 0x41)) };
			assertThat(decode("gb18030", bytes)).as("pointer %d", pointer).isEqualTo(text(index[pointer], bytes[1]));
			assertThat(decode("GBK", bytes)).as("GBK pointer %d", pointer).isEqualTo(text(index[pointer], bytes[1]));
		}
	}

	@Test
	void everyGb18030RangeRoundTripsThroughFourBytes() {
		int[] ranges = INDEXES.table("gb18030-ranges");
		for (int i = 0; i < ranges.length; i += 2) {
			int pointer = ranges[i];
			if (pointer == 7457) {
				continue; // the one pointer the ranges do not decide (U+E7C7, checked below)
			}
			assertThat(decode("gb18030", fourBytes(pointer))).as("range at pointer %d", pointer)
				.isEqualTo(text(ranges[i + 1]));
		}
		assertThat(decode("gb18030", hex("81 35 F4 37"))).isEqualTo("\uE7C7");
		assertThat(decode("gb18030", hex("81 30 81 30"))).isEqualTo("\u0080");
		assertThat(decode("gb18030", hex("84 31 A4 39"))).isEqualTo("\uFFFF");
		assertThat(decode("gb18030", hex("90 30 81 30"))).isEqualTo(new String(Character.toChars(0x10000)));
		assertThat(decode("gb18030", hex("E3 32 9A 35"))).isEqualTo(new String(Character.toChars(0x10FFFF)));
		// Pointers between the BMP ranges and U+10000, and beyond U+10FFFF, are no code point.
		assertThat(decode("gb18030", fourBytes(39420))).isEqualTo("\uFFFD");
		assertThat(decode("gb18030", fourBytes(1237576))).isEqualTo("\uFFFD");
	}

	@Test
	void everyBig5PointerRoundTrips() {
		int[] index = INDEXES.table("big5");
		int checked = 0;
		for (int pointer = 0; pointer < index.length; pointer++) {
			int trail = pointer % 157;
			byte[] bytes = { (byte) (pointer / 157 + 0x81), (byte) (trail + ((trail < 0x3F) ? 0x40 : 0x62)) };
			String expected = switch (pointer) {
				case 1133 -> "\u00CA\u0304";
				case 1135 -> "\u00CA\u030C";
				case 1164 -> "\u00EA\u0304";
				case 1166 -> "\u00EA\u030C";
				default -> text(index[pointer], bytes[1]);
			};
			assertThat(decode("Big5", bytes)).as("pointer %d", pointer).isEqualTo(expected);
			checked++;
		}
		assertThat(checked).isEqualTo(19782);
	}

	// web-platform-tests encoding/textdecoder-eof.any.js, legacy-mb-schinese/gb18030/gb18030-decode-errors.html,
	// legacy-mb-japanese/iso-2022-jp/iso2022jp-decode-errors.html (the cases whose bytes its description gives)
	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource(delimiter = '|', textBlock = """
			Big5        | 81 40                   | \\uFFFD@
			Big5        | 81 81                   | \\uFFFD
			Big5        | 87 87 40                | \\uFFFD@
			gb18030     | 82 30 C3                | \\uFFFD
			gb18030     | 82 30 C3 53             | \\uFFFD0\\u80A7
			gb18030     | 83 30 FF 33             | \\uFFFD0\\uFFFD3
			gb18030     | 82 FF C3 33             | \\uFFFD\\uFFFD
			gb18030     | FF 30 C3 33             | \\uFFFD0\\uFFFD
			gb18030     | 80                      | \\u20AC
			ISO-2022-JP | 0E 24 42 79 56 1B 28 42 | \\uFFFD$ByV
			ISO-2022-JP | 1B 28 4A 0F 1B 28 42    | \\uFFFD
			ISO-2022-JP | 1B 28 49 65 1B 28 42    | \\uFFFD
			ISO-2022-JP | 1B 24 42 7F 56 1B 28 42 | \\uFFFD\\uFFFD
			ISO-2022-JP | 1B 24 42 24 74          | \\uFFFD
			ISO-2022-JP | 1B 24 42 79 7F 1B 28 42 | \\uFFFD
			ISO-2022-JP | 1B 65 79 56             | \\uFFFDeyV
			ISO-2022-JP | 1B 24 65 79 56          | \\uFFFD$eyV
			ISO-2022-JP | 1B 28 4A 5C 7E          | \\u00A5\\u203E
			ISO-2022-JP | 1B 28 49 21 5F          | \\uFF61\\uFF9F
			ISO-2022-JP | 1B 28 42 1B 28 4A 41    | \\uFFFDA
			ISO-2022-JP | 1B 24 42 30 21 1B       | \\u4E9C\\uFFFD
			ISO-2022-JP | 1B 24 42 30             | \\uFFFD
			Shift_JIS   | 80 A1 DF                | \\u0080\\uFF61\\uFF9F
			Shift_JIS   | F0 40                   | \\uE000
			Shift_JIS   | 81 20                   | \\uFFFD\\u0020
			Shift_JIS   | A0 FD FE FF             | \\uFFFD\\uFFFD\\uFFFD\\uFFFD
			EUC-JP      | 8E A1 8E 41             | \\uFF61\\uFFFDA
			EUC-JP      | 8F A2 AF                | \\u02D8
			EUC-JP      | A1                      | \\uFFFD
			EUC-KR      | B0 A1 80 41             | \\uAC00\\uFFFDA
			UTF-16LE    | 3D D8 00 DE             | \\uD83D\\uDE00
			UTF-16LE    | 00 D8 41 00             | \\uFFFDA
			UTF-16LE    | 00 DC 41                | \\uFFFD\\uFFFD
			UTF-16BE    | D8 3D DE 00 00          | \\uD83D\\uDE00\\uFFFD
			x-user-defined | 41 80 FF             | A\\uF780\\uF7FF
			replacement | 41 42 43                | \\uFFFD
			""")
	void decodesAsTheStandardAndItsTestsSay(String encoding, String bytes, String expected) {
		assertThat(decode(encoding, hex(bytes))).isEqualTo(unescape(expected));
	}

	@Test
	void theReplacementDecoderGivesNothingForNothing() {
		assertThat(decode("replacement", new byte[0])).isEmpty();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "iso-2022-kr, replacement", "hz-gb-2312, replacement", "csiso2022kr, replacement",
			"utf-16, UTF-16LE", "unicodefffe, UTF-16BE", "x-user-defined, x-user-defined",
			"iso-8859-8-i, ISO-8859-8-I", "logical, ISO-8859-8-I", "visual, ISO-8859-8", "ms932, Shift_JIS",
			"windows-949, EUC-KR", "x-gbk, GBK", "big5-hkscs, Big5" })
	void theStandardsLabelsSelectItsEncodings(String label, String name) {
		Charset encoding = Encodings.forLabel(label);
		assertThat(encoding).isNotNull();
		assertThat(Encodings.name(encoding)).isEqualTo(name);
	}

	@Test
	void charsetDecodingAndFatalDecodingAgreeWithTheDecoder() {
		WhatwgCharset shiftJis = (WhatwgCharset) Encodings.forLabel("shift_jis");
		byte[] bytes = hex("82 A0 41 FF 88 9F");
		assertThat(new String(bytes, shiftJis)).isEqualTo(shiftJis.decode(bytes, 0, bytes.length))
			.isEqualTo("\u3042A\uFFFD\u4E9C");
		assertThat(shiftJis.decodeStrictly(bytes, 0, bytes.length)).isNull();
		assertThat(shiftJis.decodeStrictly(bytes, 0, 3)).isEqualTo("\u3042A");
	}

	@Test
	void aBomWinsOverTheEncodingAndIsRemoved() {
		assertThat(Encodings.decode(hex("FF FE 41 00"), 4, Encodings.WINDOWS_1252)).isEqualTo("A");
		assertThat(Encodings.decode(hex("FE FF 00 41"), 4, Encodings.WINDOWS_1252)).isEqualTo("A");
		assertThat(Encodings.decode(hex("EF BB BF 41"), 4, Encodings.UTF_16LE)).isEqualTo("A");
	}

	private static String decode(String encoding, byte[] bytes) {
		WhatwgCharset charset = (WhatwgCharset) Encodings.forLabel(encoding);
		assertThat(charset).as(encoding).isNotNull();
		return charset.decode(bytes, 0, bytes.length);
	}

	private static String text(int codePoint) {
		return (codePoint < 0) ? "\uFFFD" : new String(Character.toChars(codePoint));
	}

	/** A two-byte sequence without a code point is an error, and an ASCII trail byte is read again. */
	private static String text(int codePoint, byte trail) {
		if (codePoint >= 0) {
			return new String(Character.toChars(codePoint));
		}
		return (trail >= 0) ? "\uFFFD" + (char) trail : "\uFFFD";
	}

	private static byte[] fourBytes(int pointer) {
		return new byte[] { (byte) (pointer / 12600 + 0x81), (byte) (pointer % 12600 / 1260 + 0x30),
				(byte) (pointer % 1260 / 10 + 0x81), (byte) (pointer % 10 + 0x30) };
	}

	private static byte[] hex(String bytes) {
		return HexFormat.ofDelimiter(" ").parseHex(bytes.strip());
	}

	private static String unescape(String text) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			if (text.startsWith("\\u", i)) {
				out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
				i += 5;
			}
			else {
				out.append(text.charAt(i));
			}
		}
		return out.toString();
	}

}
