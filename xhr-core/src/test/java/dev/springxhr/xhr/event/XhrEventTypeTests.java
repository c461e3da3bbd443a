package dev.springxhr.xhr.event;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link XhrEventType}: the eight event types of XHR §3.6 with their DOM strings.
 */
class XhrEventTypeTests {

	@Test
	void theEightTypesAreTheStandardsInItsOrder() {
		assertThat(Arrays.stream(XhrEventType.values()).map(XhrEventType::type)).containsExactly("readystatechange",
				"loadstart", "progress", "abort", "error", "load", "timeout", "loadend");
	}

	@Test
	void eachTypeStringLeadsBackToItsConstant() {
		for (XhrEventType type : XhrEventType.values()) {
			assertThat(XhrEventType.fromType(type.type())).isSameAs(type);
		}
	}

	@Test
	void anUnknownOrMiscasedTypeIsRefusedNamingTheAllowedValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> XhrEventType.fromType("finish"))
			.withMessage("'finish' is not an XHR event type; allowed values: readystatechange, loadstart, progress, "
					+ "abort, error, load, timeout, loadend");
		assertThatIllegalArgumentException().isThrownBy(() -> XhrEventType.fromType("LOADEND"));
	}

}
