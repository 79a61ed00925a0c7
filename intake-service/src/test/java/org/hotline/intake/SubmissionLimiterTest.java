package org.hotline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.hotline.intake.service.SubmissionLimiter;
import org.junit.jupiter.api.Test;

class SubmissionLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T15:00:00Z"));
    private final SubmissionLimiter limiter = new SubmissionLimiter(3, Duration.ofMinutes(10), clock);

    @Test
    void aClientOverItsLimitWaitsUntilItsOldestSubmissionLeavesTheWindow() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("198.51.100.7")).isEmpty();
            clock.advance(Duration.ofMinutes(1));
        }
        Optional<Duration> wait = limiter.acquire("198.51.100.7");
        assertThat(wait).contains(Duration.ofMinutes(7));
        assertThat(limiter.acquire("203.0.113.9")).as("other clients are not affected").isEmpty();

        clock.advance(Duration.ofMinutes(7));
        assertThat(limiter.acquire("198.51.100.7")).isEmpty();
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
