package dev.springxhr.xhr.internal.transport;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import dev.springxhr.xhr.internal.transport.ReceivedBytes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReceivedBytesTests {

	private static final int MIB = 1024 * 1024;

	@Test
	void whenALengthIsAnnouncedThenAtMostFourMebibytesArePresized() {
		ReceivedBytes bytes = new ReceivedBytes();
		bytes.expect(256L * MIB, Long.MAX_VALUE);
		assertThat(bytes.array()).hasSize(4 * MIB);
	}

	@Test
	void whenLessThanAQuarterOfTheAnnouncedLengthArrivedThenTheArrayDoubles() {
		ReceivedBytes bytes = new ReceivedBytes();
		bytes.expect(256L * MIB, Long.MAX_VALUE);
		append(bytes, 4 * MIB + 1);
		assertThat(bytes.array()).hasSize(8 * MIB);
	}

	@Test
	void whenAQuarterOfTheAnnouncedLengthArrivedThenTheArrayGrowsToItInOneCopy() {
		ReceivedBytes bytes = new ReceivedBytes();
		bytes.expect(64L * MIB, Long.MAX_VALUE);
		append(bytes, 16 * MIB + 1);
		assertThat(bytes.array()).hasSize(64 * MIB);
		assertThat(bytes.length()).isEqualTo(16 * MIB + 1);
	}

	@Test
	void whenMoreThanAnnouncedArrivesThenTheArrayStillGrows() {
		ReceivedBytes bytes = new ReceivedBytes();
		bytes.expect(2048, Long.MAX_VALUE);
		append(bytes, 3000);
		assertThat(bytes.length()).isEqualTo(3000);
		assertThat(bytes.array().length).isGreaterThanOrEqualTo(3000);
	}

	@Test
	void whenTheLimitIsPassedThenTheResponseIsTooLarge() {
		ReceivedBytes bytes = new ReceivedBytes();
		assertThatExceptionOfType(ReceivedBytes.ResponseTooLargeException.class)
			.isThrownBy(() -> append(bytes, 2048, 1024));
	}

	private static void append(ReceivedBytes bytes, int count) {
		append(bytes, count, Long.MAX_VALUE);
	}

	private static void append(ReceivedBytes bytes, int count, long limit) {
		bytes.append(DefaultDataBufferFactory.sharedInstance.wrap(new byte[count]), limit);
	}

}
