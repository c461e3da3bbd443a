package dev.springxhr.xhr.internal.json;

import java.io.Serial;

/**
 * The text is not JSON: what JS reports as a {@code SyntaxError}.
 */
public final class JsonSyntaxException extends IllegalArgumentException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final int offset;

	JsonSyntaxException(String reason, int offset) {
		super(reason + " at offset " + offset);
		this.offset = offset;
	}

	/**
	 * The offset, in UTF-16 code units, of the character that is wrong (the length at the end of input).
	 * @return the offset
	 */
	int offset() {
		return this.offset;
	}

}
