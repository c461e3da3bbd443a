package dev.springxhr.xhr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;


/**
 * HTML's multipart/form-data encoding algorithm, byte for byte as Chromium sends it.
 */
class MultipartFormDataTests {

	private static final String BOUNDARY = "----SpringXhrFormBoundaryABCDEFGHabcdefgh";

	@Test
	void newBoundaryIsPrefixAndSixteenRandomAlphanumerics() {
		String boundary = MultipartFormData.newBoundary();
		assertThat(boundary).matches("----SpringXhrFormBoundary[A-Za-z0-9]{16}");
		assertThat(MultipartFormData.newBoundary()).isNotEqualTo(boundary);
	}

	@Test
	void contentTypeHasASpaceAfterTheSemicolon() {
		MultipartFormData.Encoded encoded = MultipartFormData.encode(new FormData(), BOUNDARY);
		assertThat(encoded.contentType()).isEqualTo("multipart/form-data; boundary=" + BOUNDARY);
	}

	@Test
	void emptyFormIsOnlyTheCloseDelimiter() {
		assertThat(body(new FormData())).isEqualTo("--" + BOUNDARY + "--\r\n");
	}

	@Test
	void stringEntryHasNoContentType() {
		FormData form = new FormData();
		form.append("a", "b");
		assertThat(body(form)).isEqualTo("--" + BOUNDARY + "\r\n" + "Content-Disposition: form-data; name=\"a\"\r\n"
				+ "\r\n" + "b\r\n" + "--" + BOUNDARY + "--\r\n");
	}

	@Test
	void fileEntryHasFilenameAndContentType() {
		FormData form = new FormData();
		form.append("f", new File(List.of("<b>hi</b>"), "a.html", "Text/HTML", 0));
		assertThat(body(form)).isEqualTo("--" + BOUNDARY + "\r\n"
				+ "Content-Disposition: form-data; name=\"f\"; filename=\"a.html\"\r\n" + "Content-Type: text/html\r\n"
				+ "\r\n" + "<b>hi</b>\r\n" + "--" + BOUNDARY + "--\r\n");
	}

	@Test
	void fileWithoutTypeIsApplicationOctetStreamAndBlobIsNamedBlob() {
		FormData form = new FormData();
		form.append("f", new Blob(List.of("x")));
		form.append("g", new File(List.of(), ""));
		assertThat(body(form)).isEqualTo("--" + BOUNDARY + "\r\n"
				+ "Content-Disposition: form-data; name=\"f\"; filename=\"blob\"\r\n"
				+ "Content-Type: application/octet-stream\r\n" + "\r\n" + "x\r\n" + "--" + BOUNDARY + "\r\n"
				+ "Content-Disposition: form-data; name=\"g\"; filename=\"\"\r\n"
				+ "Content-Type: application/octet-stream\r\n" + "\r\n" + "\r\n" + "--" + BOUNDARY + "--\r\n");
	}

	@Test
	void entriesAreEncodedInOrder() {
		FormData form = new FormData();
		form.append("a", "1");
		form.append("f", new Blob(List.of("2"), "text/plain"), "f.txt");
		form.append("a", "3");
		assertThat(body(form)).isEqualTo("--" + BOUNDARY + "\r\n" + "Content-Disposition: form-data; name=\"a\"\r\n"
				+ "\r\n" + "1\r\n" + "--" + BOUNDARY + "\r\n"
				+ "Content-Disposition: form-data; name=\"f\"; filename=\"f.txt\"\r\n" + "Content-Type: text/plain\r\n"
				+ "\r\n" + "2\r\n" + "--" + BOUNDARY + "\r\n" + "Content-Disposition: form-data; name=\"a\"\r\n"
				+ "\r\n" + "3\r\n" + "--" + BOUNDARY + "--\r\n");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "a\\nb|a%0D%0Ab", "a\\rb|a%0D%0Ab", "a\\r\\nb|a%0D%0Ab",
			"\\n\\r|%0D%0A%0D%0A", "\\r\\r\\n\\n|%0D%0A%0D%0A%0D%0A", "say \"hi\"|say %22hi%22",
			"100%|100%", "a'b;c=d|a'b;c=d" })
	void nameNewlinesBecomeCrlfThenAreEscaped(String name, String escaped) {
		FormData form = new FormData();
		form.append(unescape(name), "v");
		assertThat(body(form)).isEqualTo("--" + BOUNDARY + "\r\n" + "Content-Disposition: form-data; name=\""
				+ escaped + "\"\r\n" + "\r\n" + "v\r\n" + "--" + BOUNDARY + "--\r\n");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "a\\nb|a\\r\\nb", "a\\rb|a\\r\\nb", "a\\r\\nb|a\\r\\nb",
			"\\n\\r|\\r\\n\\r\\n", "\\r\\r\\n\\n|\\r\\n\\r\\n\\r\\n", "\"q\"|\"q\"" })
	void stringValueNewlinesBecomeCrlfAndAreNotEscaped(String value, String expected) {
		FormData form = new FormData();
		form.append("a", unescape(value));
		assertThat(body(form)).isEqualTo("--" + BOUNDARY + "\r\n" + "Content-Disposition: form-data; name=\"a\"\r\n"
				+ "\r\n" + unescape(expected) + "\r\n" + "--" + BOUNDARY + "--\r\n");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "a\\nb|a%0Ab", "a\\rb|a%0Db", "a\\r\\nb|a%0D%0Ab", "\"x\".txt|%22x%22.txt" })
	void filenameIsEscapedWithoutNewlineNormalization(String filename, String escaped) {
		FormData form = new FormData();
		form.append("f", new Blob(), unescape(filename));
		assertThat(body(form)).isEqualTo("--" + BOUNDARY + "\r\n"
				+ "Content-Disposition: form-data; name=\"f\"; filename=\"" + escaped + "\"\r\n"
				+ "Content-Type: application/octet-stream\r\n" + "\r\n" + "\r\n" + "--" + BOUNDARY + "--\r\n");
	}

	@Test
	void fileBytesAreSentAsTheyAre() {
		byte[] content = { 'a', '\n', 'b', '\r', (byte) 0xFF, 0 };
		FormData form = new FormData();
		form.append("f", new File(List.of(content), "raw.bin", "application/x-raw", 0));
		byte[] expected = concat(("--" + BOUNDARY + "\r\n"
				+ "Content-Disposition: form-data; name=\"f\"; filename=\"raw.bin\"\r\n"
				+ "Content-Type: application/x-raw\r\n\r\n").getBytes(StandardCharsets.UTF_8), content,
				("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		assertThat(MultipartFormData.encode(form, BOUNDARY).body()).isEqualTo(expected);
	}

	@Test
	void slicedBlobSendsOnlyItsRange() {
		FormData form = new FormData();
		form.append("f", new Blob(List.of("0123456789")).slice(3, 6, "text/plain"));
		assertThat(body(form)).isEqualTo("--" + BOUNDARY + "\r\n"
				+ "Content-Disposition: form-data; name=\"f\"; filename=\"blob\"\r\n" + "Content-Type: text/plain\r\n"
				+ "\r\n" + "345\r\n" + "--" + BOUNDARY + "--\r\n");
	}

	@Test
	void namesFilenamesAndValuesAreUtf8() {
		FormData form = new FormData();
		form.append("\u00E9", "\u20AC\uD83D");
		form.append("\uD83D\uDCA9", new Blob(), "\u00FC.txt");
		byte[] expected = concat(ascii("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""),
				BlobTests.bytes("C3 A9"), ascii("\"\r\n\r\n"), BlobTests.bytes("E2 82 AC EF BF BD"),
				ascii("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""),
				BlobTests.bytes("F0 9F 92 A9"), ascii("\"; filename=\""), BlobTests.bytes("C3 BC"),
				ascii(".txt\"\r\nContent-Type: application/octet-stream\r\n\r\n\r\n--" + BOUNDARY + "--\r\n"));
		assertThat(MultipartFormData.encode(form, BOUNDARY).body()).isEqualTo(expected);
	}

	@Test
	void encodingDoesNotChangeTheForm() {
		FormData form = new FormData();
		form.append("a\nb", "c\nd");
		MultipartFormData.encode(form, BOUNDARY);
		assertThat(form.get("a\nb")).isEqualTo("c\nd");
	}

	@Test
	void normalizeNewlinesReturnsTheSameStringWithoutNewlines() {
		String value = "no newline";
		assertThat(MultipartFormData.normalizeNewlines(value)).isSameAs(value);
	}

	private static String body(FormData form) {
		return new String(MultipartFormData.encode(form, BOUNDARY).body(), StandardCharsets.UTF_8);
	}

	/** CSV cannot hold raw CR and LF, so the cases spell them {@code \r} and {@code \n}. */
	private static String unescape(String value) {
		return value.replace("\\r", "\r").replace("\\n", "\n");
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] concat(byte[]... arrays) {
		int length = 0;
		for (byte[] array : arrays) {
			length += array.length;
		}
		byte[] result = new byte[length];
		int position = 0;
		for (byte[] array : arrays) {
			System.arraycopy(array, 0, result, position, array.length);
			position += array.length;
		}
		return result;
	}

}
