package dev.springxhr.xhr.internal.encoding;

/**
 * The Big5 decoder, over index Big5, with the four pointers that decode to two code points.
 *
 * @see <a href="https://encoding.spec.whatwg.org/#big5-decoder">Encoding §12.1.1 Big5 decoder</a>
 */
final class Big5Decoder extends LeadByteDecoder {

	private final int[] index;

	Big5Decoder(int[] index) {
		this.index = index;
	}

	@Override
	boolean isLead(int b) {
		return b >= 0x81 && b <= 0xFE;
	}

	@Override
	boolean decodePair(int lead, int b, StringBuilder out) {
		if (!((b >= 0x40 && b <= 0x7E) || (b >= 0xA1 && b <= 0xFE))) {
			return false;
		}
		int pointer = (lead - 0x81) * 157 + (b - ((b < 0x7F) ? 0x40 : 0x62));
		// Step 3.3: four pointers are two code points each.
		switch (pointer) {
			case 1133 -> out.append("\u00CA\u0304");
			case 1135 -> out.append("\u00CA\u030C");
			case 1164 -> out.append("\u00EA\u0304");
			case 1166 -> out.append("\u00EA\u030C");
			default -> {
				return appendIndexed(this.index, pointer, out);
			}
		}
		return true;
	}

}
