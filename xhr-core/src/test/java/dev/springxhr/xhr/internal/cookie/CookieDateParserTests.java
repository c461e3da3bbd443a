package dev.springxhr.xhr.internal.cookie;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link CookieDateParser} against the cookie-date algorithm of RFC 6265bis §5.1.1. */
class CookieDateParserTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', value = { "Wed, 21 Oct 2015 07:28:00 GMT | 2015-10-21T07:28:00Z",
			"Thu, 01-Jan-1970 00:00:01 GMT | 1970-01-01T00:00:01Z",
			"Wednesday, 21-Oct-15 07:28:00 GMT | 2015-10-21T07:28:00Z",
			"Sun Nov  6 08:49:37 1994 | 1994-11-06T08:49:37Z", "Tue, 18-Nov-69 10:00:00 GMT | 2069-11-18T10:00:00Z",
			"18-Nov-70 10:00:00 | 1970-11-18T10:00:00Z", "Fri, 31 Dec 99 23:59:59 GMT | 1999-12-31T23:59:59Z",
			"21 oct 2015 7:28:0 | 2015-10-21T07:28:00Z", "2015 Oct 21 07:28:00 | 2015-10-21T07:28:00Z",
			"21st October 2015 07:28:00 | 2015-10-21T07:28:00Z",
			"Wed, 21 Oct 2015 07:28:00 +0100 | 2015-10-21T07:28:00Z",
			"Wed, 21 Oct 2015 07:28:00 PST | 2015-10-21T07:28:00Z", "1 JAN 2016 00:00:00 | 2016-01-01T00:00:00Z",
			"29 Feb 2016 12:00:00 | 2016-02-29T12:00:00Z", "Mon, 01 Jan 1601 00:00:00 GMT | 1601-01-01T00:00:00Z",
			"Fri, 31 Dec 9999 23:59:59 GMT | 9999-12-31T23:59:59Z", "  ;21;Oct;2015;07:28:00;  | 2015-10-21T07:28:00Z",
			"21 Oct 2015 07:28:00Z | 2015-10-21T07:28:00Z", "21 Oct 2015 07:28:00 21 Nov 2016 | 2015-10-21T07:28:00Z" })
	void parseCookieDateFollowsTheRfcAlgorithm(String cookieDate, Instant expected) {
		assertThat(CookieDateParser.parse(cookieDate)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "Wed, 21 Oct 2015", "21 Oct 07:28:00", "Oct 2015 07:28:00", "21 2015 07:28:00",
			"31 Feb 2015 00:00:00", "29 Feb 2015 00:00:00", "32 Oct 2015 00:00:00", "0 Oct 2015 00:00:00",
			"21 Oct 1600 23:59:59", "21 Oct 2015 24:00:00", "21 Oct 2015 07:60:00", "21 Oct 2015 07:28:60",
			"21 Foo 2015 07:28:00", "21 Oct 5 07:28:00", "21 Oct 20155 07:28:00", "21 Oct 2015 07:28:000",
			"21 Oct 2015 007:28:00", "123 Oct 2015 07:28:00", "21 Oct 2015 07-28-00", "Thursday", "1445412480" })
	void parseCookieDateFailsOnIncompleteOrImpossibleDates(String cookieDate) {
		assertThat(CookieDateParser.parse(cookieDate)).isNull();
	}

}
