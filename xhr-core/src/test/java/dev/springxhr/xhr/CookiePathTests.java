package dev.springxhr.xhr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.springxhr.xhr.support.RawHttpServer;
import dev.springxhr.xhr.support.XhrTestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cookies' paths are matched against the URL's path as the URL Standard serializes it (RFC 6265bis §5.1.4), not
 * against {@code java.net.URI}'s spelling of it: {@code Path=/a[b]} is the path of {@code /a[b]/x}, whose URI raw
 * path is {@code /a%5Bb/x}.
 */
class CookiePathTests {

	@RegisterExtension
	final XhrTestServer<RawHttpServer> raw = XhrTestServer.raw();

	@Test
	void aCookiePathWithSquareBracketsMatchesTheRequestPathAsSerialized() {
		this.raw.server().route("/a[b]/set",
				RawHttpServer.response("HTTP/1.1 200 OK", "set", "Content-Length: 3", "Set-Cookie: k=1; Path=/a[b]"));
		this.raw.server().route("/a[b]/check", RawHttpServer.response("HTTP/1.1 200 OK", "ok", "Content-Length: 2"));
		this.raw.server().route("/other/check", RawHttpServer.response("HTTP/1.1 200 OK", "ok", "Content-Length: 2"));
		XhrFactory factory = this.raw.factory();

		get(factory, "/a[b]/set");
		get(factory, "/a[b]/check");
		get(factory, "/other/check");

		assertThat(this.raw.server().requestsTo("/a[b]/check").get(0).headerValues("Cookie")).containsExactly("k=1");
		assertThat(this.raw.server().requestsTo("/other/check").get(0).headerValues("Cookie")).isEmpty();
		assertThat(factory.getProfile().getCookieStore().cookies()).singleElement()
			.satisfies((cookie) -> assertThat(cookie.path()).isEqualTo("/a[b]"));
	}

	@Test
	void aCookieWithoutPathTakesItsDefaultPathFromTheSerializedPath() {
		this.raw.server().route("/d|e/set",
				RawHttpServer.response("HTTP/1.1 200 OK", "set", "Content-Length: 3", "Set-Cookie: k=2"));
		XhrFactory factory = this.raw.factory();

		get(factory, "/d|e/set");

		assertThat(factory.getProfile().getCookieStore().cookies()).singleElement()
			.satisfies((cookie) -> assertThat(cookie.path()).isEqualTo("/d|e"));
	}

	private void get(XhrFactory factory, String path) {
		XMLHttpRequest xhr = factory.create();
		xhr.open("GET", this.raw.baseUrl() + path, false);
		xhr.send();
		assertThat(xhr.getStatus()).isEqualTo((short) 200);
	}

}
