package dev.springxhr.js;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * superagent's browser build, unmodified, from npm (pinned), in an {@link XhrJsContext}: each call is asserted against
 * what WireMock received and what superagent gave its callback or promise.
 */
class SuperagentTests {

	static final String VERSION = "10.4.2";

	@RegisterExtension
	static final WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private final XhrJsContext js = XhrJsContext.create(XhrFactory.ofDefaults());

	@BeforeEach
	void loadSuperagent() throws Exception {
		eval(NpmPackages.file("superagent", VERSION, "dist/superagent.js") + "\n;typeof superagent");
		eval("globalThis.base = '" + server.baseUrl() + "'; globalThis.out = {};");
	}

	@AfterEach
	void close() {
		this.js.close();
	}

	@Test
	void getJsonWithAQueryAndHeaders() {
		server.stubFor(get("/items?page=2&q=a%20b").willReturn(aResponse()
			.withHeader("Content-Type", "application/json").withBody("[{\"id\":1}]")));
		run("superagent.get(base + '/items').query({ page: 2, q: 'a b' }).set('X-Team', 'ops')"
				+ ".then((r) => { out.r = [r.status, r.body[0].id, r.type].join(); })");
		assertThat(eval("out.r")).isEqualTo("200,1,application/json");
		server.verify(getRequestedFor(urlEqualTo("/items?page=2&q=a%20b")).withHeader("X-Team", equalTo("ops")));
	}

	@Test
	void postJsonAndAFormWithAnAttachment() {
		server.stubFor(post("/json").willReturn(aResponse().withStatus(201)));
		server.stubFor(post("/form").willReturn(aResponse().withStatus(204)));
		run("""
				superagent.post(base + '/json').send({ item: 'tea' }).then((r) => { out.json = r.status; });
				superagent.post(base + '/form').field('note', 'hi')
				  .attach('file', new Blob(['body'], { type: 'text/plain' }), 'a.txt')
				  .then((r) => { out.form = r.status; });
				""");
		assertThat(eval("[out.json, out.form].join()")).isEqualTo("201,204");
		server.verify(postRequestedFor(urlEqualTo("/json")).withRequestBody(equalToJson("{\"item\":\"tea\"}")));
		server.verify(postRequestedFor(urlEqualTo("/form"))
			.withRequestBody(containing("name=\"file\"; filename=\"a.txt\"")));
	}

	@Test
	void anErrorStatusAndANetworkErrorReachTheCallback() {
		server.stubFor(get("/gone").willReturn(aResponse().withStatus(410).withBody("gone")));
		run("""
				superagent.get(base + '/gone').end((err, res) => { out.gone = [err.status, res.text].join(); });
				superagent.get('http://127.0.0.1:1/').end((err) => { out.down = [!!err, err.crossDomain].join(); });
				""");
		assertThat(eval("[out.gone, out.down].join('|')")).isEqualTo("410,gone|true,true");
	}

	@Test
	void aTimeoutAndAnAbort() {
		server.stubFor(get("/slow").willReturn(aResponse().withFixedDelay(3_000)));
		run("""
				superagent.get(base + '/slow').timeout(200).end((err) => { out.timeout = [err.timeout, err.code].join(); });
				const request = superagent.get(base + '/slow');
				request.on('abort', () => { out.aborted = true; });
				request.end(() => { out.ended = true; });
				setTimeout(() => request.abort(), 50);
				""");
		assertThat(eval("[out.timeout, out.aborted, out.ended].join()")).isEqualTo("200,ECONNABORTED,true,");
	}

	private void run(String script) {
		eval(script);
		assertThat(this.js.runUntilIdle(Duration.ofSeconds(20))).isTrue();
	}

	private Object eval(String source) {
		return this.js.eval(source).orTimeout(30, TimeUnit.SECONDS).join();
	}

}
