package dev.springxhr.js;


import org.junit.jupiter.api.Test;

import dev.springxhr.xhr.XhrFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * superagent's browser build, unmodified, from npm (pinned), in an {@link XhrJsContext}: each call is asserted against
 * what WireMock received and what superagent gave its callback or promise.
 */
class SuperagentTests extends NpmClientTests {

	static final String VERSION = "10.4.2";

	@Override
	XhrJsContext newContext() {
		return XhrJsContext.create(XhrFactory.ofDefaults());
	}

	@Override
	String client() throws Exception {
		return NpmPackages.file("superagent", VERSION, "dist/superagent.js");
	}

	@Test
	void getJsonWithAQueryAndHeaders() {
		this.server.stubFor(get("/items?page=2&q=a%20b").willReturn(aResponse()
			.withHeader("Content-Type", "application/json").withBody("[{\"id\":1}]")));
		run("superagent.get(base + '/items').query({ page: 2, q: 'a b' }).set('X-Team', 'ops')"
				+ ".then((r) => { out.r = [r.status, r.body[0].id, r.type].join(); })");
		assertThat(eval("out.r")).isEqualTo("200,1,application/json");
		this.server.verify(getRequestedFor(urlEqualTo("/items?page=2&q=a%20b")).withHeader("X-Team", equalTo("ops")));
	}

	@Test
	void postJsonAndAFormWithAnAttachment() {
		this.server.stubFor(post("/json").willReturn(aResponse().withStatus(201)));
		this.server.stubFor(post("/form").willReturn(aResponse().withStatus(204)));
		run("""
				superagent.post(base + '/json').send({ item: 'tea' }).then((r) => { out.json = r.status; });
				superagent.post(base + '/form').field('note', 'hi')
				  .attach('file', new Blob(['body'], { type: 'text/plain' }), 'a.txt')
				  .then((r) => { out.form = r.status; });
				""");
		assertThat(eval("[out.json, out.form].join()")).isEqualTo("201,204");
		this.server.verify(postRequestedFor(urlEqualTo("/json")).withRequestBody(equalToJson("{\"item\":\"tea\"}")));
		this.server.verify(postRequestedFor(urlEqualTo("/form"))
			.withRequestBody(containing("name=\"file\"; filename=\"a.txt\"")));
	}

	@Test
	void anErrorStatusAndANetworkErrorReachTheCallback() {
		this.server.stubFor(get("/gone").willReturn(aResponse().withStatus(410).withBody("gone")));
		run("""
				superagent.get(base + '/gone').end((err, res) => { out.gone = [err.status, res.text].join(); });
				superagent.get('http://127.0.0.1:1/').end((err) => { out.down = [!!err, err.crossDomain].join(); });
				""");
		assertThat(eval("[out.gone, out.down].join('|')")).isEqualTo("410,gone|true,true");
	}

	@Test
	void aTimeoutAndAnAbort() {
		this.server.stubFor(get("/slow").willReturn(aResponse().withFixedDelay(3_000)));
		run("""
				superagent.get(base + '/slow').timeout(200).end((err) => { out.timeout = [err.timeout, err.code].join(); });
				const request = superagent.get(base + '/slow');
				request.on('abort', () => { out.aborted = true; });
				request.end(() => { out.ended = true; });
				setTimeout(() => request.abort(), 50);
				""");
		assertThat(eval("[out.timeout, out.aborted, out.ended].join()")).isEqualTo("200,ECONNABORTED,true,");
	}

}
