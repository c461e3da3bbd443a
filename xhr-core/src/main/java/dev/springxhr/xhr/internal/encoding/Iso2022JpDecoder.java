package dev.springxhr.xhr.internal.encoding;

/**
 * The ISO-2022-JP decoder: a state machine switched by escape sequences between ASCII, JIS X 0201 Roman, half-width
 * katakana and JIS X 0208 (index jis0208); two escape sequences in a row are an error (the output flag).
 *
 * @see <a href="https://encoding.spec.whatwg.org/#iso-2022-jp-decoder">Encoding §13.2.1 ISO-2022-JP decoder</a>
 */
final class Iso2022JpDecoder implements ByteDecoder {

	private static final int ASCII = 0;

	private static final int ROMAN = 1;

	private static final int KATAKANA = 2;

	private static final int LEAD_BYTE = 3;

	private static final int TRAIL_BYTE = 4;

	private static final int ESCAPE_START = 5;

	private static final int ESCAPE = 6;

	private static final int ESC = 0x1B;

	private final int[] jis0208;

	Iso2022JpDecoder(EncodingIndexes indexes) {
		this.jis0208 = indexes.table("jis0208");
	}

	@Override
	public int decode(byte[] bytes, int offset, int length, StringBuilder out) {
		int errors = 0;
		int end = offset + length;
		int pos = offset;
		int state = ASCII;
		int outputState = ASCII;
		int lead = 0;
		boolean outputFlag = false;
		while (true) {
			int b = (pos < end) ? bytes[pos++] & 0xFF : END_OF_QUEUE;
			switch (state) {
				case ASCII, ROMAN -> {
					if (b == ESC) {
						state = ESCAPE_START;
					}
					else if (b == END_OF_QUEUE) {
						return errors;
					}
					else if (b <= 0x7F && b != 0x0E && b != 0x0F) {
						outputFlag = false;
						if (state == ROMAN && b == 0x5C) {
							out.append('\u00A5');
						}
						else if (state == ROMAN && b == 0x7E) {
							out.append('\u203E');
						}
						else {
							out.append((char) b);
						}
					}
					else {
						outputFlag = false;
						errors++;
				out.append('\uFFFD');
					}
				}
				case KATAKANA -> {
					if (b == ESC) {
						state = ESCAPE_START;
					}
					else if (b == END_OF_QUEUE) {
						return errors;
					}
					else {
						outputFlag = false;
						if (b >= 0x21 && b <= 0x5F) {
							out.append((char) (0xFF61 - 0x21 + b));
						}
						else {
							errors++;
							out.append('\uFFFD');
						}
					}
				}
				case LEAD_BYTE -> {
					if (b == ESC) {
						state = ESCAPE_START;
					}
					else if (b == END_OF_QUEUE) {
						return errors;
					}
					else if (b >= 0x21 && b <= 0x7E) {
						outputFlag = false;
						lead = b;
						state = TRAIL_BYTE;
					}
					else {
						outputFlag = false;
						errors++;
				out.append('\uFFFD');
					}
				}
				case TRAIL_BYTE -> {
					if (b == ESC) {
						state = ESCAPE_START;
						errors++;
				out.append('\uFFFD');
					}
					else if (b >= 0x21 && b <= 0x7E) {
						state = LEAD_BYTE;
						int pointer = (lead - 0x21) * 94 + b - 0x21;
						int codePoint = (pointer < this.jis0208.length) ? this.jis0208[pointer] : -1;
						if (codePoint >= 0) {
							out.appendCodePoint(codePoint);
						}
						else {
							errors++;
				out.append('\uFFFD');
						}
					}
					else {
						// Also at the end of the queue: an error, then the lead byte state sees the end again.
						state = LEAD_BYTE;
						errors++;
				out.append('\uFFFD');
					}
				}
				case ESCAPE_START -> {
					if (b == 0x24 || b == 0x28) {
						lead = b;
						state = ESCAPE;
					}
					else {
						if (b != END_OF_QUEUE) {
							pos--; // step 2: the byte is prepended to the queue
						}
						outputFlag = false;
						state = outputState;
						errors++;
				out.append('\uFFFD');
					}
				}
				default -> { // ESCAPE
					int l = lead;
					lead = 0;
					int next = -1;
					if (l == 0x28 && b == 0x42) {
						next = ASCII;
					}
					else if (l == 0x28 && b == 0x4A) {
						next = ROMAN;
					}
					else if (l == 0x28 && b == 0x49) {
						next = KATAKANA;
					}
					else if (l == 0x24 && (b == 0x40 || b == 0x42)) {
						next = LEAD_BYTE;
					}
					if (next >= 0) {
						state = next;
						outputState = next;
						boolean hadOutput = outputFlag;
						outputFlag = true;
						if (hadOutput) {
							errors++;
				out.append('\uFFFD'); // step 4.3: two escape sequences in a row
						}
					}
					else {
						// Step 5: lead (and byte, unless the queue ended) are prepended to the queue.
						pos -= (b == END_OF_QUEUE) ? 1 : 2;
						outputFlag = false;
						state = outputState;
						errors++;
				out.append('\uFFFD');
					}
				}
			}
		}
	}

}
