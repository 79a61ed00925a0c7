package org.hotline.calendar;

import java.time.Duration;
import java.util.Objects;

/**
 * How much business time the hotline has to answer a message.
 *
 * @param target business time until the answer is due; positive
 * @param breach business time until the SLA is breached; not shorter than {@code target}
 */
public record SlaPolicy(Duration target, Duration breach) {

    public SlaPolicy {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(breach, "breach");
        if (target.isNegative() || target.isZero()) {
            throw new IllegalArgumentException("SLA target must be positive: " + target);
        }
        if (breach.compareTo(target) < 0) {
            throw new IllegalArgumentException("SLA breach " + breach + " must not come before target " + target);
        }
    }

    /** Target 20 business hours, breach 30 business hours. */
    public static SlaPolicy hotlineDefault() {
        return new SlaPolicy(Duration.ofHours(20), Duration.ofHours(30));
    }
}
