package dev.springxhr.xhr.internal.encoding;

/**
 * The single-byte decoder (Encoding §9.1), over a 128-entry index; also {@code x-user-defined} (§14.5), whose index
 * is U+F780 and up.
 *
 * @see <a href="https://encoding.spec.whatwg.org/#single-byte-decoder">Encoding §9.1 single-byte decoder</a>
 */
final class SingleByteDecoder implements ByteDecoder {

	private final char[] table = new char[256];

	SingleByteDecoder(int[] index) {
		for (int i = 0; i < 128; i++) {
			this.table[i] = (char) i;
			this.table[0x80 + i] = (index[i] < 0) ? '\uFFFD' : (char) index[i];
		}
	}

	/** x-user-defined: 0x80 to 0xFF are U+F780 to U+F7FF. */
	static SingleByteDecoder xUserDefined() {
		int[] index = new int[128];
		for (int i = 0; i < 128; i++) {
			index[i] = 0xF780 + i;
		}
		return new SingleByteDecoder(index);
	}

	@Override
	public int decode(byte[] bytes, int offset, int length, StringBuilder out) {
		int errors = 0;
		out.ensureCapacity(out.length() + length);
		for (int i = offset; i < offset + length; i++) {
			char c = this.table[bytes[i] & 0xFF];
			if (c == '\uFFFD') {
				errors++;
			}
			out.append(c);
		}
		return errors;
	}

}
