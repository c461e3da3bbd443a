package dev.springxhr.xhr.internal.cookie;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.springxhr.xhr.internal.http.HttpTokens;

/**
 * RFC 6265bis §5.6 "The Set-Cookie Header Field": a {@code Set-Cookie} field value, the set-cookie-string, read into
 * a {@link SetCookie} (name, value and attributes), or ignored as a whole. Storage rules (§5.7) are the
 * {@link CookieJar}'s.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.6">RFC 6265bis §5.6</a>
 */
final class SetCookieParser {

	/** RFC 6265bis §5.6.1 and §5.6.2 "cookie-age-limit": no cookie lives longer than 400 days. */
	static final Duration COOKIE_AGE_LIMIT = Duration.ofDays(400);

	// RFC 6265bis §5.6 steps 5 and 6 of the attribute parsing.
	private static final int MAX_NAME_VALUE_OCTETS = 4096;

	private static final int MAX_ATTRIBUTE_VALUE_OCTETS = 1024;

	private SetCookieParser() {
	}

	/**
	 * RFC 6265bis §5.6 "set-cookie-string" parsing.
	 * @param setCookieString a {@code Set-Cookie} field value
	 * @param now the time Max-Age counts from, and the cookie-age-limit
	 * @return the cookie's name, value and the attributes storage uses (the last of each), or {@code null} when
	 * the string is to be ignored entirely
	 */
	static @Nullable SetCookie parse(String setCookieString, Instant now) {
		// Step 1: a control character other than HTAB anywhere ignores the whole string.
		for (int i = 0; i < setCookieString.length(); i++) {
			char c = setCookieString.charAt(i);
			if ((c <= 0x1F && c != 0x09) || c == 0x7F) {
				return null;
			}
		}
		// Step 2: the name-value-pair ends at the first ';'.
		int semicolon = setCookieString.indexOf(';');
		String nameValuePair = (semicolon >= 0) ? setCookieString.substring(0, semicolon) : setCookieString;
		// Step 3: no '=' makes a nameless cookie; else the name ends at the first '='.
		int equals = nameValuePair.indexOf('=');
		String name = (equals >= 0) ? nameValuePair.substring(0, equals) : "";
		String value = (equals >= 0) ? nameValuePair.substring(equals + 1) : nameValuePair;
		// Step 4.
		name = trimWsp(name);
		value = trimWsp(value);
		// Step 5.
		if (octets(name) + octets(value) > MAX_NAME_VALUE_OCTETS) {
			return null;
		}
		Instant maxAge = null;
		Instant expires = null;
		String domain = null;
		String path = null;
		boolean secure = false;
		boolean httpOnly = false;
		SameSite sameSite = null;
		int position = semicolon;
		while (position >= 0) {
			// Attribute steps 2-3: skip the ';', the cookie-av runs to the next one.
			int next = setCookieString.indexOf(';', position + 1);
			String cookieAv = setCookieString.substring(position + 1, (next >= 0) ? next : setCookieString.length());
			position = next;
			// Steps 4-5.
			int avEquals = cookieAv.indexOf('=');
			String attributeName = trimWsp((avEquals >= 0) ? cookieAv.substring(0, avEquals) : cookieAv);
			String attributeValue = (avEquals >= 0) ? trimWsp(cookieAv.substring(avEquals + 1)) : "";
			// Step 6: an oversize attribute value ignores the cookie-av.
			if (octets(attributeValue) > MAX_ATTRIBUTE_VALUE_OCTETS) {
				continue;
			}
			// Step 7: attribute names are case-insensitive; unknown ones are ignored. §5.6.1-§5.6.7 each: an
			// attribute whose value is ignored leaves the one before it; any other replaces it.
			switch (HttpTokens.toAsciiLowerCase(attributeName)) {
				case "expires" -> {
					Instant expiry = expires(attributeValue, now);
					expires = (expiry != null) ? expiry : expires;
				}
				case "max-age" -> {
					Instant expiry = maxAge(attributeValue, now);
					maxAge = (expiry != null) ? expiry : maxAge;
				}
				case "domain" -> {
					// §5.6.3: an empty Domain is ignored; a leading '.' is dropped.
					if (!attributeValue.isEmpty()) {
						domain = HttpTokens.toAsciiLowerCase(
								attributeValue.startsWith(".") ? attributeValue.substring(1) : attributeValue);
					}
				}
				case "path" -> {
					// §5.6.4: a value that is empty or does not start with '/' means the default-path.
					boolean isDefault = attributeValue.isEmpty() || attributeValue.charAt(0) != '/';
					path = isDefault ? null : attributeValue;
				}
				case "secure" -> secure = true;
				case "httponly" -> httpOnly = true;
				case "samesite" -> {
					// §5.6.7: "None", "Strict" or "Lax" case-insensitively; any other value is "Default".
					sameSite = switch (HttpTokens.toAsciiLowerCase(attributeValue)) {
						case "none" -> SameSite.NONE;
						case "strict" -> SameSite.STRICT;
						case "lax" -> SameSite.LAX;
						default -> null;
					};
				}
				default -> {
					// An attribute this algorithm does not know (Priority, Partitioned, ...).
				}
			}
		}
		return new SetCookie(name, value, maxAge, expires, domain, path, secure, httpOnly, sameSite);
	}

	/** RFC 6265bis §5.6.1 Expires: a cookie-date, at most the cookie-age-limit; {@code null} to ignore it. */
	private static @Nullable Instant expires(String attributeValue, Instant now) {
		Instant expiry = CookieDateParser.parse(attributeValue);
		if (expiry == null) {
			return null;
		}
		Instant limit = now.plus(COOKIE_AGE_LIMIT);
		return expiry.isAfter(limit) ? limit : expiry;
	}

	/**
	 * RFC 6265bis §5.6.2 Max-Age: an optional '-' and digits; at most the cookie-age-limit; {@code null} to ignore
	 * it.
	 */
	private static @Nullable Instant maxAge(String attributeValue, Instant now) {
		boolean negative = attributeValue.startsWith("-");
		String digits = negative ? attributeValue.substring(1) : attributeValue;
		if (digits.isEmpty() || !isDigits(digits)) {
			return null;
		}
		if (negative) {
			// delta-seconds <= 0: the earliest representable time, so the cookie is expired.
			return Instant.MIN;
		}
		long limit = COOKIE_AGE_LIMIT.toSeconds();
		String significant = digits.replaceFirst("^0+", "");
		long deltaSeconds = (significant.length() > 12) ? limit : Math.min(Long.parseLong("0" + significant), limit);
		return (deltaSeconds <= 0) ? Instant.MIN : now.plusSeconds(deltaSeconds);
	}

	private static boolean isDigits(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	// WSP = SP / HTAB
	private static String trimWsp(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
			start++;
		}
		while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
			end--;
		}
		return text.substring(start, end);
	}

	/**
	 * The octets a header string stands for: header bytes are decoded one char a byte (ISO-8859-1), so a char up
	 * to U+00FF is one octet; a string decoded otherwise counts its UTF-8 bytes.
	 */
	private static int octets(String text) {
		int octets = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c <= 0xFF) {
				octets++;
			}
			else if (c <= 0x7FF) {
				octets += 2;
			}
			else if (Character.isHighSurrogate(c)) {
				octets += 2;
			}
			else {
				octets += (Character.isLowSurrogate(c)) ? 2 : 3;
			}
		}
		return octets;
	}

}
