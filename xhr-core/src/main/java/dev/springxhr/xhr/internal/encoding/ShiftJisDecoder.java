package dev.springxhr.xhr.internal.encoding;

/**
 * The Shift_JIS decoder: ASCII and 0x80, half-width katakana, index jis0208 with the EUDC range as private use.
 *
 * @see <a href="https://encoding.spec.whatwg.org/#shift_jis-decoder">Encoding §13.3.1 Shift_JIS decoder</a>
 */
final class ShiftJisDecoder extends LeadByteDecoder {

	private final int[] jis0208;

	ShiftJisDecoder(EncodingIndexes indexes) {
		this.jis0208 = indexes.table("jis0208");
	}

	@Override
	boolean decodeSingle(int b, StringBuilder out) {
		if (b <= 0x80) {
			out.append((char) b);
			return true;
		}
		if (b >= 0xA1 && b <= 0xDF) {
			out.append((char) (0xFF61 - 0xA1 + b));
			return true;
		}
		return false;
	}

	@Override
	boolean isLead(int b) {
		return (b >= 0x81 && b <= 0x9F) || (b >= 0xE0 && b <= 0xFC);
	}

	@Override
	boolean decodePair(int lead, int b, StringBuilder out) {
		if (!((b >= 0x40 && b <= 0x7E) || (b >= 0x80 && b <= 0xFC))) {
			return false;
		}
		int pointer = (lead - ((lead < 0xA0) ? 0x81 : 0xC1)) * 188 + b - ((b < 0x7F) ? 0x40 : 0x41);
		if (pointer >= 8836 && pointer <= 10715) {
			out.append((char) (0xE000 - 8836 + pointer)); // step 3.4: the EUDC range, private use
			return true;
		}
		return appendIndexed(this.jis0208, pointer, out);
	}

}
