package dev.springxhr.xhr.internal.encoding;

/**
 * An Encoding Standard decoder run over a whole byte sequence: the standard's "decode" with error mode
 * replacement, each error a U+FFFD. An instance holds no state between calls, so it may be shared.
 *
 * @see <a href="https://encoding.spec.whatwg.org/#decode">Encoding §6 decode</a>
 */
interface ByteDecoder {

	/** The end of the queue, as a handler sees it. */
	int END_OF_QUEUE = -1;

	/**
	 * Decode bytes, appending the text.
	 * @param bytes the bytes
	 * @param offset where they start
	 * @param length how many there are
	 * @param out where the text goes
	 * @return the number of errors (each a U+FFFD in the text): 0 for well-formed input
	 */
	int decode(byte[] bytes, int offset, int length, StringBuilder out);

}
