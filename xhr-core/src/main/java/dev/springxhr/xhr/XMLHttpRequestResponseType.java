package dev.springxhr.xhr;

import org.jspecify.annotations.Nullable;

/**
 * The values of {@code XMLHttpRequest.responseType}, the IDL enum {@code XMLHttpRequestResponseType}.
 */
public enum XMLHttpRequestResponseType {

	/** {@code ""}: the response is text, and {@code responseXML} is available for XML. */
	EMPTY(""),

	/** {@code "arraybuffer"}: the response is a read-only {@link java.nio.ByteBuffer}. */
	ARRAYBUFFER("arraybuffer"),

	/** {@code "blob"}: the response is a {@code Blob}. */
	BLOB("blob"),

	/** {@code "document"}: the response is an {@link org.w3c.dom.Document}. */
	DOCUMENT("document"),

	/** {@code "json"}: the response is a JSON value. */
	JSON("json"),

	/** {@code "text"}: the response is a {@link String}. */
	TEXT("text");

	private final String idlValue;

	XMLHttpRequestResponseType(String idlValue) {
		this.idlValue = idlValue;
	}

	/**
	 * Return the IDL string of this value, e.g. {@code "arraybuffer"}.
	 * @return the IDL value
	 */
	public String idlValue() {
		return this.idlValue;
	}

	/**
	 * Return the value with the given IDL string.
	 * @param idlValue the IDL string, e.g. {@code "json"}
	 * @return the value, or {@code null} if the string is not one of the six (such a value is ignored by setters)
	 */
	public static @Nullable XMLHttpRequestResponseType fromIdlValue(String idlValue) {
		for (XMLHttpRequestResponseType type : values()) {
			if (type.idlValue.equals(idlValue)) {
				return type;
			}
		}
		return null;
	}

	@Override
	public String toString() {
		return this.idlValue;
	}

}
