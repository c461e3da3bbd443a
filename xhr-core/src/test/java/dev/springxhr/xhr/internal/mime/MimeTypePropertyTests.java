package dev.springxhr.xhr.internal.mime;

import static dev.springxhr.xhr.support.DomExceptionAssert.assertThrowsDomException;
import static dev.springxhr.xhr.support.HostileStrings.hostile;
import static dev.springxhr.xhr.support.HostileStrings.hostileOrLong;
import static dev.springxhr.xhr.support.HostileStrings.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.springxhr.xhr.support.PropertyCheck;
import dev.springxhr.xhr.support.RawHttpServer;
import dev.springxhr.xhr.internal.mime.MimeType;
import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrFactory;

/**
 * Properties of the MIME type parser and serializer (MIME Sniffing §4.4, §4.5) and of {@code overrideMimeType()}
 * (checklist §11, XHR §3.6.7): parsing never throws, serializing what parsed is a fixed point, and
 * {@code overrideMimeType()} never throws before the body arrives.
 */
class MimeTypePropertyTests {

	private static final List<String> EDGES = List.of("", " ", "/", "a/", "/b", "text/html", " TEXT/HTML ; ",
			"text/html;charset=\"", "text/html;charset=\"\\", "text/html;=x;a=\"b\\\"c\";A=z", "text/html;charset",
			"text/\u00e9", "text/html;x=\u00e9", "text/html;x=\u0100", "a/b;\r\nc=d", "a/b\0", "*/*", "a/b;;;;c=d",
			"bogus", "application/octet-stream");

	/** A MIME-type-shaped string: type/subtype and parameters built from tokens and hostile strings. */
	static String mimeLike(SplittableRandom random) {
		if (random.nextInt(4) == 0) {
			return hostileOrLong(random);
		}
		StringBuilder result = new StringBuilder();
		result.append(random.nextBoolean() ? token(random, 8) : hostile(random, 6)).append('/');
		result.append(random.nextBoolean() ? token(random, 8) : hostile(random, 6));
		int parameters = random.nextInt(4);
		for (int i = 0; i < parameters; i++) {
			result.append(random.nextBoolean() ? ";" : " ; ");
			result.append(random.nextBoolean() ? token(random, 6) : hostile(random, 4)).append('=');
			result.append(switch (random.nextInt(3)) {
				case 0 -> token(random, 6);
				case 1 -> "\"" + hostile(random, 8) + "\"";
				default -> hostile(random, 8);
			});
		}
		return result.toString();
	}

	// MIME Sniffing §4.4: parsing returns a MIME type or failure, never an exception.
	// §4.5: the serialization of a parsed MIME type parses to a MIME type with the same serialization, and is a
	// byte string with no CR, LF or NUL, so it is always a valid header value.
	@Test
	void serializingAParsedMimeTypeIsAFixedPointAndAValidHeaderValue() {
		PropertyCheck.forAll(20240831L, 5000, MimeTypePropertyTests::mimeLike, EDGES, (input) -> {
			MimeType parsed = MimeType.parse(input);
			if (parsed == null) {
				return;
			}
			String serialized = parsed.serialize();
			MimeType reparsed = MimeType.parse(serialized);
			assertThat(reparsed).as("reparse of %s", serialized).isNotNull();
			assertThat(reparsed.serialize()).isEqualTo(serialized);
			assertThat(serialized).doesNotContain("\r", "\n", "\0");
			assertThat(serialized.chars().allMatch((c) -> c <= 0xFF)).as("byte string").isTrue();
			assertThat(serialized).isEqualTo(serialized.strip());
			// the essence is ASCII-lower-cased tokens
			String essence = serialized.contains(";") ? serialized.substring(0, serialized.indexOf(';')) : serialized;
			assertThat(essence).matches("[!#$%&'*+\\-.^_`|~0-9a-z]+/[!#$%&'*+\\-.^_`|~0-9a-z]+");
		});
	}

	// XHR §3.6.7 overrideMimeType() steps 1-2: in UNSENT, OPENED and HEADERS_RECEIVED it never throws, whatever
	// the string (a failure to parse means application/octet-stream); in DONE it is an InvalidStateError.
	@Test
	void overrideMimeTypeNeverThrowsBeforeTheBodyAndAlwaysThrowsInvalidStateErrorWhenDone() {
		try (RawHttpServer raw = new RawHttpServer().start()) {
			raw.route("/done", RawHttpServer.response("HTTP/1.1 200 OK", "<x/>", "Content-Type: text/xml",
					"Content-Length: 4"));
			XhrFactory factory = XhrFactory.ofDefaults();
			XMLHttpRequest done = factory.create();
			done.open("GET", raw.baseUrl() + "/done", false);
			done.send();
			assertThat(done.getReadyState()).isEqualTo(XMLHttpRequest.DONE);
			PropertyCheck.forAll(20240832L, 2000, MimeTypePropertyTests::mimeLike, EDGES, (mime) -> {
				XMLHttpRequest xhr = factory.create();
				xhr.overrideMimeType(mime);
				xhr.open("GET", raw.baseUrl() + "/done");
				xhr.overrideMimeType(mime);
				assertThrowsDomException("InvalidStateError", () -> done.overrideMimeType(mime));
			});
		}
	}

	// XHR §3.6.7 step 2 and §3.6.9: an override that does not parse is application/octet-stream, which is not
	// XML, so responseXML is null; an override that parses to an XML MIME type makes the same body a document.
	@Test
	void anUnparsableOverrideMakesTheResponseOctetStream() {
		try (RawHttpServer raw = new RawHttpServer().start()) {
			raw.route("/xml", RawHttpServer.response("HTTP/1.1 200 OK", "<x/>", "Content-Type: text/xml",
					"Content-Length: 4"));
			XhrFactory factory = XhrFactory.ofDefaults();
			PropertyCheck.forAll(20240833L, 60, MimeTypePropertyTests::mimeLike, List.of("bogus", "text/xml"),
					(mime) -> {
						XMLHttpRequest xhr = factory.create();
						xhr.open("GET", raw.baseUrl() + "/xml", false);
						xhr.overrideMimeType(mime);
						xhr.send();
						MimeType parsed = MimeType.parse(mime);
						boolean xml = parsed != null && (parsed.essence().equals("text/xml")
								|| parsed.essence().equals("application/xml") || parsed.essence().endsWith("+xml"));
						assertThat(xhr.getResponseXML() != null).as("responseXML for override %s", parsed)
							.isEqualTo(xml);
					});
		}
	}

}
