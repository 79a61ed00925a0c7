package org.hotline.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(1),
            Duration.ofHours(24));

    @Test
    void ceilingDoublesFromTheInitialIntervalUpToTheMaximum() {
        assertThat(schedule.ceiling(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(schedule.ceiling(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(schedule.ceiling(5)).isEqualTo(Duration.ofSeconds(80));
        assertThat(schedule.ceiling(10)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(schedule.ceiling(11)).isEqualTo(Duration.ofHours(1));
        assertThat(schedule.ceiling(10_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void fullJitterWaitsAnywhereFromZeroToTheCeiling() {
        assertThat(schedule.delay(3, false, () -> 0.0)).isZero();
        assertThat(schedule.delay(3, false, () -> 0.5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(schedule.delay(3, false, () -> 0.999999)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void failingAfterTheHorizonThenRetriedAtTheMaximumInterval() {
        Instant since = Instant.parse("2026-12-01T10:00:00Z");
        assertThat(schedule.failing(since, since.plus(Duration.ofHours(24)).minusMillis(1))).isFalse();
        assertThat(schedule.failing(since, since.plus(Duration.ofHours(24)))).isTrue();
        assertThat(schedule.delay(40, true, () -> 0.0)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void refusesAnInconsistentSchedule() {
        assertThatThrownBy(() -> new RetrySchedule(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(24)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofHours(2), Duration.ofHours(1), Duration.ofHours(24)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
