package dev.springxhr.xhr.internal.cookie;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * RFC 6265bis §5.1.1 "Dates": the cookie-date of an {@code Expires} attribute, read by the algorithm that accepts
 * every date format servers have sent ({@code Wed, 21 Oct 2015 07:28:00 GMT}, {@code Thu, 01-Jan-70 00:00:01 GMT},
 * {@code Sun Nov  6 08:49:37 1994}, ...). Times are UTC whatever zone the string names.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.1.1">RFC 6265bis
 * §5.1.1</a>
 */
final class CookieDateParser {

	private static final String[] MONTHS = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
			"nov", "dec" };

	private CookieDateParser() {
	}

	/**
	 * RFC 6265bis §5.1.1 "cookie-date" parsing, the algorithm that accepts every date format servers have sent:
	 * date-tokens between delimiters, the first of each kind (time, day of month, month, year) counts.
	 * @return the instant (UTC), or {@code null} when the string does not parse
	 */
	static @Nullable Instant parse(String cookieDate) {
		int hour = -1;
		int minute = -1;
		int second = -1;
		int dayOfMonth = -1;
		int month = -1;
		int year = -1;
		int length = cookieDate.length();
		int position = 0;
		// Step 1: date-tokens are runs of non-delimiters.
		while (position < length) {
			while (position < length && isDateDelimiter(cookieDate.charAt(position))) {
				position++;
			}
			int start = position;
			while (position < length && !isDateDelimiter(cookieDate.charAt(position))) {
				position++;
			}
			if (start == position) {
				break;
			}
			String token = cookieDate.substring(start, position);
			// Step 2.1: time = hms-time [ non-digit *OCTET ].
			if (hour < 0) {
				int[] time = parseTime(token);
				if (time != null) {
					hour = time[0];
					minute = time[1];
					second = time[2];
					continue;
				}
			}
			// Step 2.2: day-of-month = 1*2DIGIT [ non-digit *OCTET ].
			if (dayOfMonth < 0) {
				int day = leadingNumber(token, 0, 1, 2);
				if (day >= 0) {
					dayOfMonth = day;
					continue;
				}
			}
			// Step 2.3: month = ( "jan" / ... / "dec" ) *OCTET, case-insensitively.
			if (month < 0) {
				int found = month(token);
				if (found > 0) {
					month = found;
					continue;
				}
			}
			// Step 2.4: year = 2*4DIGIT [ non-digit *OCTET ].
			if (year < 0) {
				year = leadingNumber(token, 0, 2, 4);
			}
		}
		// Steps 3-4: two-digit years: 70-99 are 19xx, 00-69 are 20xx.
		if (year >= 70 && year <= 99) {
			year += 1900;
		}
		else if (year >= 0 && year <= 69) {
			year += 2000;
		}
		// Step 5.
		if (hour < 0 || dayOfMonth < 0 || month < 0 || year < 0 || dayOfMonth < 1 || dayOfMonth > 31
				|| year < 1601 || hour > 23 || minute > 59 || second > 59) {
			return null;
		}
		// Step 6: the date must exist (no 31 February).
		if (dayOfMonth > YearMonth.of(year, month).lengthOfMonth()) {
			return null;
		}
		return LocalDateTime.of(year, month, dayOfMonth, hour, minute, second).toInstant(ZoneOffset.UTC);
	}

	/** hms-time = time-field ":" time-field ":" time-field, time-field = 1*2DIGIT, then a non-digit or the end. */
	private static int @Nullable [] parseTime(String token) {
		int[] fields = new int[3];
		int position = 0;
		for (int i = 0; i < 3; i++) {
			int end = digitsEnd(token, position);
			if (end - position < 1 || end - position > 2) {
				return null;
			}
			fields[i] = Integer.parseInt(token, position, end, 10);
			if (i < 2) {
				if (end >= token.length() || token.charAt(end) != ':') {
					return null;
				}
				position = end + 1;
			}
		}
		return fields;
	}

	/** The number of minDigits to maxDigits leading digits (a non-digit or the end after them), or -1. */
	private static int leadingNumber(String token, int start, int minDigits, int maxDigits) {
		int end = digitsEnd(token, start);
		if (end - start < minDigits || end - start > maxDigits) {
			return -1;
		}
		return Integer.parseInt(token, start, end, 10);
	}

	private static int digitsEnd(String token, int start) {
		int end = start;
		while (end < token.length() && token.charAt(end) >= '0' && token.charAt(end) <= '9') {
			end++;
		}
		return end;
	}

	private static int month(String token) {
		if (token.length() >= 3) {
			for (int i = 0; i < MONTHS.length; i++) {
				if (token.regionMatches(true, 0, MONTHS[i], 0, 3)) {
					return i + 1;
				}
			}
		}
		return -1;
	}

	// delimiter = %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E
	private static boolean isDateDelimiter(char c) {
		return c == 0x09 || (c >= 0x20 && c <= 0x2F) || (c >= 0x3B && c <= 0x40) || (c >= 0x5B && c <= 0x60)
				|| (c >= 0x7B && c <= 0x7E);
	}

}
