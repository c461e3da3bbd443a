package dev.springxhr.xhr.internal.cookie;

/** RFC 6265bis §5.6.7 {@code SameSite} enforcement modes ("Default" is stored as {@link #LAX}). */
public enum SameSite {

	STRICT, LAX, NONE

}
