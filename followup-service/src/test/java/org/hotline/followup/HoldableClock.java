package org.hotline.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The system clock, which a test can hold at an instant of its choosing and release again: a property that depends
 * on how much time has passed (a summary past half of its max-age but not yet stale) is then shown whatever the
 * machine's speed. Enabled only by the test profiles that name it ({@code getEnabledAlternatives}).
 */
@Alternative
@Singleton
public class HoldableClock extends Clock {

    private volatile Instant held;

    /** From now on the service's clock reads {@code at}, until {@link #release()}. */
    public void hold(Instant at) {
        held = at;
    }

    /** Back to the system clock. */
    public void release() {
        held = null;
    }

    @Override
    public Instant instant() {
        Instant at = held;
        return at != null ? at : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The services' clock is UTC");
    }
}
