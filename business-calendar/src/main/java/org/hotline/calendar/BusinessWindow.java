package org.hotline.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The weekly hours the hotline back office works, as wall-clock times in {@code zone}, so the
 * window follows daylight saving time. Each day's window is half-open, {@code [opens, closes)},
 * and lies within that local day.
 *
 * @param zone   the zone whose wall clock the window follows
 * @param days   working days; may be empty (every computation that needs open time then fails)
 * @param opens  first open local time
 * @param closes first closed local time; must be after {@code opens}
 */
public record BusinessWindow(ZoneId zone, Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {

    /** The zone of the hotline office, U.S. Eastern time. */
    public static final ZoneId EASTERN = ZoneId.of("America/New_York");

    public BusinessWindow {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("Business window must open before it closes: " + opens + " .. " + closes);
        }
        // EnumSet: contains() is asked for every day the calendar walks.
        EnumSet<DayOfWeek> copy = EnumSet.noneOf(DayOfWeek.class);
        copy.addAll(days);
        days = Collections.unmodifiableSet(copy);
    }

    /** Monday–Friday 09:00–19:00 {@code America/New_York}. */
    public static BusinessWindow hotlineDefault() {
        return new BusinessWindow(EASTERN,
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(19, 0));
    }

    boolean isWorkingDay(LocalDate date) {
        return days.contains(date.getDayOfWeek());
    }

    Instant opensOn(LocalDate date) {
        return WallClock.startAt(date.atTime(opens), zone);
    }

    Instant closesOn(LocalDate date) {
        return WallClock.endAt(date.atTime(closes), zone);
    }
}
