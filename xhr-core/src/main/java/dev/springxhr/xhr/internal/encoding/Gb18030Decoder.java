package dev.springxhr.xhr.internal.encoding;

/**
 * The gb18030 decoder, which GBK shares: one, two and four bytes, over index gb18030 and the gb18030 ranges.
 *
 * @see <a href="https://encoding.spec.whatwg.org/#gb18030-decoder">Encoding §11.2.1 gb18030 decoder</a>
 */
final class Gb18030Decoder implements ByteDecoder {

	private final EncodingIndexes indexes;

	private final int[] index;

	Gb18030Decoder(EncodingIndexes indexes) {
		this.indexes = indexes;
		this.index = indexes.table("gb18030");
	}

	@Override
	public int decode(byte[] bytes, int offset, int length, StringBuilder out) {
		int errors = 0;
		int end = offset + length;
		int pos = offset;
		int first = 0;
		int second = 0;
		int third = 0;
		while (true) {
			int b = (pos < end) ? bytes[pos++] & 0xFF : END_OF_QUEUE;
			if (b == END_OF_QUEUE) {
				if (first != 0 || second != 0 || third != 0) {
					errors++;
				out.append('\uFFFD');
				}
				return errors;
			}
			if (third != 0) {
				if (b < 0x30 || b > 0x39) {
					pos -= 3; // step 3.1: second, third and byte are prepended to the queue
					first = 0;
					second = 0;
					third = 0;
					errors++;
				out.append('\uFFFD');
					continue;
				}
				int codePoint = this.indexes.gb18030RangesCodePoint((first - 0x81) * (10 * 126 * 10)
						+ (second - 0x30) * (10 * 126) + (third - 0x81) * 10 + b - 0x30);
				first = 0;
				second = 0;
				third = 0;
				if (codePoint < 0) {
					errors++;
				out.append('\uFFFD');
				}
				else {
					out.appendCodePoint(codePoint);
				}
			}
			else if (second != 0) {
				if (b >= 0x81 && b <= 0xFE) {
					third = b;
				}
				else {
					pos -= 2; // step 4.2: second and byte are prepended to the queue
					first = 0;
					second = 0;
					errors++;
				out.append('\uFFFD');
				}
			}
			else if (first != 0) {
				if (b >= 0x30 && b <= 0x39) {
					second = b;
					continue;
				}
				int lead = first;
				first = 0;
				int byteOffset = (b < 0x7F) ? 0x40 : 0x41;
				int pointer = ((b >= 0x40 && b <= 0x7E) || (b >= 0x80 && b <= 0xFE))
						? (lead - 0x81) * 190 + (b - byteOffset) : -1;
				int codePoint = (pointer >= 0 && pointer < this.index.length) ? this.index[pointer] : -1;
				if (codePoint >= 0) {
					out.appendCodePoint(codePoint);
					continue;
				}
				if (b < 0x80) {
					pos--; // step 5.7: an ASCII byte is prepended to the queue
				}
				errors++;
				out.append('\uFFFD');
			}
			else if (b < 0x80) {
				out.append((char) b);
			}
			else if (b == 0x80) {
				out.append('\u20AC');
			}
			else if (b == 0xFF) {
				errors++;
				out.append('\uFFFD');
			}
			else {
				first = b;
			}
		}
	}

}
