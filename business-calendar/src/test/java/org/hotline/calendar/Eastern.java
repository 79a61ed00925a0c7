package org.hotline.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Test shorthand for Eastern wall-clock instants. */
final class Eastern {

    static final ZoneId ZONE = ZoneId.of("America/New_York");

    private Eastern() {
    }

    /** {@code "2026-03-09T09:00"} as an Eastern wall-clock time. */
    static Instant at(String localDateTime) {
        return zoned(localDateTime).toInstant();
    }

    static ZonedDateTime zoned(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE);
    }
}
