package dev.springxhr.js;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.springxhr.xhr.GlobalScope;
import dev.springxhr.xhr.XhrFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link XhrJsContext} against WireMock: the globals are WebIDL-shaped, a request's events reach the script in the
 * standard's order on the context's loop, its state changes only between tasks, and closing the context ends it all.
 */
class XhrJsContextTests {

	@RegisterExtension
	static final WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private final XhrJsContext js = XhrJsContext.create(XhrFactory.ofDefaults());

	@AfterEach
	void close() {
		this.js.close();
	}

	@Test
	void theGlobalsAreWebIdlShaped() {
		assertThat(eval("""
				const xhr = new XMLHttpRequest();
				[xhr instanceof XMLHttpRequestEventTarget, xhr instanceof EventTarget, 'onloadend' in xhr,
				 'onreadystatechange' in xhr, XMLHttpRequest.DONE === 4, xhr.DONE === 4,
				 xhr.upload instanceof XMLHttpRequestUpload, xhr.upload === xhr.upload, xhr.readyState === 0,
				 Object.getOwnPropertyNames(xhr).length === 0, typeof ProgressEvent, typeof queueMicrotask,
				 (() => { try { new XMLHttpRequestUpload(); return 'no'; } catch (e) { return e instanceof TypeError; } })()
				].join()""")).isEqualTo("true,true,true,true,true,true,true,true,true,true,function,function,true");
	}

	@Test
	void anAsynchronousGetFiresTheStandardsEventsOnTheLoop() {
		server.stubFor(get("/hello").willReturn(aResponse().withHeader("Content-Type", "text/plain")
			.withHeader("Content-Length", "2").withHeader("X-Id", "7").withBody("hi")));
		eval("""
				globalThis.log = [];
				const xhr = new XMLHttpRequest();
				globalThis.xhr = xhr;
				xhr.onreadystatechange = () => log.push('rsc' + xhr.readyState);
				for (const type of ['loadstart', 'progress', 'load', 'loadend']) {
				  xhr.addEventListener(type, (e) => log.push(e.type + '(' + e.loaded + ',' + e.total + ','
				      + e.lengthComputable + ')' + (e.target === xhr)));
				}
				xhr.open('GET', '%s/hello');
				xhr.send();
				log.push('sent');
				""".formatted(server.baseUrl()));
		assertThat(this.js.runUntilIdle(Duration.ofSeconds(10))).isTrue();
		assertThat(eval("log.join(' ')")).isEqualTo(
				"rsc1 loadstart(0,0,false)true sent rsc2 rsc3 progress(2,2,true)true rsc4 load(2,2,true)true "
						+ "loadend(2,2,true)true");
		assertThat(eval("[xhr.status, xhr.statusText, xhr.responseText, xhr.getResponseHeader('x-id'), "
				+ "xhr.responseURL === '" + server.baseUrl() + "/hello'].join()")).isEqualTo("200,OK,hi,7,true");
	}

	@Test
	void aScriptRunsToCompletionBeforeAnyNetworkEventChangesTheRequest() {
		server.stubFor(get("/fast").willReturn(aResponse().withBody("done")));
		assertThat(eval("""
				const xhr = new XMLHttpRequest();
				xhr.open('GET', '%s/fast');
				xhr.send();
				const start = Date.now();
				while (Date.now() - start < 500) { }
				[xhr.readyState, xhr.responseText === ''].join()
				""".formatted(server.baseUrl()))).isEqualTo("1,true");
	}

	@Test
	void aSynchronousRequestBlocksOnlyTheLoop() {
		server.stubFor(get("/sync").willReturn(aResponse().withBody("{\"a\":[1,2]}")));
		assertThat(eval("""
				const xhr = new XMLHttpRequest();
				xhr.open('GET', '%s/sync', false);
				xhr.send();
				[xhr.readyState, xhr.status, JSON.parse(xhr.responseText).a[1]].join()
				""".formatted(server.baseUrl()))).isEqualTo("4,200,2");
	}

	@Test
	void errorsAreDomExceptionsAndTypeErrors() {
		assertThat(eval("""
				const xhr = new XMLHttpRequest();
				const caught = [];
				try { xhr.send(); } catch (e) {
				  caught.push(e instanceof DOMException, e.name, e.code, e.INVALID_STATE_ERR, e instanceof Error);
				}
				xhr.open('GET', 'http://example.invalid/');
				try { xhr.setRequestHeader('X-\\u0100', 'v'); } catch (e) { caught.push(e instanceof TypeError); }
				try { xhr.open('TRACE', 'http://example.invalid/'); } catch (e) { caught.push(e.name, e.code); }
				try { xhr.open('GET', 'http://[x/'); } catch (e) { caught.push(e.name); }
				caught.join()""")).isEqualTo("true,InvalidStateError,11,11,true,true,SecurityError,18,SyntaxError");
	}

	@Test
	void microtasksRunBeforeTimersAndTimersInOrder() {
		eval("""
				globalThis.order = [];
				// Set first, so that it is due first however slowly the interpreter runs this script.
				setTimeout((a, b) => order.push('timeout 0 ' + a + b), 0, 'x', 'y');
				setTimeout(() => order.push('timeout 20'), 20);
				queueMicrotask(() => order.push('microtask'));
				Promise.resolve().then(() => order.push('promise'));
				const cleared = setTimeout(() => order.push('cleared'), 0);
				clearTimeout(cleared);
				let ticks = 0;
				const interval = setInterval(() => { order.push('tick'); if (++ticks === 2) clearInterval(interval); }, 5);
				order.push('script');
				""");
		assertThat(this.js.runUntilIdle(Duration.ofSeconds(10))).isTrue();
		// Microtasks before any task, timers by due time; how the interval's ticks fall around the 20 ms timer depends
		// on the machine, so only their count is checked.
		assertThat((String) eval("order.join(', ')")).startsWith("script, microtask, promise, timeout 0 xy")
			.contains("timeout 20")
			.doesNotContain("cleared");
		assertThat(eval("order.filter((entry) => entry === 'tick').length")).isEqualTo(2L);
	}

	@Test
	void listenersMayBeHandleEventObjectsAndOnceListenersFireOnce() {
		server.stubFor(get("/twice").willReturn(aResponse().withBody("x")));
		eval("""
				globalThis.seen = [];
				const handler = { handleEvent(e) { seen.push('object:' + e.type + ':' + (this === handler)); } };
				globalThis.run = (n) => {
				  const xhr = new XMLHttpRequest();
				  xhr.addEventListener('load', handler);
				  xhr.addEventListener('load', () => seen.push('once' + n), { once: true });
				  xhr.open('GET', '%s/twice');
				  xhr.send();
				};
				run(1);
				""".formatted(server.baseUrl()));
		assertThat(this.js.runUntilIdle(Duration.ofSeconds(10))).isTrue();
		assertThat(eval("seen.join()")).isEqualTo("object:load:true,once1");
	}

	@Test
	void jsonAndArrayBufferResponsesAndABodyFromATypedArray() {
		server.stubFor(get("/json").willReturn(aResponse().withBody("{\"n\":1,\"s\":\"é\"}")));
		server.stubFor(post("/bytes").willReturn(aResponse().withBody(new byte[] { 1, (byte) 200, 3 })));
		eval("""
				globalThis.out = [];
				const a = new XMLHttpRequest();
				a.responseType = 'json';
				a.onload = () => out.push(a.response.n, a.response.s, typeof a.response);
				a.open('GET', '%1$s/json');
				a.send();
				const b = new XMLHttpRequest();
				b.open('POST', '%1$s/bytes');
				b.responseType = 'arraybuffer';
				b.onload = () => out.push(b.response instanceof ArrayBuffer, Array.from(new Uint8Array(b.response)));
				b.send(new Uint8Array([104, 105, 255]));
				""".formatted(server.baseUrl()));
		assertThat(this.js.runUntilIdle(Duration.ofSeconds(10))).isTrue();
		assertThat((String) eval("out.join('|')")).contains("1|é|object").contains("true|1,200,3");
		server.verify(postRequestedFor(urlEqualTo("/bytes")).withRequestBody(
				com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo(new byte[] { 104, 105, (byte) 255 })));
	}

	@Test
	void closingTheContextAbortsItsRequestsAndEndsItsThread() {
		server.stubFor(get("/slow").willReturn(aResponse().withFixedDelay(5_000).withBody("late")));
		XhrJsContext other = XhrJsContext.create(XhrFactory.ofDefaults());
		eval(other, """
				const xhr = new XMLHttpRequest();
				xhr.open('GET', '%s/slow');
				xhr.send();
				setInterval(() => {}, 10);
				""".formatted(server.baseUrl()));
		assertThat(other.runUntilIdle(Duration.ofMillis(200))).isFalse();
		long before = loopThreads();
		other.close();
		await().atMost(10, TimeUnit.SECONDS).until(() -> loopThreads() == before - 1);
		assertThat(other.runUntilIdle(Duration.ofMillis(10))).isTrue();
	}

	@Test
	void closingTheContextClosesTheConnectionOfARequestInFlight() throws Exception {
		try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			XhrJsContext other = XhrJsContext.create(XhrFactory.ofDefaults());
			eval(other, """
					const xhr = new XMLHttpRequest();
					xhr.open('GET', 'http://127.0.0.1:%d/never-answered');
					xhr.send();
					""".formatted(listener.getLocalPort()));
			listener.setSoTimeout(10_000);
			try (Socket connection = listener.accept()) {
				connection.setSoTimeout(10_000);
				InputStream in = connection.getInputStream();
				// The request arrives, then nothing is answered: the request stays in flight.
				assertThat(in.read()).isEqualTo('G');
				other.close();
				// Its connection is closed: the rest of the request, then the end of the stream.
				while (in.read() != -1) {
					// the request's remaining bytes
				}
			}
		}
	}

	@Test
	void synchronousRequestsFollowTheScopesRules() {
		server.stubFor(get("/sync-json").willReturn(aResponse().withBody("{\"ok\":true}")));
		String script = """
				const xhr = new XMLHttpRequest();
				xhr.open('GET', '%s/sync-json', false);
				let outcome;
				try { xhr.responseType = 'json'; xhr.send(); outcome = 'ok:' + xhr.response.ok; }
				catch (e) { outcome = e.name; }
				outcome""".formatted(server.baseUrl());
		// A window's synchronous request may not set a responseType (XHR §3.6.8); a worker's may.
		assertThat(eval(script)).isEqualTo("InvalidAccessError");
		try (XhrJsContext worker = XhrJsContext.create(XhrFactory.builder()
			.settings((settings) -> settings.withGlobalScope(GlobalScope.DEDICATED_WORKER))
			.build(), GlobalScope.DEDICATED_WORKER)) {
			assertThat(eval(worker, script)).isEqualTo("ok:true");
		}
	}

	@Test
	void thePagesOriginDecidesSameOriginAndCors() {
		server.stubFor(get("/no-cors").willReturn(aResponse().withBody("secret")));
		server.stubFor(get("/cors").willReturn(aResponse().withHeader("Access-Control-Allow-Origin",
				"https://app.example").withBody("shared")));
		try (XhrJsContext page = XhrJsContext.create(XhrFactory.builder().origin("https://app.example").build())) {
			eval(page, """
					globalThis.out = [];
					for (const path of ['/no-cors', '/cors']) {
					  const xhr = new XMLHttpRequest();
					  xhr.onload = () => out.push(path + ':' + xhr.responseText);
					  xhr.onerror = () => out.push(path + ':error:' + xhr.status);
					  xhr.open('GET', '%s' + path);
					  xhr.send();
					}
					""".formatted(server.baseUrl()));
			assertThat(page.runUntilIdle(Duration.ofSeconds(10))).isTrue();
			assertThat((String) eval(page, "out.sort().join()")).isEqualTo("/cors:shared,/no-cors:error:0");
		}
		server.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
				com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/cors"))
			.withHeader("Origin", com.github.tomakehurst.wiremock.client.WireMock.equalTo("https://app.example")));
	}

	private static long loopThreads() {
		return Thread.getAllStackTraces().keySet().stream().filter((t) -> t.getName().startsWith("xhr-js-")).count();
	}

	private Object eval(String source) {
		return eval(this.js, source);
	}

	private static Object eval(XhrJsContext context, String source) {
		return context.eval(source).orTimeout(20, TimeUnit.SECONDS).join();
	}

}
