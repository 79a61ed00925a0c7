package org.hotline.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A closure added by an operator (snow day, all-staff event). Times are wall-clock times in the zone
 * of the calendar the closure is added to; the interval is half-open, {@code [start, end)}.
 *
 * @param start  first closed local time
 * @param end    first local time open again; must be after {@code start}
 * @param reason shown to staff, e.g. {@code "Snow day"}
 */
public record Closure(LocalDateTime start, LocalDateTime end, String reason) {

    public Closure {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(reason, "reason");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("Closure must start before it ends: " + start + " .. " + end);
        }
    }

    /** The whole local day {@code date}, midnight to midnight. */
    public static Closure fullDay(LocalDate date, String reason) {
        return new Closure(date.atStartOfDay(), date.plusDays(1).atStartOfDay(), reason);
    }
}
