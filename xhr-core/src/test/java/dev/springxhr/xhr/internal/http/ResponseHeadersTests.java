package dev.springxhr.xhr.internal.http;

import static dev.springxhr.xhr.internal.cors.CorsCheckTests.headers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.springxhr.xhr.internal.http.ResponseHeaders;

/**
 * {@link ResponseHeaders#filter}: the header list a filtered response sees.
 */
class ResponseHeadersTests {

	@Test
	void filterKeepsTheAcceptedHeadersInReceivedOrder() {
		ResponseHeaders headers = headers("B", "1", "a", "2", "C", "3", "b", "4");
		ResponseHeaders filtered = headers.filter((name) -> !name.equalsIgnoreCase("c"));
		assertThat(filtered.get("b")).isEqualTo("1, 4");
		assertThat(filtered.get("C")).isNull();
		assertThat(filtered.serializeAll()).isEqualTo("a: 2\r\nb: 1, 4\r\n");
	}

	@Test
	void filterSeesTheNamesAsReceived() {
		ResponseHeaders filtered = headers("X-Upper", "1", "x-upper", "2").filter((name) -> name.equals("X-Upper"));
		assertThat(filtered.get("x-upper")).isEqualTo("1");
	}

	@Test
	void filterLeavesTheOriginalUnchanged() {
		ResponseHeaders headers = headers("A", "1", "B", "2");
		headers.filter((name) -> false);
		assertThat(headers.serializeAll()).isEqualTo("a: 1\r\nb: 2\r\n");
	}

	@Test
	void filterReturnsTheSameInstanceWhenAllAreKeptAndEmptyWhenNoneAre() {
		ResponseHeaders headers = headers("A", "1");
		assertThat(headers.filter((name) -> true)).isSameAs(headers);
		assertThat(headers.filter((name) -> false)).isSameAs(ResponseHeaders.EMPTY);
		assertThat(ResponseHeaders.EMPTY.filter((name) -> false)).isSameAs(ResponseHeaders.EMPTY);
	}

}
