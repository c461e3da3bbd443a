package dev.springxhr.xhr.internal.encoding;

/**
 * The EUC-JP decoder: ASCII, half-width katakana after 0x8E, index jis0212 after 0x8F, index jis0208 otherwise.
 *
 * @see <a href="https://encoding.spec.whatwg.org/#euc-jp-decoder">Encoding §13.1.1 EUC-JP decoder</a>
 */
final class EucJpDecoder implements ByteDecoder {

	private final int[] jis0208;

	private final int[] jis0212;

	EucJpDecoder(EncodingIndexes indexes) {
		this.jis0208 = indexes.table("jis0208");
		this.jis0212 = indexes.table("jis0212");
	}

	@Override
	public int decode(byte[] bytes, int offset, int length, StringBuilder out) {
		int errors = 0;
		int end = offset + length;
		int pos = offset;
		int lead = 0;
		boolean jis0212Flag = false;
		while (true) {
			int b = (pos < end) ? bytes[pos++] & 0xFF : END_OF_QUEUE;
			if (b == END_OF_QUEUE) {
				if (lead != 0) {
					errors++;
				out.append('\uFFFD');
				}
				return errors;
			}
			if (lead == 0x8E && b >= 0xA1 && b <= 0xDF) {
				lead = 0;
				out.append((char) (0xFF61 - 0xA1 + b));
			}
			else if (lead == 0x8F && b >= 0xA1 && b <= 0xFE) {
				jis0212Flag = true;
				lead = b;
			}
			else if (lead != 0) {
				int l = lead;
				lead = 0;
				int codePoint = -1;
				if (l >= 0xA1 && l <= 0xFE && b >= 0xA1 && b <= 0xFE) {
					int pointer = (l - 0xA1) * 94 + b - 0xA1;
					int[] index = jis0212Flag ? this.jis0212 : this.jis0208;
					codePoint = (pointer < index.length) ? index[pointer] : -1;
				}
				jis0212Flag = false;
				if (codePoint >= 0) {
					out.appendCodePoint(codePoint);
					continue;
				}
				if (b < 0x80) {
					pos--; // step 6.6: an ASCII byte is prepended to the queue
				}
				errors++;
				out.append('\uFFFD');
			}
			else if (b < 0x80) {
				out.append((char) b);
			}
			else if (b == 0x8E || b == 0x8F || (b >= 0xA1 && b <= 0xFE)) {
				lead = b;
			}
			else {
				errors++;
				out.append('\uFFFD');
			}
		}
	}

}
