package dev.springxhr.xhr.internal.encoding;

/**
 * The EUC-KR decoder, over index EUC-KR.
 *
 * @see <a href="https://encoding.spec.whatwg.org/#euc-kr-decoder">Encoding §13.1.1 EUC-KR decoder</a>
 */
final class EucKrDecoder implements ByteDecoder {

	private final int[] index;

	EucKrDecoder(int[] index) {
		this.index = index;
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
				int pointer = (b >= 0x41 && b <= 0xFE) ? (lead - 0x81) * 190 + (b - 0x41) : -1;
				lead = 0;
				int codePoint = (pointer >= 0 && pointer < this.index.length) ? this.index[pointer] : -1;
				if (codePoint >= 0) {
					out.appendCodePoint(codePoint);
					continue;
				}
				if (b < 0x80) {
					pos--; // step 3.5: an ASCII byte is prepended to the queue
				}
				errors++;
				out.append('\uFFFD');
			}
			else if (b < 0x80) {
				out.append((char) b);
			}
			else if (b >= 0x81 && b <= 0xFE) {
				lead = b;
			}
			else {
				errors++;
				out.append('\uFFFD');
			}
		}
	}

}
