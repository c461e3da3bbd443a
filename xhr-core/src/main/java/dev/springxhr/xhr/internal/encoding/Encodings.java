package dev.springxhr.xhr.internal.encoding;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.http.HttpTokens;

/**
 * The Encoding Standard's labels and encodings ("get an encoding"), each encoding but UTF-8 a {@link WhatwgCharset}
 * that decodes with the standard's own decoder and index tables; and its decode algorithm with BOM sniffing. An
 * unknown label resolves to {@code null}; the labels of unsafe encodings (ISO-2022-KR, HZ-GB-2312, …) to
 * {@code replacement}, whose decoder turns any input into one U+FFFD.
 *
 * @see <a href="https://encoding.spec.whatwg.org/#names-and-labels">Encoding §4.2 Names and labels</a>
 */
public final class Encodings {

	private static final Map<String, Charset> BY_LABEL = new HashMap<>();

	/** UTF-16BE, as a BOM or a label selects it. */
	public static final WhatwgCharset UTF_16BE = new WhatwgCharset("UTF-16BE", new Utf16Decoder(true));

	/** UTF-16LE, as a BOM or a label selects it. */
	public static final WhatwgCharset UTF_16LE = new WhatwgCharset("UTF-16LE", new Utf16Decoder(false));

	/** windows-1252, which the Latin-1 and ASCII labels select too, and HTML's default. */
	public static final WhatwgCharset WINDOWS_1252;

	// The Encoding Standard's encodings in its table's order, each with its labels.
	static {
		register("UTF-8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8");
		register("IBM866", "866", "cp866", "csibm866", "ibm866");
		register("ISO-8859-2", "csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2",
				"iso_8859-2:1987", "l2", "latin2");
		register("ISO-8859-3", "csisolatin3", "iso-8859-3", "iso-ir-109", "iso8859-3", "iso88593", "iso_8859-3",
				"iso_8859-3:1988", "l3", "latin3");
		register("ISO-8859-4", "csisolatin4", "iso-8859-4", "iso-ir-110", "iso8859-4", "iso88594", "iso_8859-4",
				"iso_8859-4:1988", "l4", "latin4");
		register("ISO-8859-5", "csisolatincyrillic", "cyrillic", "iso-8859-5", "iso-ir-144", "iso8859-5", "iso88595",
				"iso_8859-5", "iso_8859-5:1988");
		register("ISO-8859-6", "arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic", "ecma-114",
				"iso-8859-6", "iso-8859-6-e", "iso-8859-6-i", "iso-ir-127", "iso8859-6", "iso88596", "iso_8859-6",
				"iso_8859-6:1987");
		register("ISO-8859-7", "csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-8859-7", "iso-ir-126",
				"iso8859-7", "iso88597", "iso_8859-7", "iso_8859-7:1987", "sun_eu_greek");
		register("ISO-8859-8", "csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8", "iso-8859-8-e", "iso-ir-138",
				"iso8859-8", "iso88598", "iso_8859-8", "iso_8859-8:1988", "visual");
		register("ISO-8859-8-I", "csiso88598i", "iso-8859-8-i", "logical");
		register("ISO-8859-10", "csisolatin6", "iso-8859-10", "iso-ir-157", "iso8859-10", "iso885910", "l6", "latin6");
		register("ISO-8859-13", "iso-8859-13", "iso8859-13", "iso885913");
		register("ISO-8859-14", "iso-8859-14", "iso8859-14", "iso885914");
		register("ISO-8859-15", "csisolatin9", "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "l9");
		register("ISO-8859-16", "iso-8859-16");
		register("KOI8-R", "cskoi8r", "koi", "koi8", "koi8-r", "koi8_r");
		register("KOI8-U", "koi8-ru", "koi8-u");
		register("macintosh", "csmacintosh", "mac", "macintosh", "x-mac-roman");
		register("windows-874", "dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874");
		register("windows-1250", "cp1250", "windows-1250", "x-cp1250");
		register("windows-1251", "cp1251", "windows-1251", "x-cp1251");
		register("windows-1252", "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1",
				"iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii",
				"windows-1252", "x-cp1252");
		register("windows-1253", "cp1253", "windows-1253", "x-cp1253");
		register("windows-1254", "cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599",
				"iso_8859-9", "iso_8859-9:1989", "l5", "latin5", "windows-1254", "x-cp1254");
		register("windows-1255", "cp1255", "windows-1255", "x-cp1255");
		register("windows-1256", "cp1256", "windows-1256", "x-cp1256");
		register("windows-1257", "cp1257", "windows-1257", "x-cp1257");
		register("windows-1258", "cp1258", "windows-1258", "x-cp1258");
		register("x-mac-cyrillic", "x-mac-cyrillic", "x-mac-ukrainian");
		register("GBK", "chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk", "iso-ir-58",
				"x-gbk");
		register("gb18030", "gb18030");
		register("Big5", "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5");
		register("EUC-JP", "cseucpkdfmtjapanese", "euc-jp", "x-euc-jp");
		register("ISO-2022-JP", "csiso2022jp", "iso-2022-jp");
		register("Shift_JIS", "csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j",
				"x-sjis");
		register("EUC-KR", "cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987",
				"ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949");
		register("UTF-16BE", "unicodefffe", "utf-16be");
		register("UTF-16LE", "csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le");
		register("UTF-16BE", "unicodefffe", "utf-16be");
		register("UTF-16LE", "csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le");
		register("x-user-defined", "x-user-defined");
		register("replacement", "csiso2022kr", "hz-gb-2312", "iso-2022-cn", "iso-2022-cn-ext", "iso-2022-kr",
				"replacement");
		WINDOWS_1252 = (WhatwgCharset) Objects.requireNonNull(BY_LABEL.get("windows-1252"));
	}

	private Encodings() {
	}

	public static @Nullable Charset forLabel(@Nullable String label) {
		if (label == null) {
			return null;
		}
		String trimmed = label.strip();
		return BY_LABEL.get(HttpTokens.toAsciiLowerCase(trimmed));
	}

	/**
	 * The Encoding Standard's name of an encoding, as {@code document.characterSet} reports it (e.g. "Shift_JIS").
	 * @param charset an encoding of {@link #forLabel(String)} or {@link #bomEncoding(byte[], int)}
	 * @return its name
	 */
	public static String name(Charset charset) {
		return charset.name();
	}

	/**
	 * Encoding §6 "BOM sniff".
	 * @return UTF-8, UTF-16BE or UTF-16LE when {@code bytes} start with its byte order mark, else {@code null}
	 */
	public static @Nullable Charset bomEncoding(byte[] bytes, int length) {
		if (length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
			return StandardCharsets.UTF_8;
		}
		if (length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
			return UTF_16BE;
		}
		if (length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
			return UTF_16LE;
		}
		return null;
	}

	/**
	 * Encoding §6 "decode": a BOM wins over {@code fallback} and is removed; errors become U+FFFD as the encoding's
	 * decoder says.
	 * @param bytes the bytes
	 * @param length how many of them
	 * @param fallback the encoding to use without a BOM
	 */
	public static String decode(byte[] bytes, int length, Charset fallback) {
		Charset bom = bomEncoding(bytes, length);
		if (bom != null) {
			int bomLength = (bom == StandardCharsets.UTF_8) ? 3 : 2;
			return decodeWithoutBom(bytes, bomLength, length - bomLength, bom);
		}
		return decodeWithoutBom(bytes, 0, length, fallback);
	}

	private static String decodeWithoutBom(byte[] bytes, int offset, int length, Charset encoding) {
		if (encoding instanceof WhatwgCharset whatwg) {
			return whatwg.decode(bytes, offset, length);
		}
		if (encoding.equals(StandardCharsets.UTF_8)) {
			return Utf8.decodeWithoutBom(bytes, offset, length);
		}
		// A JDK charset from elsewhere: the standard's encoding of that name if there is one.
		Charset standard = forLabel(encoding.name());
		if (standard instanceof WhatwgCharset whatwg) {
			return whatwg.decode(bytes, offset, length);
		}
		return new String(bytes, offset, length, encoding);
	}

	private static void register(String name, String... labels) {
		Charset encoding = switch (name) {
			case "UTF-8" -> StandardCharsets.UTF_8;
			case "UTF-16BE" -> UTF_16BE;
			case "UTF-16LE" -> UTF_16LE;
			default -> new WhatwgCharset(name, decoder(name));
		};
		for (String label : labels) {
			BY_LABEL.put(label, encoding);
		}
	}

	/** The decoder of an encoding other than UTF-8 (Encoding §9–§14). */
	private static ByteDecoder decoder(String name) {
		EncodingIndexes indexes = EncodingIndexes.instance();
		return switch (name) {
			case "GBK", "gb18030" -> new Gb18030Decoder(indexes);
			case "Big5" -> new Big5Decoder(indexes.table("big5"));
			case "EUC-JP" -> new EucJpDecoder(indexes);
			case "ISO-2022-JP" -> new Iso2022JpDecoder(indexes);
			case "Shift_JIS" -> new ShiftJisDecoder(indexes);
			case "EUC-KR" -> new EucKrDecoder(indexes.table("euc-kr"));
			case "x-user-defined" -> SingleByteDecoder.xUserDefined();
			case "replacement" -> new ReplacementDecoder();
			// ISO-8859-8-I is ISO-8859-8 under another name; the single-byte indexes go by lower-case names.
			case "ISO-8859-8-I" -> new SingleByteDecoder(indexes.table("iso-8859-8"));
			default -> new SingleByteDecoder(indexes.table(HttpTokens.toAsciiLowerCase(name)));
		};
	}

}
