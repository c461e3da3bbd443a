package dev.springxhr.xhr;

import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.cookie.StoredCookie;

/**
 * A cookie of a {@link CookieStore}, with the fields RFC 6265bis §5.7 stores. Its {@link #toString()} never shows the
 * value: cookies are credentials.
 *
 * @param name the name
 * @param value the value
 * @param domain the domain (lower case, without a leading dot)
 * @param hostOnly whether only the domain itself gets the cookie (no {@code Domain} attribute), not its subdomains
 * @param path the path
 * @param expiry when it expires, or {@code null} for a session cookie
 * @param secure whether it goes only over https (or to a loopback host)
 * @param httpOnly whether it is {@code HttpOnly}
 * @param sameSite its {@code SameSite} mode: {@code "Strict"}, {@code "Lax"} or {@code "None"}
 */
public record XhrCookie(String name, String value, String domain, boolean hostOnly, String path,
		@Nullable Instant expiry, boolean secure, boolean httpOnly, String sameSite) {

	/** The API's view of a cookie of the jar. */
	static XhrCookie of(StoredCookie cookie) {
		String sameSite = cookie.sameSite().name();
		return new XhrCookie(cookie.name(), cookie.value(), cookie.domain(), cookie.hostOnly(), cookie.path(),
				cookie.expiry(), cookie.secure(), cookie.httpOnly(),
				sameSite.charAt(0) + sameSite.substring(1).toLowerCase(Locale.ROOT));
	}

	@Override
	public String toString() {
		return "XhrCookie[name=" + this.name + ", value=<redacted>, domain=" + this.domain + ", hostOnly="
				+ this.hostOnly + ", path=" + this.path + ", expiry=" + this.expiry + ", secure=" + this.secure
				+ ", httpOnly=" + this.httpOnly + ", sameSite=" + this.sameSite + "]";
	}

}
