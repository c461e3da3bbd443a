package dev.springxhr.xhr;

import static dev.springxhr.xhr.support.DomExceptionAssert.assertThrowsDomException;
import static dev.springxhr.xhr.support.HostileStrings.almostToken;
import static dev.springxhr.xhr.support.HostileStrings.hostileOrLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.springxhr.xhr.support.PropertyCheck;

/**
 * Properties of {@code setRequestHeader()} (checklist §3, XHR §3.3 steps 3–4): whether a call throws, and what, is
 * decided by the name's token grammar and by the value after Fetch's "normalize" alone. The oracle is written here
 * from the standard; what reaches the wire is {@link RequestInjectionPropertyTests}'.
 */
class SetRequestHeaderPropertyTests {

	static final List<String> EDGE_NAMES = List.of("", " ", "X-Test", "x-test ", "X Test", "X-Test:", "X-\u00e9",
			"\u30c6\u30b9\u30c8", "X\r\nInjected", "X\0", "Cookie", "Host", "Sec-X", "Proxy-Authorization",
			"X-HTTP-Method-Override", "Authorization", "Content-Type", "\u007f", "()[]{}", "a?B", "a=B");

	static final List<String> EDGE_VALUES = List.of("", " ", "\t", "\r\n", " \r\n x \t", "a\r\nInjected: 1",
			"a\nb", "a\rb", "a\0b", "\0", "\u00ff\u0080", "\u0100", "\ud800", "x\tx", "\u000b", "TRACE", "get, TRACK");

	private final XhrFactory factory = XhrFactory.ofDefaults();

	static boolean isByteString(String value) {
		return value.chars().allMatch((c) -> c <= 0xFF);
	}

	/** Fetch "normalize": strip leading and trailing HTTP whitespace (HT, LF, CR, SP). */
	static String normalize(String value) {
		int start = 0;
		int end = value.length();
		while (start < end && "\t\n\r ".indexOf(value.charAt(start)) >= 0) {
			start++;
		}
		while (end > start && "\t\n\r ".indexOf(value.charAt(end - 1)) >= 0) {
			end--;
		}
		return value.substring(start, end);
	}

	/** Fetch "header value" after normalizing: no NUL, LF or CR is left (the ends cannot be HTTP whitespace). */
	static boolean isHeaderValueOnceNormalized(String value) {
		return normalize(value).chars().noneMatch((c) -> c == 0 || c == '\n' || c == '\r');
	}

	private static List<String> nameAndValue(SplittableRandom random) {
		String name = (random.nextInt(8) == 0) ? EDGE_NAMES.get(random.nextInt(EDGE_NAMES.size()))
				: almostToken(random);
		String value = (random.nextInt(8) == 0) ? EDGE_VALUES.get(random.nextInt(EDGE_VALUES.size()))
				: hostileOrLong(random);
		return List.of(name, value);
	}

	// XHR §3.3 step 4 and WebIDL: a name or value that is not a ByteString is a TypeError before the method runs;
	// otherwise SyntaxError iff the name is not a token or the normalized value contains NUL, CR or LF; a valid
	// pair never throws, forbidden or not (step 5 ignores those silently).
	@Test
	void aCallThrowsExactlyWhenTheNameOrTheNormalizedValueBreaksTheGrammar() {
		PropertyCheck.forAll(20240821L, 2500, SetRequestHeaderPropertyTests::nameAndValue, (pair) -> {
			String name = pair.get(0);
			String value = pair.get(1);
			XMLHttpRequest xhr = this.factory.create();
			xhr.open("POST", "http://127.0.0.1:9/");
			if (!isByteString(name) || !isByteString(value)) {
				assertThat(catchThrowable(() -> xhr.setRequestHeader(name, value)))
					.isExactlyInstanceOf(TypeError.class);
			}
			else if (!OpenPropertyTests.TOKEN.matcher(name).matches() || !isHeaderValueOnceNormalized(value)) {
				assertThrowsDomException("SyntaxError", () -> xhr.setRequestHeader(name, value));
			}
			else {
				xhr.setRequestHeader(name, value);
			}
			assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.OPENED);
		});
	}

	// XHR §3.3 steps 1-2: the state check comes first, so any name and value in UNSENT is an InvalidStateError
	// (once the arguments are ByteStrings).
	@Test
	void inUnsentEveryByteStringPairIsAnInvalidStateError() {
		PropertyCheck.forAll(20240822L, 500, SetRequestHeaderPropertyTests::nameAndValue, (pair) -> {
			XMLHttpRequest xhr = this.factory.create();
			if (isByteString(pair.get(0)) && isByteString(pair.get(1))) {
				assertThrowsDomException("InvalidStateError", () -> xhr.setRequestHeader(pair.get(0), pair.get(1)));
			}
		});
	}

}
