package dev.springxhr.xhr.internal.encoding;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.http.HttpTokens;

/**
 * The Encoding Standard's labels mapped to JDK charsets ("get an encoding"), and its decode algorithm with BOM
 * sniffing. Labels whose encoding the JDK lacks resolve to {@code null}, like an unknown label.
 *
 * @see <a href="https://encoding.spec.whatwg.org/#names-and-labels">Encoding §4.2 Names and labels</a>
 */
public final class Encodings {

	private static final Map<String, Charset> BY_LABEL = new HashMap<>();

	private static final Map<Charset, String> NAMES = new HashMap<>();

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	/**
	 * The Encoding Standard's windows-1252 index: the JDK's, except that the five bytes the JDK leaves unmapped
	 * (0x81, 0x8D, 0x8F, 0x90, 0x9D) decode to the C1 controls of the same value.
	 */
	private static final char[] WINDOWS_1252_TABLE = new char[256];

	static {
		byte[] all = new byte[256];
		for (int i = 0; i < 256; i++) {
			all[i] = (byte) i;
		}
		String decoded = new String(all, WINDOWS_1252);
		for (int i = 0; i < 256; i++) {
			char c = decoded.charAt(i);
			WINDOWS_1252_TABLE[i] = (c == '\uFFFD') ? (char) i : c;
		}
	}

	// Each group: the Encoding Standard's name, the JDK charset that implements it, then its labels.
	static {
		register("UTF-8", "UTF-8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8",
				"x-unicode20utf8");
		register("IBM866", "IBM866", "866", "cp866", "csibm866", "ibm866");
		register("ISO-8859-2", "ISO-8859-2", "csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592",
				"iso_8859-2", "iso_8859-2:1987", "l2", "latin2");
		register("ISO-8859-3", "ISO-8859-3", "csisolatin3", "iso-8859-3", "iso-ir-109", "iso8859-3", "iso88593",
				"iso_8859-3", "iso_8859-3:1988", "l3", "latin3");
		register("ISO-8859-4", "ISO-8859-4", "csisolatin4", "iso-8859-4", "iso-ir-110", "iso8859-4", "iso88594",
				"iso_8859-4", "iso_8859-4:1988", "l4", "latin4");
		register("ISO-8859-5", "ISO-8859-5", "csisolatincyrillic", "cyrillic", "iso-8859-5", "iso-ir-144", "iso8859-5",
				"iso88595", "iso_8859-5", "iso_8859-5:1988");
		register("ISO-8859-6", "ISO-8859-6", "arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic",
				"ecma-114", "iso-8859-6", "iso-8859-6-e", "iso-8859-6-i", "iso-ir-127", "iso8859-6", "iso88596",
				"iso_8859-6", "iso_8859-6:1987");
		register("ISO-8859-7", "ISO-8859-7", "csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-8859-7",
				"iso-ir-126", "iso8859-7", "iso88597", "iso_8859-7", "iso_8859-7:1987", "sun_eu_greek");
		register("ISO-8859-8", "ISO-8859-8", "csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8", "iso-8859-8-e",
				"iso-ir-138", "iso8859-8", "iso88598", "iso_8859-8", "iso_8859-8:1988", "visual", "csiso88598i",
				"iso-8859-8-i", "logical");
		register("ISO-8859-10", "ISO-8859-10", "csisolatin6", "iso-8859-10", "iso-ir-157", "iso8859-10", "iso885910",
				"l6", "latin6");
		register("ISO-8859-13", "ISO-8859-13", "iso-8859-13", "iso8859-13", "iso885913");
		register("ISO-8859-14", "ISO-8859-14", "iso-8859-14", "iso8859-14", "iso885914");
		register("ISO-8859-15", "ISO-8859-15", "csisolatin9", "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15",
				"l9");
		register("ISO-8859-16", "ISO-8859-16", "iso-8859-16");
		register("KOI8-R", "KOI8-R", "cskoi8r", "koi", "koi8", "koi8-r", "koi8_r");
		register("KOI8-U", "KOI8-U", "koi8-ru", "koi8-u");
		register("macintosh", "x-MacRoman", "csmacintosh", "mac", "macintosh", "x-mac-roman");
		register("windows-874", "windows-874", "dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620",
				"windows-874");
		register("windows-1250", "windows-1250", "cp1250", "windows-1250", "x-cp1250");
		register("windows-1251", "windows-1251", "cp1251", "windows-1251", "x-cp1251");
		// The Encoding Standard maps Latin-1 and ASCII labels to windows-1252.
		register("windows-1252", "windows-1252", "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819",
				"iso-8859-1", "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1",
				"us-ascii", "windows-1252", "x-cp1252");
		register("windows-1253", "windows-1253", "cp1253", "windows-1253", "x-cp1253");
		register("windows-1254", "windows-1254", "cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9",
				"iso88599", "iso_8859-9", "iso_8859-9:1989", "l5", "latin5", "windows-1254", "x-cp1254");
		register("windows-1255", "windows-1255", "cp1255", "windows-1255", "x-cp1255");
		register("windows-1256", "windows-1256", "cp1256", "windows-1256", "x-cp1256");
		register("windows-1257", "windows-1257", "cp1257", "windows-1257", "x-cp1257");
		register("windows-1258", "windows-1258", "cp1258", "windows-1258", "x-cp1258");
		register("x-mac-cyrillic", "x-MacCyrillic", "x-mac-cyrillic", "x-mac-ukrainian");
		register("GBK", "GBK", "chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk",
				"iso-ir-58", "x-gbk");
		register("gb18030", "GB18030", "gb18030");
		register("Big5", "Big5-HKSCS", "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5");
		register("EUC-JP", "EUC-JP", "cseucpkdfmtjapanese", "euc-jp", "x-euc-jp");
		register("ISO-2022-JP", "ISO-2022-JP", "csiso2022jp", "iso-2022-jp");
		register("Shift_JIS", "windows-31j", "csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis",
				"windows-31j", "x-sjis");
		register("EUC-KR", "EUC-KR", "cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987",
				"ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949");
		register("UTF-16BE", "UTF-16BE", "unicodefffe", "utf-16be");
		register("UTF-16LE", "UTF-16LE", "csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16",
				"utf-16le");
	}

	private Encodings() {
	}

	/** Encoding §4.2 "get an encoding": trim ASCII whitespace, match the label case-insensitively. */
	public static @Nullable Charset forLabel(@Nullable String label) {
		if (label == null) {
			return null;
		}
		String trimmed = label.strip();
		return BY_LABEL.get(HttpTokens.toAsciiLowerCase(trimmed));
	}

	/**
	 * The Encoding Standard's name of the encoding {@code charset} implements, as {@code document.characterSet}
	 * reports it (e.g. "Shift_JIS" for the JDK's windows-31j); the JDK's name for a charset no label maps to.
	 */
	public static String name(Charset charset) {
		String name = NAMES.get(charset);
		return (name != null) ? name : charset.name();
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
			return StandardCharsets.UTF_16BE;
		}
		if (length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
			return StandardCharsets.UTF_16LE;
		}
		return null;
	}

	/**
	 * Encoding §6 "decode": a BOM wins over {@code fallback} and is removed; malformed input becomes U+FFFD.
	 * @param bytes the bytes
	 * @param length how many of them
	 * @param fallback the encoding to use without a BOM
	 */
	public static String decode(byte[] bytes, int length, Charset fallback) {
		Charset bom = bomEncoding(bytes, length);
		if (StandardCharsets.UTF_8.equals(bom)) {
			return Utf8.decodeWithoutBom(bytes, 3, length - 3);
		}
		if (bom != null) {
			return new String(bytes, 2, length - 2, bom);
		}
		if (fallback.equals(WINDOWS_1252)) {
			char[] chars = new char[length];
			for (int i = 0; i < length; i++) {
				chars[i] = WINDOWS_1252_TABLE[bytes[i] & 0xFF];
			}
			return new String(chars);
		}
		if (fallback.equals(StandardCharsets.UTF_8)) {
			return Utf8.decodeWithoutBom(bytes, 0, length);
		}
		return new String(bytes, 0, length, fallback);
	}

	private static void register(String name, String charsetName, String... labels) {
		if (!Charset.isSupported(charsetName)) {
			return;
		}
		Charset charset = Charset.forName(charsetName);
		NAMES.put(charset, name);
		for (String label : labels) {
			BY_LABEL.put(label, charset);
		}
	}

}
