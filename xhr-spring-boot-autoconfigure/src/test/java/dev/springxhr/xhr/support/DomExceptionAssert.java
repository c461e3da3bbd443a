package dev.springxhr.xhr.support;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import dev.springxhr.xhr.DOMException;

/** Assertions on the {@link DOMException} a call throws. */
public final class DomExceptionAssert {

	private DomExceptionAssert() {
	}

	/** Assert that {@code call} throws a {@link DOMException} with exactly this name, e.g. {@code SyntaxError}. */
	public static void assertThrowsDomException(String name, ThrowingCallable call) {
		assertThatThrownBy(call).isExactlyInstanceOf(DOMException.class)
			.extracting((thrown) -> ((DOMException) thrown).getName())
			.as("DOMException name")
			.isEqualTo(name);
	}

}
