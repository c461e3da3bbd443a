package dev.springxhr.xhr.internal.encoding;

/**
 * The shared UTF-16 decoder, big- or little-endian: surrogate pairs joined, a lone surrogate and an odd last byte
 * each a U+FFFD.
 *
 * @see <a href="https://encoding.spec.whatwg.org/#shared-utf-16-decoder">Encoding §14.1 shared UTF-16 decoder</a>
 */
final class Utf16Decoder implements ByteDecoder {

	private final boolean bigEndian;

	Utf16Decoder(boolean bigEndian) {
		this.bigEndian = bigEndian;
	}

	@Override
	public int decode(byte[] bytes, int offset, int length, StringBuilder out) {
		int errors = 0;
		int end = offset + length;
		int pos = offset;
		int leadByte = -1;
		int leadSurrogate = -1;
		while (true) {
			int b = (pos < end) ? bytes[pos++] & 0xFF : END_OF_QUEUE;
			if (b == END_OF_QUEUE) {
				if (leadByte >= 0 || leadSurrogate >= 0) {
					errors++;
				out.append('\uFFFD');
				}
				return errors;
			}
			if (leadByte < 0) {
				leadByte = b;
				continue;
			}
			int codeUnit = this.bigEndian ? (leadByte << 8) + b : (b << 8) + leadByte;
			leadByte = -1;
			if (leadSurrogate >= 0) {
				int lead = leadSurrogate;
				leadSurrogate = -1;
				if (codeUnit >= 0xDC00 && codeUnit <= 0xDFFF) {
					out.appendCodePoint(0x10000 + ((lead - 0xD800) << 10) + (codeUnit - 0xDC00));
					continue;
				}
				pos -= 2; // step 5.3: the code unit's two bytes are prepended to the queue
				errors++;
				out.append('\uFFFD');
				continue;
			}
			if (codeUnit >= 0xD800 && codeUnit <= 0xDBFF) {
				leadSurrogate = codeUnit;
			}
			else if (codeUnit >= 0xDC00 && codeUnit <= 0xDFFF) {
				errors++;
				out.append('\uFFFD');
			}
			else {
				out.append((char) codeUnit);
			}
		}
	}

}
