package dev.springxhr.js;


import org.junit.jupiter.api.Test;

import dev.springxhr.xhr.GlobalScope;
import dev.springxhr.xhr.XhrFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * axios's browser bundle, unmodified, from npm (pinned), in an {@link XhrJsContext}: each call is asserted against
 * what WireMock received and what axios resolved or rejected with.
 */
class AxiosTests extends NpmClientTests {

	static final String VERSION = "1.21.1";

	/**
	 * A dedicated worker's scope: axios knows it for a browser environment (there is no DOM here for a window's), and
	 * then lets the XHR set a FormData body's Content-Type with its boundary, as in a browser.
	 */
	@Override
	XhrJsContext newContext() {
		return XhrJsContext.create(XhrFactory.builder()
			.settings((settings) -> settings.withGlobalScope(GlobalScope.DEDICATED_WORKER))
			.build(), GlobalScope.DEDICATED_WORKER);
	}

	@Override
	String client() throws Exception {
		return NpmPackages.file("axios", VERSION, "dist/axios.js");
	}

	@Test
	void getJson() {
		this.server.stubFor(get("/orders/1").willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withBody("{\"id\":1,\"item\":\"tea\"}")));
		run("axios.get(base + '/orders/1').then((r) => { out.r = [r.status, r.data.item, typeof r.data,"
				+ " r.headers['content-type']].join(); })");
		assertThat(eval("out.r")).isEqualTo("200,tea,object,application/json");
	}

	@Test
	void postJsonWithCustomHeaders() {
		this.server.stubFor(post("/orders").willReturn(aResponse().withStatus(201).withBody("{\"id\":2}")));
		run("axios.post(base + '/orders', { item: 'milk', n: 2 }, { headers: { 'X-Team': 'payments' } })"
				+ ".then((r) => { out.r = [r.status, r.data.id].join(); })");
		assertThat(eval("out.r")).isEqualTo("201,2");
		this.server.verify(postRequestedFor(urlEqualTo("/orders")).withHeader("X-Team", equalTo("payments"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("{\"item\":\"milk\",\"n\":2}")));
	}

	@Test
	void aNotFoundRejectsWithTheResponse() {
		this.server.stubFor(get("/missing").willReturn(aResponse().withStatus(404).withBody("{\"error\":\"nope\"}")));
		run("axios.get(base + '/missing').catch((e) => { out.r = [e.name, e.response.status, e.response.data.error,"
				+ " e.code].join(); })");
		assertThat(eval("out.r")).isEqualTo("AxiosError,404,nope,ERR_BAD_REQUEST");
	}

	@Test
	void aNetworkErrorRejects() {
		run("axios.get('http://127.0.0.1:1/').catch((e) => { out.r = [e.name, e.code, e.message].join(); })");
		assertThat(eval("out.r")).isEqualTo("AxiosError,ERR_NETWORK,Network Error");
	}

	@Test
	void aTimeoutRejects() {
		this.server.stubFor(get("/slow").willReturn(aResponse().withFixedDelay(3_000)));
		run("axios.get(base + '/slow', { timeout: 200 }).catch((e) => { out.r = [e.code, e.message].join(); })");
		assertThat(eval("out.r")).isEqualTo("ECONNABORTED,timeout of 200ms exceeded");
	}

	@Test
	void aRedirectChainIsFollowed() {
		this.server.stubFor(get("/a").willReturn(aResponse().withStatus(302).withHeader("Location", "/b")));
		this.server.stubFor(get("/b").willReturn(aResponse().withStatus(301).withHeader("Location", "/c")));
		this.server.stubFor(get("/c").willReturn(aResponse().withBody("{\"at\":\"c\"}")));
		run("axios.get(base + '/a').then((r) => { out.r = [r.status, r.data.at, r.request.responseURL === base + "
				+ "'/c'].join(); })");
		assertThat(eval("out.r")).isEqualTo("200,c,true");
	}

	@Test
	void interceptorsRunOnRequestAndResponse() {
		this.server.stubFor(get("/intercepted").willReturn(aResponse().withBody("{\"v\":1}")));
		run("""
				const client = axios.create({ baseURL: base });
				client.interceptors.request.use((config) => { config.headers['X-Trace'] = 't-1'; return config; });
				client.interceptors.response.use((r) => { r.data.v += 1; return r; });
				client.get('/intercepted').then((r) => { out.r = r.data.v; });
				""");
		assertThat(eval("out.r")).isEqualTo(2L);
		this.server.verify(getRequestedFor(urlEqualTo("/intercepted")).withHeader("X-Trace", equalTo("t-1")));
	}

	@Test
	void downloadProgressIsReported() {
		this.server.stubFor(get("/big").willReturn(aResponse().withHeader("Content-Length", "100000")
			.withBody(new byte[100_000])));
		run("axios.get(base + '/big', { responseType: 'arraybuffer', onDownloadProgress: (p) => { out.loaded = p.loaded;"
				+ " out.total = p.total; } }).then((r) => { out.r = r.data.byteLength; })");
		assertThat(eval("[out.r, out.loaded, out.total].join()")).isEqualTo("100000,100000,100000");
	}

	@Test
	void postFormDataAndUrlSearchParams() {
		this.server.stubFor(post("/form").willReturn(aResponse().withBody("{}")));
		this.server.stubFor(post("/query").willReturn(aResponse().withBody("{}")));
		run("""
				const form = new FormData();
				form.append('note', 'hi');
				form.append('file', new Blob(['file text'], { type: 'text/plain' }), 'a.txt');
				axios.post(base + '/form', form).then((r) => { out.form = r.status; });
				axios.post(base + '/query', new URLSearchParams({ q: 'a b', n: 'é' }))
				  .then((r) => { out.query = r.status; });
				""");
		assertThat(eval("[out.form, out.query].join()")).isEqualTo("200,200");
		this.server.verify(postRequestedFor(urlEqualTo("/form"))
			.withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.matching(
					"multipart/form-data; boundary=.+"))
			.withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
					"Content-Disposition: form-data; name=\"file\"; filename=\"a.txt\""))
			.withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("file text")));
		this.server.verify(postRequestedFor(urlEqualTo("/query"))
			.withHeader("Content-Type", equalTo("application/x-www-form-urlencoded;charset=UTF-8"))
			.withRequestBody(equalTo("q=a+b&n=%C3%A9")));
	}

	@Test
	void uploadProgressIsReported() {
		this.server.stubFor(post("/upload").willReturn(aResponse().withBody("{}")));
		run("axios.post(base + '/upload', new Uint8Array(300000), { onUploadProgress: (p) => { out.loaded = p.loaded;"
				+ " out.total = p.total; out.calls = (out.calls || 0) + 1; } }).then((r) => { out.r = r.status; })");
		assertThat(eval("[out.r, out.loaded, out.total, out.calls > 0].join()")).isEqualTo("200,300000,300000,true");
	}

	@Test
	void cancellationWithAnAbortSignalRejectsAndAbortsTheRequest() {
		this.server.stubFor(get("/cancelled").willReturn(aResponse().withFixedDelay(3_000)));
		run("""
				const controller = new AbortController();
				axios.get(base + '/cancelled', { signal: controller.signal })
				  .catch((e) => { out.r = [axios.isCancel(e), e.name, e.code].join(); });
				setTimeout(() => controller.abort(), 100);
				""");
		assertThat(eval("out.r")).isEqualTo("true,CanceledError,ERR_CANCELED");
	}

	@Test
	void aBlobResponse() {
		this.server.stubFor(get("/blob").willReturn(aResponse().withHeader("Content-Type", "text/plain;charset=utf-8")
			.withBody("blob body")));
		run("axios.get(base + '/blob', { responseType: 'blob' }).then((r) => r.data.text()"
				+ ".then((t) => { out.r = [r.data instanceof Blob, r.data.size, r.data.type, t].join(); }))");
		assertThat(eval("out.r")).isEqualTo("true,9,text/plain;charset=utf-8,blob body");
	}

}
