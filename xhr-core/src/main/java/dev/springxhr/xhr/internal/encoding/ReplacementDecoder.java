package dev.springxhr.xhr.internal.encoding;

/**
 * The replacement decoder, for labels of encodings that are unsafe to decode (ISO-2022-KR, HZ-GB-2312, …): any
 * input is one U+FFFD, an empty one nothing.
 *
 * @see <a href="https://encoding.spec.whatwg.org/#replacement-decoder">Encoding §14.2 replacement decoder</a>
 */
final class ReplacementDecoder implements ByteDecoder {

	@Override
	public int decode(byte[] bytes, int offset, int length, StringBuilder out) {
		int errors = 0;
		if (length > 0) {
			errors++;
			out.append('\uFFFD');
		}
		return errors;
	}

}
