package org.hotline.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Turns wall-clock boundaries into instants without ever throwing on daylight-saving changes.
 * A time inside a spring-forward gap moves forward by the gap length (02:30 → 03:30); in a
 * fall-back overlap a start takes the earlier instant and an end the later one, so a span is
 * never shortened by the repeated hour.
 */
final class WallClock {

    private WallClock() {
    }

    static Instant startAt(LocalDateTime local, ZoneId zone) {
        return ZonedDateTime.ofLocal(local, zone, null).withEarlierOffsetAtOverlap().toInstant();
    }

    static Instant endAt(LocalDateTime local, ZoneId zone) {
        return ZonedDateTime.ofLocal(local, zone, null).withLaterOffsetAtOverlap().toInstant();
    }
}
