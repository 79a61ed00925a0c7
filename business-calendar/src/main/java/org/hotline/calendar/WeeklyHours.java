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
 * A recurring span of opening hours, as wall-clock times, starting on each of {@code days}. The span is
 * half-open, {@code [opens, closes)}:
 * <ul>
 *   <li>{@code closes} after {@code opens}: the span lies within the day, e.g. 09:00–17:00;</li>
 *   <li>{@code closes} before {@code opens}: the span runs past midnight into the next day, e.g. FRI
 *       22:00–02:00 covers Saturday 01:00 ({@code 18:00–00:00} ends at midnight);</li>
 *   <li>{@code closes} equal to {@code opens}: the span is a full 24 wall-clock hours, e.g. MON
 *       00:00–00:00 is the whole Monday and MON 08:00–08:00 runs to Tuesday 08:00.</li>
 * </ul>
 *
 * @param days  the days a span starts on; not empty
 * @param opens local opening time
 * @param closes local closing time, read as described above
 */
public record WeeklyHours(Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {

    public WeeklyHours {
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (days.isEmpty()) {
            throw new IllegalArgumentException("Weekly hours need at least one day");
        }
        days = Collections.unmodifiableSet(EnumSet.copyOf(days));
    }

    /** Monday–Friday, {@code opens}–{@code closes}. */
    public static WeeklyHours weekdays(LocalTime opens, LocalTime closes) {
        return new WeeklyHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), opens, closes);
    }

    /** Every day of the week, {@code opens}–{@code closes}. */
    public static WeeklyHours everyDay(LocalTime opens, LocalTime closes) {
        return new WeeklyHours(EnumSet.allOf(DayOfWeek.class), opens, closes);
    }

    /** Whether the span ends on the day after it starts (overnight or 24 hours). */
    public boolean endsNextDay() {
        return !closes.isAfter(opens);
    }

    boolean startsOn(LocalDate date) {
        return days.contains(date.getDayOfWeek());
    }

    Instant startOn(LocalDate date, ZoneId zone) {
        return WallClock.startAt(date.atTime(opens), zone);
    }

    Instant endOfSpanStartedOn(LocalDate date, ZoneId zone) {
        LocalDate endDate = endsNextDay() ? date.plusDays(1) : date;
        return WallClock.endAt(endDate.atTime(closes), zone);
    }
}
