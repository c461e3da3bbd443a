package dev.springxhr.xhr;

import static dev.springxhr.xhr.support.DomExceptionAssert.assertThrowsDomException;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.support.EventRecorder;

/**
 * Checklist §16.1: {@code data:} URLs are fetched from the URL itself — status 200 "OK", the URL's MIME type as
 * Content-Type — with the same events as a network response; a URL the data: URL processor rejects is a network
 * error.
 */
class DataUrlTests {

	private final XhrFactory factory = XhrFactory.of(WebClient.builder(), XhrSettings.defaults());

	private EventRecorder fetch(String method, String url, Object body) {
		XMLHttpRequest xhr = this.factory.create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open(method, url);
		rec.send(body);
		rec.awaitLoadend();
		return rec;
	}

	@Test
	void dataUrlGivesTheUsualEventSequenceFromTheEventLoop() {
		EventRecorder rec = fetch("GET", "data:text/plain;charset=utf-8,h%C3%A9llo", null);
		XMLHttpRequest xhr = rec.xhr();

		assertThat(rec.timeline()).containsExactly("open>rsc(1)", "send>loadstart(0,0,f)", "rsc(2)", "rsc(3)",
				"progress(6,0,f)", "rsc(4)", "load(6,0,f)", "loadend(6,0,f)");
		assertThat(xhr.getStatus()).isEqualTo((short) 200);
		assertThat(xhr.getStatusText()).isEqualTo("OK");
		assertThat(xhr.getAllResponseHeaders()).isEqualTo("content-type: text/plain;charset=utf-8\r\n");
		assertThat(xhr.getResponseText()).isEqualTo("héllo");
		assertThat(xhr.getResponseURL()).isEqualTo("data:text/plain;charset=utf-8,h%C3%A9llo");
		XhrChannel channel = (XhrChannel) xhr.getChannel();
		assertThat(channel.uri()).hasToString("data:text/plain;charset=utf-8,h%C3%A9llo");
		assertThat(channel.protocol()).isEmpty();
		assertThat(channel.remoteAddress()).isNull();
	}

	@Test
	void base64DataUrlWithoutTypeIsUsAsciiText() {
		XMLHttpRequest xhr = fetch("GET", "data:;base64,SGVs bG8=", null).xhr();

		assertThat(xhr.getResponseHeader("Content-Type")).isEqualTo("text/plain;charset=US-ASCII");
		assertThat(xhr.getResponseText()).isEqualTo("Hello");
	}

	@Test
	void jsonDataUrlWithResponseTypeJson() {
		XMLHttpRequest xhr = this.factory.create();
		EventRecorder rec = EventRecorder.attach(xhr);
		rec.open("GET", "data:application/json,{\"a\":1}");
		xhr.setResponseType("json");
		rec.send(null);
		rec.awaitLoadend();

		assertThat(xhr.getResponse()).isEqualTo(Map.of("a", 1));
	}

	@Test
	void badBase64IsANetworkError() {
		EventRecorder rec = fetch("GET", "data:;base64,%%%", null);

		assertThat(rec.events()).containsExactly("rsc(1)", "loadstart(0,0,f)", "rsc(4)", "error(0,0,f)",
				"loadend(0,0,f)");
		assertThat(rec.xhr().getStatus()).isZero();
	}

	@Test
	void postToADataUrlIgnoresTheBodyAndLoads() {
		XMLHttpRequest xhr = this.factory.create();
		EventRecorder rec = EventRecorder.attachWithUpload(xhr);
		rec.open("POST", "data:,ok");
		rec.send("ignored");
		rec.awaitLoadend();

		assertThat(xhr.getResponseText()).isEqualTo("ok");
		// As in Chromium (oracle scenario data-post): no upload events at all, although upload listeners are attached.
		assertThat(rec.events()).noneMatch((e) -> e.startsWith("u."));
		assertThat(rec.events()).containsSubsequence("loadstart(0,0,f)", "rsc(2)", "load(2,0,f)");
	}

	@Test
	void syncDataUrl() {
		XMLHttpRequest xhr = this.factory.create();
		xhr.open("GET", "data:text/html,<b>x</b>#frag", false);
		xhr.send();

		assertThat(xhr.getStatus()).isEqualTo((short) 200);
		assertThat(xhr.getResponseText()).isEqualTo("<b>x</b>");
		// The URL serializer: an opaque path keeps '<' and '>' (the C0 control percent-encode set), as Chromium does.
		assertThat(xhr.getResponseURL()).isEqualTo("data:text/html,<b>x</b>");
	}

	@Test
	void syncBadDataUrlThrowsNetworkError() {
		XMLHttpRequest xhr = this.factory.create();
		xhr.open("GET", "data:text/plain", false);

		assertThrowsDomException("NetworkError", xhr::send);
	}

}
