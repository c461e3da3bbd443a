package dev.springxhr.xhr.internal.encoding;

/**
 * The Shift_JIS decoder: ASCII and 0x80, half-width katakana, index jis0208 with the EUDC range as private use.
 *
 * @see <a href="https://encoding.spec.whatwg.org/#shift_jis-decoder">Encoding §13.3.1 Shift_JIS decoder</a>
 */
final class ShiftJisDecoder implements ByteDecoder {

	private final int[] jis0208;

	ShiftJisDecoder(EncodingIndexes indexes) {
		this.jis0208 = indexes.table("jis0208");
	}

	@Override
	public int decode(byte[] bytes, int offset, int length, StringBuilder out) {
		int errors = 0;
		int end = offset + length;
		int pos = offset;
		int lead = 0;
		while (true) {
			int b = (pos < end) ? bytes[pos++] & 0xFF : END_OF_QUEUE;
			if (b == END_OF_QUEUE) {
				if (lead != 0) {
					errors++;
				out.append('\uFFFD');
				}
				return errors;
			}
			if (lead != 0) {
				int l = lead;
				lead = 0;
				int byteOffset = (b < 0x7F) ? 0x40 : 0x41;
				int leadOffset = (l < 0xA0) ? 0x81 : 0xC1;
				int pointer = ((b >= 0x40 && b <= 0x7E) || (b >= 0x80 && b <= 0xFC))
						? (l - leadOffset) * 188 + b - byteOffset : -1;
				if (pointer >= 8836 && pointer <= 10715) {
					out.append((char) (0xE000 - 8836 + pointer)); // step 3.4: the EUDC range, private use
					continue;
				}
				int codePoint = (pointer >= 0 && pointer < this.jis0208.length) ? this.jis0208[pointer] : -1;
				if (codePoint >= 0) {
					out.appendCodePoint(codePoint);
					continue;
				}
				if (b < 0x80) {
					pos--; // step 3.7: an ASCII byte is prepended to the queue
				}
				errors++;
				out.append('\uFFFD');
			}
			else if (b <= 0x80) {
				out.append((char) b);
			}
			else if (b >= 0xA1 && b <= 0xDF) {
				out.append((char) (0xFF61 - 0xA1 + b));
			}
			else if ((b >= 0x81 && b <= 0x9F) || (b >= 0xE0 && b <= 0xFC)) {
				lead = b;
			}
			else {
				errors++;
				out.append('\uFFFD');
			}
		}
	}

}
