package org.hotline.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * When a failed webhook delivery is tried again: exponential backoff with full jitter (a uniformly random wait up to
 * {@code initial × 2^(failures-1)}, capped at {@code max}), so endpoints coming back are not hit by every sender at
 * once. Once the first failure is {@code horizon} old the subscription is failing and waits exactly {@code max}.
 */
public record RetrySchedule(Duration initial, Duration max, Duration horizon) {

    public RetrySchedule {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || horizon.isNegative()) {
            throw new IllegalArgumentException("Webhook retries need 0 < initial-interval <= max-interval and a"
                    + " horizon of at least 0");
        }
    }

    /** The longest wait after this many consecutive failures (at least 1). */
    public Duration ceiling(int failures) {
        int doublings = Math.min(Math.max(failures, 1) - 1, 40);
        long millis = initial.toMillis();
        for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    /** Whether a first failure at {@code since} has outlasted the horizon. */
    public boolean failing(Instant since, Instant now) {
        return !now.isBefore(since.plus(horizon));
    }

    /** The wait before the next attempt; {@code random} gives values in [0, 1). */
    public Duration delay(int failures, boolean failing, DoubleSupplier random) {
        if (failing) {
            return max;
        }
        return Duration.ofMillis((long) (random.getAsDouble() * ceiling(failures).toMillis()));
    }
}
