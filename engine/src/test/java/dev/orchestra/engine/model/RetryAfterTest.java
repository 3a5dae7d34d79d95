package dev.orchestra.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void readsSecondsAnHttpDateAndMilliseconds() {
        assertThat(RetryAfter.millis(null, "7", NOW)).isEqualTo(7000);
        assertThat(RetryAfter.millis(null, "Sun, 01 Mar 2026 10:00:30 GMT", NOW)).isEqualTo(30_000);
        assertThat(RetryAfter.millis("250", "7", NOW)).isEqualTo(250);
    }

    @Test
    void saysNothingForMissingOrUnreadableValuesAndNeverWaitsForThePast() {
        assertThat(RetryAfter.millis(null, null, NOW)).isEqualTo(-1);
        assertThat(RetryAfter.millis(null, "soon", NOW)).isEqualTo(-1);
        assertThat(RetryAfter.millis(null, "Sun, 01 Mar 2026 09:00:00 GMT", NOW)).isZero();
    }

    @Test
    void onlyTheRetriableStatusesAreRetried() {
        assertThat(ModelFailures.retriableStatus(429)).isTrue();
        assertThat(ModelFailures.retriableStatus(529)).isTrue();
        assertThat(ModelFailures.retriableStatus(408)).isTrue();
        for (int status : new int[] {400, 401, 403, 404, 413, 422}) {
            assertThat(ModelFailures.retriableStatus(status)).as("HTTP %d", status).isFalse();
        }
    }
}
