package dev.springxhr.xhr;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Where WebIDL throws a TypeError, the engine throws {@link TypeError}: an {@link IllegalArgumentException}, so that
 * code catching that goes on working. A Java {@code null} for a required argument is no WebIDL conversion and stays a
 * plain IllegalArgumentException.
 */
class TypeErrorTests {

	private final XhrFactory factory = XhrFactory.ofDefaults();

	@Test
	void aMethodThatIsNoByteStringIsATypeError() {
		XMLHttpRequest xhr = this.factory.create();
		assertThatExceptionOfType(TypeError.class).isThrownBy(() -> xhr.open("GÉT\u0100", "http://localhost/"))
			.isInstanceOf(IllegalArgumentException.class)
			.withMessageContaining("'method' must be a ByteString");
	}

	@Test
	void aHeaderNameOrValueThatIsNoByteStringIsATypeError() {
		XMLHttpRequest xhr = this.factory.create();
		xhr.open("GET", "http://localhost/");
		assertThatExceptionOfType(TypeError.class).isThrownBy(() -> xhr.setRequestHeader("X-\u20AC", "1"))
			.withMessageContaining("'name' must be a ByteString");
		assertThatExceptionOfType(TypeError.class).isThrownBy(() -> xhr.setRequestHeader("X-Euro", "\u20AC"))
			.withMessageContaining("'value' must be a ByteString");
	}

	@Test
	void aResponseHeaderNameThatIsNoByteStringIsATypeError() {
		XMLHttpRequest xhr = this.factory.create();
		assertThatExceptionOfType(TypeError.class).isThrownBy(() -> xhr.getResponseHeader("\u20AC"));
	}

	@Test
	void aDomParserTypeOutsideTheEnumerationIsATypeError() {
		assertThatExceptionOfType(TypeError.class)
			.isThrownBy(() -> new DOMParser().parseFromString("<a/>", "text/plain"))
			.withMessageContaining("is not a DOMParser type");
	}

	@Test
	void aNullArgumentIsAPlainIllegalArgumentException() {
		XMLHttpRequest xhr = this.factory.create();
		xhr.open("GET", "http://localhost/");
		assertThatIllegalArgumentException().isThrownBy(() -> xhr.setRequestHeader(null, "1"))
			.isNotInstanceOf(TypeError.class);
	}

}
