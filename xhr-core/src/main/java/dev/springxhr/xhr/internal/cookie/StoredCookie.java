package dev.springxhr.xhr.internal.cookie;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A cookie as the {@link CookieJar} holds it (RFC 6265bis §5.7 cookie fields). Its {@link #toString()} never shows
 * the value: cookies are credentials.
 * @param expiry the expiry time, or {@code null} for a session cookie (no Max-Age or Expires)
 */
public record StoredCookie(String name, String value, String domain, boolean hostOnly, String path, @Nullable Instant expiry,
		boolean secure, boolean httpOnly, SameSite sameSite, Instant creation) {

	boolean isExpired(Instant now) {
		return this.expiry != null && !this.expiry.isAfter(now);
	}

	@Override
	public String toString() {
		return "StoredCookie[name=" + this.name + ", value=<redacted>, domain=" + this.domain + ", hostOnly="
				+ this.hostOnly + ", path=" + this.path + ", expiry=" + this.expiry + ", secure=" + this.secure
				+ ", httpOnly=" + this.httpOnly + ", sameSite=" + this.sameSite + ", creation=" + this.creation + "]";
	}

}
