package dev.springxhr.xhr;

import static dev.springxhr.xhr.support.DomExceptionAssert.assertThrowsDomException;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.support.EventRecorder;

/**
 * Checklist §1: constants and the state of {@code new XMLHttpRequest()}. Nothing here reaches the network, the
 * base URL points at the discard port.
 */
class InitialStateTests {

	private XhrFactory factory;

	@BeforeEach
	void createFactory() {
		this.factory = XhrFactory.of(WebClient.builder(),
				XhrSettings.defaults().withBaseUrl(URI.create("http://127.0.0.1:9/")));
	}

	@ParameterizedTest(name = "{0} = {1}")
	@CsvSource({ "UNSENT, 0", "OPENED, 1", "HEADERS_RECEIVED, 2", "LOADING, 3", "DONE, 4" })
	void readyStateConstantIsPublicStaticFinalShortWithStandardValue(String name, short value) throws Exception {
		Field field = XMLHttpRequest.class.getField(name);
		assertThat(field.getType()).isEqualTo(short.class);
		assertThat(Modifier.isPublic(field.getModifiers())).isTrue();
		assertThat(Modifier.isStatic(field.getModifiers())).isTrue();
		assertThat(Modifier.isFinal(field.getModifiers())).isTrue();
		assertThat(field.getShort(null)).isEqualTo(value);
	}

	@Test
	void newRequestIsUnsentWithEmptyResponseAttributes() {
		XMLHttpRequest xhr = this.factory.create();
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.UNSENT).isZero();
		assertThat(xhr.getStatus()).isZero();
		assertThat(xhr.getStatusText()).isEmpty();
		assertThat(xhr.getResponseURL()).isEmpty();
		assertThat(xhr.getResponseType()).isEqualTo(XMLHttpRequestResponseType.EMPTY);
		assertThat(xhr.getResponseType().idlValue()).isEmpty();
		assertThat(xhr.getResponse()).isEqualTo("");
		assertThat(xhr.getResponseText()).isEmpty();
		assertThat(xhr.getResponseXML()).isNull();
	}

	@Test
	void newRequestHasNoTimeoutAndNoCredentials() {
		XMLHttpRequest xhr = this.factory.create();
		assertThat(xhr.getTimeout()).isZero();
		assertThat(xhr.getWithCredentials()).isFalse();
	}

	@Test
	void newRequestHasNoResponseHeaders() {
		XMLHttpRequest xhr = this.factory.create();
		assertThat(xhr.getAllResponseHeaders()).isEmpty();
		assertThat(xhr.getResponseHeader("Content-Type")).isNull();
		assertThat(xhr.getResponseHeader("content-length")).isNull();
		assertThat(xhr.getResponseHeader("x-anything")).isNull();
	}

	@Test
	void newRequestHasNoEventHandlers() {
		XMLHttpRequest xhr = this.factory.create();
		assertThat(xhr.getOnreadystatechange()).isNull();
		assertThat(xhr.getOnloadstart()).isNull();
		assertThat(xhr.getOnprogress()).isNull();
		assertThat(xhr.getOnabort()).isNull();
		assertThat(xhr.getOnerror()).isNull();
		assertThat(xhr.getOnload()).isNull();
		assertThat(xhr.getOntimeout()).isNull();
		assertThat(xhr.getOnloadend()).isNull();
		assertThat(xhr.getUpload().getOnloadstart()).isNull();
		assertThat(xhr.getUpload().getOnloadend()).isNull();
	}

	@Test
	void newRequestHasFirefoxExtensionsOff() {
		XMLHttpRequest xhr = this.factory.create();
		assertThat(xhr.getMozAnon()).isFalse();
		assertThat(xhr.getMozSystem()).isFalse();
		assertThat(xhr.getMozBackgroundRequest()).isFalse();
		assertThat(xhr.getChannel()).isNull();
	}

	@Test
	void uploadIsTheSameObjectOnEveryReadAndAfterOpen() {
		XMLHttpRequest xhr = this.factory.create();
		XMLHttpRequestUpload upload = xhr.getUpload();
		assertThat(upload).isNotNull();
		assertThat(xhr.getUpload()).isSameAs(upload);
		xhr.open("GET", "/a");
		assertThat(xhr.getUpload()).isSameAs(upload);
		xhr.open("POST", "/b");
		assertThat(xhr.getUpload()).isSameAs(upload);
		assertThat((Object) upload).isNotSameAs(xhr);
	}

	@Test
	void uploadOfEachRequestIsItsOwn() {
		assertThat(this.factory.create().getUpload()).isNotSameAs(this.factory.create().getUpload());
	}

	@Test
	void setRequestHeaderInUnsentThrowsInvalidStateError() {
		XMLHttpRequest xhr = this.factory.create();
		assertThrowsDomException("InvalidStateError", () -> xhr.setRequestHeader("X-Test", "1"));
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.UNSENT);
	}

	@Test
	void sendInUnsentThrowsInvalidStateErrorAndFiresNothing() {
		XMLHttpRequest xhr = this.factory.create();
		EventRecorder rec = EventRecorder.attach(xhr);
		assertThrowsDomException("InvalidStateError", xhr::send);
		assertThrowsDomException("InvalidStateError", () -> xhr.send("body"));
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.UNSENT);
		assertThat(rec.events()).isEmpty();
	}

	@Test
	void invalidStateErrorHasLegacyCode11() {
		XMLHttpRequest xhr = this.factory.create();
		try {
			xhr.send();
		}
		catch (DOMException ex) {
			assertThat(ex.getName()).isEqualTo("InvalidStateError");
			assertThat(ex.getCode()).isEqualTo((short) 11);
			return;
		}
		throw new AssertionError("send() in UNSENT did not throw");
	}

	@Test
	void abortInUnsentDoesNothing() {
		XMLHttpRequest xhr = this.factory.create();
		EventRecorder rec = EventRecorder.attach(xhr);
		xhr.abort();
		assertThat(xhr.getReadyState()).isEqualTo(XMLHttpRequest.UNSENT);
		assertThat(xhr.getStatus()).isZero();
		assertThat(rec.events()).isEmpty();
	}

}
