package dev.springxhr.xhr.internal.encoding;

/**
 * The Big5 decoder, over index Big5, with the four pointers that decode to two code points.
 *
 * @see <a href="https://encoding.spec.whatwg.org/#big5-decoder">Encoding §12.1.1 Big5 decoder</a>
 */
final class Big5Decoder implements ByteDecoder {

	private final int[] index;

	Big5Decoder(int[] index) {
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
				int byteOffset = (b < 0x7F) ? 0x40 : 0x62;
				int pointer = ((b >= 0x40 && b <= 0x7E) || (b >= 0xA1 && b <= 0xFE))
						? (lead - 0x81) * 157 + (b - byteOffset) : -1;
				lead = 0;
				// Step 3.3: four pointers are two code points each.
				switch (pointer) {
					case 1133 -> out.append("\u00CA\u0304");
					case 1135 -> out.append("\u00CA\u030C");
					case 1164 -> out.append("\u00EA\u0304");
					case 1166 -> out.append("\u00EA\u030C");
					default -> {
						int codePoint = (pointer >= 0 && pointer < this.index.length) ? this.index[pointer] : -1;
						if (codePoint >= 0) {
							out.appendCodePoint(codePoint);
						}
						else {
							if (b < 0x80) {
								pos--; // step 3.6: an ASCII byte is prepended to the queue
							}
							errors++;
				out.append('\uFFFD');
						}
					}
				}
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
