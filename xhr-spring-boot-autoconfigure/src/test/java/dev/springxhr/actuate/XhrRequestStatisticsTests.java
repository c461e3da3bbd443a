package dev.springxhr.actuate;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.springxhr.xhr.XhrEventInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class XhrRequestStatisticsTests {

	private final AtomicLong clock = new AtomicLong(1_000_000);

	private final XhrRequestStatistics statistics = new XhrRequestStatistics(Duration.ofSeconds(10), this.clock::get);

	@Test
	void countsRequestsInFlightAndOutcomesWithinTheWindow() {
		event(1, "loadstart", false, false);
		event(2, "loadstart", false, false);
		event(1, "load", false, false);
		event(1, "loadend", false, false);
		event(3, "error", false, false);
		event(4, "timeout", false, false);
		event(5, "abort", false, false);

		assertThat(this.statistics.snapshot())
			.isEqualTo(new XhrRequestStatistics.Snapshot(1, 1, 1, 1, 1, Duration.ofSeconds(10)));
	}

	@Test
	void countsOlderThanTheWindowAreForgotten() {
		event(1, "error", false, false);
		this.clock.addAndGet(5_000);
		event(2, "error", false, false);
		assertThat(this.statistics.snapshot().errors()).isEqualTo(2);

		this.clock.addAndGet(6_000);
		assertThat(this.statistics.snapshot().errors()).isEqualTo(1);

		this.clock.addAndGet(10_000);
		event(3, "load", false, false);
		assertThat(this.statistics.snapshot().errors()).isZero();
		assertThat(this.statistics.snapshot().completed()).isEqualTo(1);
	}

	@Test
	void uploadAndBackgroundRequestsAreLeftOut() {
		event(1, "loadstart", true, false);
		event(2, "error", true, false);
		event(3, "loadstart", false, true);
		event(3, "error", false, true);

		assertThat(this.statistics.snapshot())
			.isEqualTo(new XhrRequestStatistics.Snapshot(0, 0, 0, 0, 0, Duration.ofSeconds(10)));
	}

	@Test
	void aSynchronousRequestWithoutLoadstartDoesNotMakeInFlightNegative() {
		event(7, "load", false, false);
		event(7, "loadend", false, false);

		assertThat(this.statistics.snapshot().inFlight()).isZero();
		assertThat(this.statistics.snapshot().completed()).isEqualTo(1);
	}

	@Test
	void aWindowOutsideOneSecondToOneHourIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new XhrRequestStatistics(Duration.ofMillis(500)));
		assertThatIllegalArgumentException().isThrownBy(() -> new XhrRequestStatistics(Duration.ofHours(2)));
	}

	private void event(long requestId, String type, boolean upload, boolean background) {
		this.statistics.onEvent(new XhrEventInfo(requestId, type, upload, "GET", URI.create("http://localhost/"),
				(short) 4, (short) 0, 0, 0, false, background, this.clock.get()));
	}

}
