package dev.springxhr.xhr.internal.cookie;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A parsed set-cookie-string ({@link SetCookieParser}): the name, value and the last valid value of each attribute
 * (RFC 6265bis §5.7 uses the last).
 * @param maxAge the expiry time from Max-Age
 * @param expires the expiry time from Expires
 * @param domain the Domain attribute, lower case and without a leading '.', {@code null} when there is none
 * @param path the Path attribute, {@code null} when there is none or the last one is empty or does not start with
 * '/' (§5.6.4: then the default-path applies)
 * @param sameSite the SameSite enforcement, {@code null} for "Default" (none, or an unknown value)
 */
record SetCookie(String name, String value, @Nullable Instant maxAge, @Nullable Instant expires,
		@Nullable String domain, @Nullable String path, boolean secure, boolean httpOnly, @Nullable SameSite sameSite) {

}
