package dev.springxhr.xhr.internal.encoding;

/**
 * The shape the Encoding Standard's two-byte decoders share (Big5, Shift_JIS, EUC-KR): a byte that stands alone, or
 * a lead byte whose next byte makes a pointer into an index; an error, where the next byte is ASCII, gives that byte
 * back to the queue (the standard's "prepend"), and a lead byte at the end of the queue is one error.
 */
abstract class LeadByteDecoder implements ByteDecoder {

	@Override
	public final int decode(byte[] bytes, int offset, int length, StringBuilder out) {
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
				if (!decodePair(l, b, out)) {
					if (b < 0x80) {
						pos--; // an ASCII byte is prepended to the queue
					}
					errors++;
					out.append('\uFFFD');
				}
			}
			else if (!decodeSingle(b, out)) {
				if (isLead(b)) {
					lead = b;
				}
				else {
					errors++;
					out.append('\uFFFD');
				}
			}
		}
	}

	/**
	 * Decode a byte that stands alone; by default ASCII.
	 * @return whether the byte stands alone (and was appended)
	 */
	boolean decodeSingle(int b, StringBuilder out) {
		if (b < 0x80) {
			out.append((char) b);
			return true;
		}
		return false;
	}

	/** Whether a byte that does not stand alone starts a pair. */
	abstract boolean isLead(int b);

	/**
	 * Decode a lead byte and the byte after it.
	 * @return whether they have a code point (appended), else it is an error
	 */
	abstract boolean decodePair(int lead, int b, StringBuilder out);

	/** Append the code point of an index's pointer; whether it has one. */
	static boolean appendIndexed(int[] index, int pointer, StringBuilder out) {
		int codePoint = (pointer >= 0 && pointer < index.length) ? index[pointer] : -1;
		if (codePoint < 0) {
			return false;
		}
		out.appendCodePoint(codePoint);
		return true;
	}

}
