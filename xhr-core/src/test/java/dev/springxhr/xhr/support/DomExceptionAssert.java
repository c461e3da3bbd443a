package dev.springxhr.xhr.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import dev.springxhr.xhr.DOMException;

/** Assertions on the {@link DOMException} a call throws. */
public final class DomExceptionAssert {

	private DomExceptionAssert() {
	}

	/**
	 * Assert that {@code call} throws a {@link DOMException} with exactly this name, e.g. {@code SyntaxError}.
	 * @return the exception, for more assertions (its message)
	 */
	public static DOMException assertThrowsDomException(String name, ThrowingCallable call) {
		Throwable thrown = catchThrowable(call);
		assertThat(thrown).isExactlyInstanceOf(DOMException.class)
			.extracting((exception) -> ((DOMException) exception).getName())
			.as("DOMException name")
			.isEqualTo(name);
		return (DOMException) thrown;
	}

}
