package org.hotline.calendar;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/** Quotes SLA deadlines for received messages by counting business time on a {@link BusinessCalendar}. */
public final class SlaCalculator {

    private final BusinessCalendar calendar;
    private final SlaPolicy policy;

    /** A calculator counting {@code policy}'s business time on {@code calendar}. */
    public SlaCalculator(BusinessCalendar calendar, SlaPolicy policy) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * The deadlines of a message received at {@code receivedAt}. The clock starts at receipt when that is
     * business time, otherwise at the next opening; target and breach are that start plus the policy's
     * business time.
     *
     * @throws IllegalStateException if the calendar has no business time within its horizon
     */
    public SlaQuote quote(Instant receivedAt) {
        Instant clockStart = calendar.nextOpening(receivedAt);
        Instant target = calendar.addBusinessHours(clockStart, policy.target());
        // Business time is additive, so continuing from the target equals counting from the start.
        Instant breach = calendar.addBusinessHours(target, policy.breach().minus(policy.target()));
        ZoneId zone = calendar.zone();
        return new SlaQuote(clockStart.atZone(zone), target.atZone(zone), breach.atZone(zone));
    }

    /** The calendar business time is counted on. */
    public BusinessCalendar calendar() {
        return calendar;
    }

    /** The target and breach business times. */
    public SlaPolicy policy() {
        return policy;
    }
}
