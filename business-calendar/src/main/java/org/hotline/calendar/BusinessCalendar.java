package org.hotline.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * When the hotline back office is at work: a {@link BusinessWindow}, minus observed U.S. federal
 * holidays (unless switched off), minus operator {@link Closure}s. Immutable and thread-safe.
 *
 * <p>Business time is the elapsed time inside open intervals. Because the window is wall-clock based,
 * a 09:00–19:00 day is ten business hours on daylight-saving change days too (the change happens at
 * 02:00, outside the window). Every computation walks day by day, one open interval at a time.
 *
 * <p>Any search for open time gives up with {@link IllegalStateException} after about three years
 * (1,098 consecutive days) without business time (no working days, closures covering years).
 */
public final class BusinessCalendar {

    /** Roughly three years: longer than any plausible closure, short enough to fail fast. */
    static final int HORIZON_DAYS = 3 * 366;

    private final BusinessWindow window;
    private final boolean includeFederalHolidays;
    private final List<Closure> closures;
    // Closures as merged, sorted, disjoint instant intervals; both arrays are ascending.
    private final Instant[] closedFrom;
    private final Instant[] closedUntil;

    private BusinessCalendar(BusinessWindow window, boolean includeFederalHolidays, List<Closure> closures) {
        this.window = Objects.requireNonNull(window, "window");
        this.includeFederalHolidays = includeFederalHolidays;
        this.closures = List.copyOf(closures);
        List<Span> closed = mergedClosedSpans(this.closures, window.zone());
        this.closedFrom = closed.stream().map(Span::start).toArray(Instant[]::new);
        this.closedUntil = closed.stream().map(Span::end).toArray(Instant[]::new);
    }

    /** Monday–Friday 09:00–19:00 Eastern, federal holidays closed, no closures. */
    public static BusinessCalendar hotlineDefault() {
        return builder().build();
    }

    /** A builder starting from the hotline default (its window, holidays on, no closures). */
    public static Builder builder() {
        return new Builder();
    }

    /** This calendar with its closures replaced by {@code closures}. */
    public BusinessCalendar withClosures(List<Closure> closures) {
        return new BusinessCalendar(window, includeFederalHolidays, closures);
    }

    /** The zone of the business window; quotes and closures are expressed in it. */
    public ZoneId zone() {
        return window.zone();
    }

    /** The weekly working hours. */
    public BusinessWindow window() {
        return window;
    }

    /** Whether observed U.S. federal holidays are closed days. */
    public boolean includeFederalHolidays() {
        return includeFederalHolidays;
    }

    /** The operator closures, as given (unmodifiable). */
    public List<Closure> closures() {
        return closures;
    }

    /** Whether {@code t} is business time: window is {@code [opens, closes)}, so opening time is open. */
    public boolean isOpen(Instant t) {
        for (Span span : openSpans(localDate(t))) {
            if (span.contains(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code t} itself when open, otherwise the first open instant after it.
     *
     * @throws IllegalStateException if there is no business time within the horizon
     */
    public Instant nextOpening(Instant t) {
        LocalDate date = localDate(t);
        for (int day = 0; day <= HORIZON_DAYS; day++, date = date.plusDays(1)) {
            for (Span span : openSpans(date)) {
                if (span.end().isAfter(t)) {
                    return later(span.start(), t);
                }
            }
        }
        throw noBusinessTimeAfter(t);
    }

    /**
     * The instant at which {@code amount} of business time has elapsed after {@code start}; a closed
     * start counts from the next opening. A result on a closing boundary is that closing instant
     * (Monday 09:00 + 10 h is Monday 19:00). A zero amount returns {@code start} unchanged.
     *
     * @throws IllegalArgumentException if {@code amount} is negative
     * @throws IllegalStateException    if a horizon of consecutive days passes without business time
     */
    public Instant addBusinessHours(Instant start, Duration amount) {
        Objects.requireNonNull(start, "start");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("Business time to add must not be negative: " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        Duration remaining = amount;
        LocalDate date = localDate(start);
        int daysWithoutBusinessTime = 0;
        while (true) {
            boolean counted = false;
            for (Span span : openSpans(date)) {
                if (!span.end().isAfter(start)) {
                    continue;
                }
                Instant from = later(span.start(), start);
                Duration available = Duration.between(from, span.end());
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
                counted = true;
            }
            daysWithoutBusinessTime = counted ? 0 : daysWithoutBusinessTime + 1;
            if (daysWithoutBusinessTime > HORIZON_DAYS) {
                throw noBusinessTimeAfter(date.atStartOfDay(zone()).toInstant());
            }
            date = date.plusDays(1);
        }
    }

    /**
     * Business time inside {@code [from, to)}; zero when {@code to} is not after {@code from}. The
     * inverse of {@link #addBusinessHours}: {@code businessTimeBetween(s, addBusinessHours(s, d)) == d}
     * for an open {@code s}.
     */
    public Duration businessTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = localDate(to);
        for (LocalDate date = localDate(from); !date.isAfter(last); date = date.plusDays(1)) {
            for (Span span : openSpans(date)) {
                Instant start = later(span.start(), from);
                Instant end = span.end().isBefore(to) ? span.end() : to;
                if (start.isBefore(end)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    @Override
    public String toString() {
        return "BusinessCalendar[window=" + window + ", includeFederalHolidays=" + includeFederalHolidays
                + ", closures=" + closures + "]";
    }

    /** The open intervals of one local day, ascending; empty on non-working days and holidays. */
    private List<Span> openSpans(LocalDate date) {
        if (!window.isWorkingDay(date)
                || (includeFederalHolidays && UsFederalHolidays.isObservedHoliday(date))) {
            return List.of();
        }
        return minusClosures(window.opensOn(date), window.closesOn(date));
    }

    private List<Span> minusClosures(Instant opens, Instant closes) {
        if (!opens.isBefore(closes)) {
            return List.of(); // a window swallowed by a spring-forward gap, e.g. 02:00–03:00
        }
        int i = firstClosureEndingAfter(opens);
        if (i == closedFrom.length || !closedFrom[i].isBefore(closes)) {
            return List.of(new Span(opens, closes));
        }
        List<Span> open = new ArrayList<>(2);
        Instant cursor = opens;
        for (; i < closedFrom.length && closedFrom[i].isBefore(closes); i++) {
            if (cursor.isBefore(closedFrom[i])) {
                open.add(new Span(cursor, closedFrom[i]));
            }
            cursor = later(cursor, closedUntil[i]);
        }
        if (cursor.isBefore(closes)) {
            open.add(new Span(cursor, closes));
        }
        return open;
    }

    private int firstClosureEndingAfter(Instant t) {
        int low = 0;
        int high = closedUntil.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (closedUntil[mid].isAfter(t)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    private LocalDate localDate(Instant t) {
        return LocalDate.ofInstant(t, window.zone());
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static IllegalStateException noBusinessTimeAfter(Instant t) {
        return new IllegalStateException("No business time within " + HORIZON_DAYS + " days after " + t
                + "; check the working days and closures of the calendar");
    }

    private static List<Span> mergedClosedSpans(List<Closure> closures, ZoneId zone) {
        List<Span> spans = new ArrayList<>(closures.size());
        for (Closure closure : closures) {
            spans.add(new Span(WallClock.startAt(closure.start(), zone), WallClock.endAt(closure.end(), zone)));
        }
        spans.sort(Comparator.comparing(Span::start));
        List<Span> merged = new ArrayList<>(spans.size());
        for (Span span : spans) {
            int last = merged.size() - 1;
            if (last >= 0 && !span.start().isAfter(merged.get(last).end())) {
                merged.set(last, new Span(merged.get(last).start(), later(merged.get(last).end(), span.end())));
            } else {
                merged.add(span);
            }
        }
        return merged;
    }

    /** A half-open instant interval {@code [start, end)}. */
    private record Span(Instant start, Instant end) {
        boolean contains(Instant t) {
            return !t.isBefore(start) && t.isBefore(end);
        }
    }

    /** Builds a {@link BusinessCalendar}; defaults are those of {@link #hotlineDefault()}. */
    public static final class Builder {

        private BusinessWindow window = BusinessWindow.hotlineDefault();
        private boolean federalHolidays = true;
        private List<Closure> closures = List.of();

        private Builder() {
        }

        /** The weekly working hours and their zone; the hotline default unless set. */
        public Builder window(BusinessWindow window) {
            this.window = Objects.requireNonNull(window, "window");
            return this;
        }

        /** Whether observed U.S. federal holidays are closed days; {@code true} by default. */
        public Builder federalHolidays(boolean include) {
            this.federalHolidays = include;
            return this;
        }

        /** Closures in the window's zone; replaces any set before. */
        public Builder closures(List<Closure> closures) {
            this.closures = List.copyOf(closures);
            return this;
        }

        /** A calendar with the settings made so far; the builder stays usable. */
        public BusinessCalendar build() {
            return new BusinessCalendar(window, federalHolidays, closures);
        }
    }
}
