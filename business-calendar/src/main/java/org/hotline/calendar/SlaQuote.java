package org.hotline.calendar;

import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The SLA deadlines of one message, in the business calendar's zone.
 *
 * @param clockStartsAt when business time starts counting: receipt, or the next opening after it
 * @param targetAt      clock start plus the policy's target business time
 * @param breachAt      clock start plus the policy's breach business time
 */
public record SlaQuote(ZonedDateTime clockStartsAt, ZonedDateTime targetAt, ZonedDateTime breachAt) {

    public SlaQuote {
        Objects.requireNonNull(clockStartsAt, "clockStartsAt");
        Objects.requireNonNull(targetAt, "targetAt");
        Objects.requireNonNull(breachAt, "breachAt");
    }
}
