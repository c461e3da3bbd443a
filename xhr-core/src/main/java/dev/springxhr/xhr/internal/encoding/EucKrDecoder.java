package dev.springxhr.xhr.internal.encoding;

/**
 * The EUC-KR decoder, over index EUC-KR.
 *
 * @see <a href="https://encoding.spec.whatwg.org/#euc-kr-decoder">Encoding §13.1.1 EUC-KR decoder</a>
 */
final class EucKrDecoder extends LeadByteDecoder {

	private final int[] index;

	EucKrDecoder(int[] index) {
		this.index = index;
	}

	@Override
	boolean isLead(int b) {
		return b >= 0x81 && b <= 0xFE;
	}

	@Override
	boolean decodePair(int lead, int b, StringBuilder out) {
		return b >= 0x41 && b <= 0xFE && appendIndexed(this.index, (lead - 0x81) * 190 + (b - 0x41), out);
	}

}
