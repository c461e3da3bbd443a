package dev.springxhr.xhr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;


/**
 * File API {@code Blob} and {@code File}: blob parts, type normalization, reading, and slicing that shares bytes.
 */
class BlobTests {

	private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz";

	@Test
	void emptyBlobHasNoBytesAndNoType() {
		Blob blob = new Blob();
		assertThat(blob.getSize()).isZero();
		assertThat(blob.getType()).isEmpty();
		assertThat(blob.bytes()).isEmpty();
		assertThat(blob.text()).isEmpty();
		assertThat(new Blob(List.of()).getSize()).isZero();
	}

	@Test
	void partsAreConcatenatedInOrder() {
		ByteBuffer buffer = ByteBuffer.wrap(new byte[] { 'x', 'c', 'd', 'y' });
		buffer.position(1).limit(3);
		Blob inner = new Blob(List.of("ef"));
		Blob blob = new Blob(List.of("a", new byte[] { 'b' }, buffer, inner, "\u00E9"));
		assertThat(blob.text()).isEqualTo("abcdef\u00E9");
		assertThat(blob.getSize()).isEqualTo(8);
	}

	@Test
	void byteBufferContributesItsRemainingBytesWithoutBeingConsumed() {
		ByteBuffer buffer = ByteBuffer.allocateDirect(5).put(new byte[] { 1, 2, 3, 4, 5 });
		buffer.position(1).limit(4);
		Blob blob = new Blob(List.of(buffer));
		assertThat(blob.bytes()).containsExactly(2, 3, 4);
		assertThat(buffer.position()).isEqualTo(1);
		assertThat(buffer.limit()).isEqualTo(4);
	}

	@Test
	void arraysAndBuffersAreCopiedAtConstruction() {
		byte[] array = { 1, 2 };
		ByteBuffer buffer = ByteBuffer.wrap(new byte[] { 3, 4 });
		Blob blob = new Blob(List.of(array, buffer));
		array[0] = 9;
		buffer.put(0, (byte) 9);
		assertThat(blob.bytes()).containsExactly(1, 2, 3, 4);
	}

	@Test
	void stringPartIsUtf8() {
		Blob blob = new Blob(List.of("\u00E9\u20AC\uD83D\uDCA9"));
		assertThat(blob.bytes()).isEqualTo("\u00E9\u20AC\uD83D\uDCA9".getBytes(StandardCharsets.UTF_8));
		assertThat(blob.getSize()).isEqualTo(2 + 3 + 4);
	}

	@ParameterizedTest
	@CsvSource({ "'\uD83D', 'EF BF BD'", "'a\uDCA9b', '61 EF BF BD 62'", "'\uDCA9\uD83D', 'EF BF BD EF BF BD'" })
	void loneSurrogateInStringPartBecomesReplacementCharacter(String part, String hex) {
		assertThat(new Blob(List.of(part)).bytes()).isEqualTo(bytes(hex));
	}

	@Test
	void otherObjectsAreConvertedWithStringValueOf() {
		Object nothing = null;
		Blob blob = new Blob(Arrays.asList(42, true, nothing, new StringBuilder("sb")));
		assertThat(blob.text()).isEqualTo("42truenullsb");
	}

	@ParameterizedTest
	@CsvSource({ "text/plain, text/plain", "TEXT/Plain;Charset=UTF-8, text/plain;charset=utf-8",
			"'', ''", "'  a b  ', '  a b  '", "not a mime type!, not a mime type!", "'text/plain\u00E9', ''",
			"'text/plain\u007F', ''", "'~ ', '~ '" })
	void typeOutsidePrintableAsciiIsEmptyElseLowerCased(String type, String expected) {
		assertThat(new Blob(List.of(), type).getType()).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/\tplain", "text/plain\n", "text/plain\r", "\u0000", "\u001F",
			"text/plain\uD83D\uDCA9" })
	void typeWithControlOrNonAsciiCharacterIsEmpty(String type) {
		assertThat(new Blob(List.of(), type).getType()).isEmpty();
	}

	@Test
	void bytesReturnsAFreshCopy() {
		Blob blob = new Blob(List.of("abc"));
		byte[] bytes = blob.bytes();
		bytes[0] = 'z';
		assertThat(blob.bytes()).isNotSameAs(bytes).containsExactly('a', 'b', 'c');
	}

	@Test
	void textRemovesOneLeadingBom() {
		Blob blob = new Blob(List.of(bytes("EF BB BF EF BB BF 61")));
		assertThat(blob.text()).isEqualTo("\uFEFFa");
		assertThat(blob.slice(3).text()).isEqualTo("a");
		assertThat(new Blob(List.of(bytes("61 EF BB BF"))).text()).isEqualTo("a\uFEFF");
	}

	@ParameterizedTest
	@CsvSource({ "'FF', '\uFFFD'", "'61 80 62', 'a\uFFFDb'", "'C0 80', '\uFFFD\uFFFD'",
			"'ED A0 80', '\uFFFD\uFFFD\uFFFD'", "'F0 9F 92', '\uFFFD'", "'E2 82 41', '\uFFFDA'",
			"'F4 90 80 80', '\uFFFD\uFFFD\uFFFD\uFFFD'", "'E0 80 80', '\uFFFD\uFFFD\uFFFD'",
			"'F0 80 80 80', '\uFFFD\uFFFD\uFFFD\uFFFD'", "'80 BF', '\uFFFD\uFFFD'", "'C2', '\uFFFD'",
			"'E2 82', '\uFFFD'", "'F8 88 80 80 80', '\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD'", "'C2 41 C2', '\uFFFDA\uFFFD'",
			"'EF BF BD', '\uFFFD'", "'ED 9F BF', '\uD7FF'", "'EE 80 80', '\uE000'", "'F4 8F BF BF', '\uDBFF\uDFFF'",
			"'F0 9F 92 A9 61', '\uD83D\uDCA9a'", "'C2 80 DF BF', '\u0080\u07FF'", "'E0 A0 80', '\u0800'" })
	void textReplacesInvalidUtf8LikeTheEncodingStandard(String hex, String expected) {
		assertThat(new Blob(List.of(bytes(hex))).text()).isEqualTo(expected);
	}

	@Test
	void arrayBufferIsAReadOnlyViewOfTheBlobsBytes() {
		Blob blob = new Blob(List.of(ALPHABET)).slice(2, 5);
		ByteBuffer buffer = blob.arrayBuffer();
		assertThat(buffer.isReadOnly()).isTrue();
		assertThat(buffer.position()).isZero();
		assertThat(buffer.remaining()).isEqualTo(3);
		assertThat(buffer.capacity()).isEqualTo(3);
		byte[] read = new byte[3];
		buffer.get(read);
		assertThat(read).containsExactly('c', 'd', 'e');
		assertThatExceptionOfType(ReadOnlyBufferException.class).isThrownBy(() -> blob.arrayBuffer().put((byte) 0));
	}

	@Test
	void openStreamReadsTheBlobsBytes() throws IOException {
		Blob blob = new Blob(List.of(ALPHABET)).slice(-3);
		try (InputStream stream = blob.openStream()) {
			assertThat(stream.readAllBytes()).isEqualTo("xyz".getBytes(StandardCharsets.US_ASCII));
		}
	}

	static Stream<Arguments> slices() {
		return Stream.of(Arguments.of(0L, 26L, ALPHABET), Arguments.of(0L, 100L, ALPHABET),
				Arguments.of(-100L, 100L, ALPHABET), Arguments.of(5L, 10L, "fghij"), Arguments.of(-5L, 26L, "vwxyz"),
				Arguments.of(5L, -5L, "fghijklmnopqrstu"), Arguments.of(-3L, -1L, "xy"), Arguments.of(10L, 5L, ""),
				Arguments.of(-1L, -3L, ""), Arguments.of(26L, 30L, ""), Arguments.of(100L, 200L, ""),
				Arguments.of(0L, 0L, ""), Arguments.of(0L, -26L, ""), Arguments.of(0L, -25L, "a"),
				Arguments.of(Long.MIN_VALUE, Long.MAX_VALUE, ALPHABET),
				Arguments.of(Long.MAX_VALUE, Long.MIN_VALUE, ""));
	}

	@ParameterizedTest
	@MethodSource("slices")
	void sliceClampsNegativeAndOutOfRangeIndexes(long start, long end, String expected) {
		Blob blob = new Blob(List.of(ALPHABET), "text/plain");
		Blob slice = blob.slice(start, end);
		assertThat(slice.text()).isEqualTo(expected);
		assertThat(slice.getSize()).isEqualTo(expected.length());
		assertThat(slice.getType()).isEmpty();
	}

	@Test
	void sliceOverloadsDefaultToTheWholeBlob() {
		Blob blob = new Blob(List.of(ALPHABET), "text/plain");
		assertThat(blob.slice().text()).isEqualTo(ALPHABET);
		assertThat(blob.slice().getType()).isEmpty();
		assertThat(blob.slice(20).text()).isEqualTo("uvwxyz");
		assertThat(blob.slice(-2).text()).isEqualTo("yz");
	}

	@ParameterizedTest
	@CsvSource({ "Text/HTML, text/html", "'text/html\u00E9', ''", "'a\u0000b', ''" })
	void sliceContentTypeIsNormalized(String contentType, String expected) {
		Blob blob = new Blob(List.of(ALPHABET), "text/plain");
		assertThat(blob.slice(0, 1, contentType).getType()).isEqualTo(expected);
	}

	@Test
	void sliceWithNullContentTypeHasEmptyType() {
		assertThat(new Blob(List.of("a"), "text/plain").slice(0, 1, null).getType()).isEmpty();
	}

	@Test
	void sliceSharesTheArrayWithoutCopying() {
		Blob blob = new Blob(List.of(ALPHABET));
		Blob slice = blob.slice(3, 10);
		Blob sliceOfSlice = slice.slice(2, -1);
		assertThat(slice.array()).isSameAs(blob.array());
		assertThat(slice.offset()).isEqualTo(3);
		assertThat(slice.length()).isEqualTo(7);
		assertThat(sliceOfSlice.array()).isSameAs(blob.array());
		assertThat(sliceOfSlice.offset()).isEqualTo(5);
		assertThat(sliceOfSlice.text()).isEqualTo("fghi");
		assertThat(sliceOfSlice.slice(-100, 100).text()).isEqualTo("fghi");
	}

	@Test
	void blobOfASliceContainsOnlyTheSlicesBytes() {
		Blob slice = new Blob(List.of(ALPHABET)).slice(1, 3);
		assertThat(new Blob(List.of(slice, slice)).text()).isEqualTo("bcbc");
	}

	@Test
	void toStringShowsSizeAndType() {
		assertThat(new Blob(List.of("abc"), "Text/Plain")).hasToString("Blob[size=3, type=text/plain]");
		assertThat(new File(List.of("abc"), "a.txt", "text/plain", 7))
			.hasToString("File[name=a.txt, size=3, type=text/plain, lastModified=7]");
	}

	@Test
	void nullArgumentsAreRejected() {
		assertThatNullPointerException().isThrownBy(() -> new Blob(null)).withMessage("'parts' must not be null");
		assertThatNullPointerException().isThrownBy(() -> new Blob(List.of(), null))
			.withMessage("'type' must not be null");
		assertThatNullPointerException().isThrownBy(() -> new File(List.of(), null))
			.withMessage("'name' must not be null");
	}

	@Test
	void fileHasNameTypeAndLastModified() {
		File file = new File(List.of("abc"), "a.txt", "Text/Plain", 1234L);
		assertThat(file.getName()).isEqualTo("a.txt");
		assertThat(file.getType()).isEqualTo("text/plain");
		assertThat(file.getLastModified()).isEqualTo(1234L);
		assertThat(file.text()).isEqualTo("abc");
	}

	@Test
	void fileDefaultsToEmptyTypeAndLastModifiedNow() {
		long before = System.currentTimeMillis();
		File file = new File(List.of("abc"), "a.txt");
		long after = System.currentTimeMillis();
		assertThat(file.getType()).isEmpty();
		assertThat(file.getLastModified()).isBetween(before, after);
		assertThat(new File(List.of(), "a", null, 0).getType()).isEmpty();
	}

	@Test
	void fileNameIsAUsvStringAndKeepsSlashes() {
		assertThat(new File(List.of(), "a/\uD83D.txt").getName()).isEqualTo("a/\uFFFD.txt");
	}

	@Test
	void sliceOfAFileIsABlob() {
		Blob slice = new File(List.of("abc"), "a.txt", "text/plain", 0).slice(1);
		assertThat(slice).isNotInstanceOf(File.class);
		assertThat(slice.text()).isEqualTo("bc");
	}

	@Test
	void fileFromABlobSharesItsBytesAndType() {
		Blob blob = new Blob(List.of(ALPHABET), "text/plain").slice(1, 4, "text/csv");
		File file = new File(blob, "b.csv", 5L);
		assertThat(file.array()).isSameAs(blob.array());
		assertThat(file.offset()).isEqualTo(blob.offset());
		assertThat(file.text()).isEqualTo("bcd");
		assertThat(file.getType()).isEqualTo("text/csv");
		assertThat(file.getName()).isEqualTo("b.csv");
		assertThat(file.getLastModified()).isEqualTo(5L);
	}

	static byte[] bytes(String hex) {
		String[] parts = hex.trim().split("\\s+");
		byte[] bytes = new byte[parts.length];
		for (int i = 0; i < parts.length; i++) {
			bytes[i] = (byte) Integer.parseInt(parts[i], 16);
		}
		return bytes;
	}

}
