package org.hotline.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The opening hours of a partner organisation's service, evaluated on the wall clock of its own
 * {@code timeZone} (daylight saving included; DST gaps and overlaps never throw).
 *
 * <p>When {@code open24h} is set the service is open around the clock and {@code weekly} is ignored.
 * {@code closedDates} are whole local days closed in both modes; for an overnight span only the day the
 * span started matters (closing Friday cancels FRI 22:00–02:00 entirely, closing Saturday does not
 * touch it).
 *
 * @param timeZone    the zone of the service's wall clock
 * @param open24h     open at all times except on {@code closedDates}
 * @param weekly      recurring opening spans; may be empty (never open)
 * @param closedDates local dates the service is closed (public holidays, one-off closures)
 */
public record OpeningHours(ZoneId timeZone, boolean open24h, List<WeeklyHours> weekly, Set<LocalDate> closedDates) {

    /** How far {@link #nextOpenAt} looks ahead. */
    public static final Duration LOOKAHEAD = Duration.ofDays(14);

    public OpeningHours {
        Objects.requireNonNull(timeZone, "timeZone");
        weekly = List.copyOf(weekly);
        closedDates = Set.copyOf(closedDates);
    }

    /** Open around the clock, every day. */
    public static OpeningHours alwaysOpen(ZoneId timeZone) {
        return new OpeningHours(timeZone, true, List.of(), Set.of());
    }

    /** Open during {@code weekly} spans, no closed dates. */
    public static OpeningHours of(ZoneId timeZone, WeeklyHours... weekly) {
        return new OpeningHours(timeZone, false, List.of(weekly), Set.of());
    }

    /** These hours with {@code closedDates} replacing the current closed dates. */
    public OpeningHours withClosedDates(Set<LocalDate> closedDates) {
        return new OpeningHours(timeZone, open24h, weekly, closedDates);
    }

    /** Whether the service is open at {@code t}; spans are half-open, so closing time is closed. */
    public boolean isOpenAt(Instant t) {
        LocalDate today = LocalDate.ofInstant(t, timeZone);
        if (open24h) {
            return !closedDates.contains(today);
        }
        // A span that contains t started today or, when it runs past midnight, yesterday.
        return isInSpanStartedOn(today, t) || isInSpanStartedOn(today.minusDays(1), t);
    }

    /**
     * {@code t} when open, otherwise the next opening no later than {@link #LOOKAHEAD} after {@code t};
     * empty when there is none in that period.
     */
    public Optional<Instant> nextOpenAt(Instant t) {
        if (isOpenAt(t)) {
            return Optional.of(t);
        }
        Instant limit = t.plus(LOOKAHEAD);
        LocalDate today = LocalDate.ofInstant(t, timeZone);
        Instant next = null;
        for (LocalDate date = today; !date.isAfter(today.plusDays(LOOKAHEAD.toDays() + 1)); date = date.plusDays(1)) {
            if (closedDates.contains(date)) {
                continue;
            }
            if (open24h) {
                // Closed now, so today is a closed date: the next open day opens at its midnight.
                next = WallClock.startAt(date.atStartOfDay(), timeZone);
                break;
            }
            for (WeeklyHours hours : weekly) {
                if (hours.startsOn(date)) {
                    Instant opens = hours.startOn(date, timeZone);
                    // A span swallowed by a spring-forward gap (02:00–03:00) is empty, never an opening.
                    boolean nonEmpty = opens.isBefore(hours.endOfSpanStartedOn(date, timeZone));
                    if (nonEmpty && opens.isAfter(t) && (next == null || opens.isBefore(next))) {
                        next = opens;
                    }
                }
            }
            if (next != null) {
                break; // later days open later still
            }
        }
        return next == null || next.isAfter(limit) ? Optional.empty() : Optional.of(next);
    }

    private boolean isInSpanStartedOn(LocalDate startDate, Instant t) {
        if (closedDates.contains(startDate)) {
            return false;
        }
        for (WeeklyHours hours : weekly) {
            if (hours.startsOn(startDate)
                    && !t.isBefore(hours.startOn(startDate, timeZone))
                    && t.isBefore(hours.endOfSpanStartedOn(startDate, timeZone))) {
                return true;
            }
        }
        return false;
    }
}
