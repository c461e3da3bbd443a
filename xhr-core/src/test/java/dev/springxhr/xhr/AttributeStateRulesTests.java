package dev.springxhr.xhr;

import static dev.springxhr.xhr.support.DomExceptionAssert.assertThrowsDomException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.springxhr.xhr.support.EventRecorder;
import dev.springxhr.xhr.support.RawHttpServer;
import dev.springxhr.xhr.support.XhrTestServer;

/**
 * The state rules of the attribute setters (checklist §4 timeout, §5 withCredentials, §11 overrideMimeType(),
 * §12 responseType) and of the Firefox extensions: which states and which global scope allow them.
 */
class AttributeStateRulesTests {

	private static final String BODY = "loading body";

	@RegisterExtension
	static final XhrTestServer<RawHttpServer> raw = XhrTestServer.raw();

	private XhrFactory worker;

	@BeforeEach
	void createFactories() {
		raw.server().route("/body", RawHttpServer.response("HTTP/1.1 200 OK", BODY, "Content-Type: text/plain",
				"Content-Length: " + BODY.length()));
		raw.server().route("/ff", RawHttpServer.response("HTTP/1.1 200 OK", new byte[] { (byte) 0xFF },
				"Content-Type: text/plain", "Content-Length: 1"));
		this.worker = raw.newFactory((settings) -> settings.withGlobalScope(GlobalScope.DEDICATED_WORKER));
	}

	/** Run {@code call} and return the DOMException name it threw, {@code "none"}, or the exception class. */
	private static String outcomeOf(Runnable call) {
		try {
			call.run();
			return "none";
		}
		catch (DOMException ex) {
			return ex.getName();
		}
		catch (RuntimeException ex) {
			return ex.getClass().getSimpleName();
		}
	}

	/**
	 * GET /body asynchronously; in the first readystatechange of each state, run {@code inState} and record its
	 * outcome under the state's number. Returns the finished request with the outcomes.
	 */
	private Map<Short, String> outcomesPerState(XMLHttpRequest xhr, String path, Consumer<XMLHttpRequest> inState) {
		Map<Short, String> outcomes = new ConcurrentHashMap<>();
		xhr.addEventListener("readystatechange", (event) -> {
			short state = xhr.getReadyState();
			if (state >= XMLHttpRequest.HEADERS_RECEIVED && !outcomes.containsKey(state)) {
				outcomes.put(state, outcomeOf(() -> inState.accept(xhr)));
			}
		});
		EventRecorder rec = EventRecorder.attach(xhr);
		xhr.open("GET", path);
		xhr.send();
		rec.awaitLoadend();
		outcomes.put((short) 5, outcomeOf(() -> inState.accept(xhr))); // after loadend: DONE
		return outcomes;
	}

	// ---- timeout ----------------------------------------------------------------------------------------------

	@Test
	void timeoutSetterOnSyncRequestThrowsInvalidAccessErrorInWindow() {
		XMLHttpRequest xhr = raw.factory().create();
		xhr.open("GET", "/body", false);
		assertThrowsDomException("InvalidAccessError", () -> xhr.setTimeout(1000));
		assertThat(xhr.getTimeout()).isZero();
	}

	@Test
	void timeoutSetterOnSyncRequestIsAllowedInDedicatedWorker() {
		XMLHttpRequest xhr = this.worker.create();
		xhr.open("GET", "/body", false);
		xhr.setTimeout(1000);
		assertThat(xhr.getTimeout()).isEqualTo(1000);
	}

	@Test
	void timeoutSetterWithNegativeValueThrowsIllegalArgumentException() {
		XMLHttpRequest xhr = raw.factory().create();
		xhr.setTimeout(250);
		assertThatIllegalArgumentException().isThrownBy(() -> xhr.setTimeout(-1));
		assertThat(xhr.getTimeout()).isEqualTo(250);
	}

	@Test
	void timeoutSetterIsAllowedInEveryStateOfAnAsyncRequest() {
		XMLHttpRequest xhr = raw.factory().create();
		xhr.setTimeout(60_000);
		assertThat(xhr.getTimeout()).isEqualTo(60_000);
		Map<Short, String> outcomes = outcomesPerState(xhr, "/body", (request) -> request.setTimeout(50_000));
		assertThat(outcomes).containsEntry(XMLHttpRequest.HEADERS_RECEIVED, "none")
			.containsEntry(XMLHttpRequest.LOADING, "none")
			.containsEntry(XMLHttpRequest.DONE, "none")
			.containsEntry((short) 5, "none");
		assertThat(xhr.getTimeout()).isEqualTo(50_000);
		assertThat(xhr.getStatus()).isEqualTo((short) 200);
	}

	// ---- withCredentials -------------------------------------------------------------------------------------

	@Test
	void withCredentialsCanBeSetInUnsentAndOpened() {
		XMLHttpRequest xhr = raw.factory().create();
		xhr.setWithCredentials(true);
		assertThat(xhr.getWithCredentials()).isTrue();
		xhr.open("GET", "/body");
		xhr.setWithCredentials(false);
		assertThat(xhr.getWithCredentials()).isFalse();
	}

	@Test
	void withCredentialsSetterThrowsInvalidStateErrorAfterSend() {
		XMLHttpRequest xhr = raw.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		xhr.open("GET", "/body");
		xhr.send();
		assertThrowsDomException("InvalidStateError", () -> xhr.setWithCredentials(true));
		assertThat(xhr.getWithCredentials()).isFalse();
		rec.awaitLoadend();
	}

	@Test
	void withCredentialsSetterThrowsInvalidStateErrorInHeadersReceivedLoadingAndDone() {
		XMLHttpRequest xhr = raw.factory().create();
		Map<Short, String> outcomes = outcomesPerState(xhr, "/body", (request) -> request.setWithCredentials(true));
		assertThat(outcomes).containsEntry(XMLHttpRequest.HEADERS_RECEIVED, "InvalidStateError")
			.containsEntry(XMLHttpRequest.LOADING, "InvalidStateError")
			.containsEntry(XMLHttpRequest.DONE, "InvalidStateError")
			.containsEntry((short) 5, "InvalidStateError");
		assertThat(xhr.getWithCredentials()).isFalse();
	}

	// ---- responseType ----------------------------------------------------------------------------------------

	@ParameterizedTest(name = "\"{0}\"")
	@ValueSource(strings = { "bogus", "TEXT", "ArrayBuffer", " json", "text ", "null" })
	void responseTypeSetterIgnoresAnInvalidIdlString(String value) {
		XMLHttpRequest xhr = raw.factory().create();
		xhr.setResponseType("text");
		xhr.setResponseType(value);
		assertThat(xhr.getResponseType()).isEqualTo(XMLHttpRequestResponseType.TEXT);
	}

	@Test
	void responseTypeSetterAcceptsTheIdlValuesAndTheEnum() {
		XMLHttpRequest xhr = raw.factory().create();
		xhr.setResponseType("arraybuffer");
		assertThat(xhr.getResponseType()).isEqualTo(XMLHttpRequestResponseType.ARRAYBUFFER);
		xhr.setResponseType(XMLHttpRequestResponseType.TEXT);
		assertThat(xhr.getResponseType().idlValue()).isEqualTo("text");
		xhr.setResponseType("");
		assertThat(xhr.getResponseType()).isEqualTo(XMLHttpRequestResponseType.EMPTY);
	}

	@Test
	void responseTypeSetterThrowsInvalidStateErrorInLoadingAndDoneButNotInHeadersReceived() {
		XMLHttpRequest xhr = raw.factory().create();
		Map<Short, String> outcomes = outcomesPerState(xhr, "/body", (request) -> request.setResponseType("text"));
		assertThat(outcomes).containsEntry(XMLHttpRequest.HEADERS_RECEIVED, "none")
			.containsEntry(XMLHttpRequest.LOADING, "InvalidStateError")
			.containsEntry(XMLHttpRequest.DONE, "InvalidStateError")
			.containsEntry((short) 5, "InvalidStateError");
		assertThat(xhr.getResponseType()).isEqualTo(XMLHttpRequestResponseType.TEXT);
		assertThat(xhr.getResponseText()).isEqualTo(BODY);
	}

	@Test
	void responseTypeSetInHeadersReceivedShapesTheResponse() {
		XMLHttpRequest xhr = raw.factory().create();
		Map<Short, String> outcomes = outcomesPerState(xhr, "/body", (request) -> {
			if (request.getReadyState() == XMLHttpRequest.HEADERS_RECEIVED) {
				request.setResponseType("arraybuffer");
			}
		});
		assertThat(outcomes).containsEntry(XMLHttpRequest.HEADERS_RECEIVED, "none");
		assertThat(xhr.getResponse()).isInstanceOfSatisfying(ByteBuffer.class,
				(buffer) -> assertThat(buffer.remaining()).isEqualTo(BODY.length()));
		assertThrowsDomException("InvalidStateError", xhr::getResponseText);
	}

	@Test
	void responseTypeSetterOnSyncRequestThrowsInvalidAccessErrorInWindow() {
		XMLHttpRequest xhr = raw.factory().create();
		xhr.open("GET", "/body", false);
		assertThrowsDomException("InvalidAccessError", () -> xhr.setResponseType("text"));
		assertThrowsDomException("InvalidAccessError",
				() -> xhr.setResponseType(XMLHttpRequestResponseType.ARRAYBUFFER));
		assertThat(xhr.getResponseType()).isEqualTo(XMLHttpRequestResponseType.EMPTY);
	}

	@Test
	void responseTypeSetterOnSyncRequestIsAllowedInDedicatedWorker() {
		XMLHttpRequest xhr = this.worker.create();
		xhr.open("GET", "/body", false);
		xhr.setResponseType("arraybuffer");
		assertThat(xhr.getResponseType()).isEqualTo(XMLHttpRequestResponseType.ARRAYBUFFER);
	}

	@Test
	void responseTypeDocumentIsIgnoredInDedicatedWorker() {
		XMLHttpRequest xhr = this.worker.create();
		xhr.setResponseType("text");
		xhr.setResponseType("document");
		assertThat(xhr.getResponseType()).isEqualTo(XMLHttpRequestResponseType.TEXT);
		xhr.setResponseType(XMLHttpRequestResponseType.DOCUMENT);
		assertThat(xhr.getResponseType()).isEqualTo(XMLHttpRequestResponseType.TEXT);
	}

	@Test
	void responseTypeDocumentIsIgnoredInDedicatedWorkerEvenInDone() {
		XMLHttpRequest xhr = this.worker.create();
		Map<Short, String> outcomes = outcomesPerState(xhr, "/body",
				(request) -> request.setResponseType("document"));
		// The worker check comes before the state check: no InvalidStateError.
		assertThat(outcomes).containsEntry(XMLHttpRequest.LOADING, "none")
			.containsEntry(XMLHttpRequest.DONE, "none")
			.containsEntry((short) 5, "none");
		assertThat(xhr.getResponseType()).isEqualTo(XMLHttpRequestResponseType.EMPTY);
	}

	// ---- overrideMimeType() ----------------------------------------------------------------------------------

	@Test
	void overrideMimeTypeIsAllowedInUnsentAndOpened() {
		XMLHttpRequest xhr = raw.factory().create();
		xhr.overrideMimeType("text/plain");
		xhr.open("GET", "/ff");
		xhr.overrideMimeType("text/plain;charset=windows-1252");
		EventRecorder rec = EventRecorder.attach(xhr);
		xhr.send();
		rec.awaitLoadend();
		assertThat(xhr.getResponseText()).isEqualTo("\u00FF");
	}

	@Test
	void overrideMimeTypeThrowsInvalidStateErrorInLoadingAndDoneButNotInHeadersReceived() {
		XMLHttpRequest xhr = raw.factory().create();
		Map<Short, String> outcomes = outcomesPerState(xhr, "/ff",
				(request) -> request.overrideMimeType("text/plain;charset=windows-1252"));
		assertThat(outcomes).containsEntry(XMLHttpRequest.HEADERS_RECEIVED, "none")
			.containsEntry(XMLHttpRequest.LOADING, "InvalidStateError")
			.containsEntry(XMLHttpRequest.DONE, "InvalidStateError")
			.containsEntry((short) 5, "InvalidStateError");
		// The override made in HEADERS_RECEIVED decodes the body.
		assertThat(xhr.getResponseText()).isEqualTo("\u00FF");
	}

	@Test
	void overrideMimeTypeInDoneDoesNotChangeTheText() {
		XMLHttpRequest xhr = raw.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		xhr.open("GET", "/ff");
		xhr.send();
		rec.awaitLoadend();
		assertThat(xhr.getResponseText()).isEqualTo("\uFFFD");
		assertThrowsDomException("InvalidStateError", () -> xhr.overrideMimeType("text/plain;charset=windows-1252"));
		assertThat(xhr.getResponseText()).isEqualTo("\uFFFD");
	}

	// ---- Firefox extensions ----------------------------------------------------------------------------------

	@Test
	void mozBackgroundRequestCanBeSetBeforeSend() {
		XMLHttpRequest xhr = raw.factory().create();
		xhr.setMozBackgroundRequest(true);
		assertThat(xhr.getMozBackgroundRequest()).isTrue();
		xhr.open("GET", "/body");
		xhr.setMozBackgroundRequest(false);
		assertThat(xhr.getMozBackgroundRequest()).isFalse();
	}

	@Test
	void mozBackgroundRequestSetterThrowsInvalidStateErrorAfterSend() {
		XMLHttpRequest xhr = raw.factory().create();
		EventRecorder rec = EventRecorder.attach(xhr);
		xhr.open("GET", "/body");
		xhr.send();
		assertThrowsDomException("InvalidStateError", () -> xhr.setMozBackgroundRequest(true));
		assertThat(xhr.getMozBackgroundRequest()).isFalse();
		rec.awaitLoadend();
	}

	@Test
	void mozAnonIsTrueForAnAnonymousRequest() {
		XMLHttpRequest xhr = raw.factory().create(new XhrOptions(true, false));
		assertThat(xhr.getMozAnon()).isTrue();
		assertThat(xhr.getMozSystem()).isFalse();
	}

	@Test
	void mozSystemImpliesMozAnon() {
		XMLHttpRequest xhr = raw.factory().create(new XhrOptions(false, true));
		assertThat(xhr.getMozSystem()).isTrue();
		assertThat(xhr.getMozAnon()).isTrue();
	}

	@Test
	void defaultOptionsAreNeitherAnonymousNorSystem() {
		XMLHttpRequest xhr = raw.factory().create(XhrOptions.defaults());
		assertThat(xhr.getMozAnon()).isFalse();
		assertThat(xhr.getMozSystem()).isFalse();
	}

}
