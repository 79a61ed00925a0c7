package org.hotline.generator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.hotline.calendar.FederalHoliday;
import org.hotline.calendar.UsFederalHolidays;
import org.hotline.contracts.events.OrganizationUpserted.Hours;
import org.hotline.contracts.events.OrganizationUpserted.WeeklyHours;

/**
 * Opening hours as directories list them: mostly weekday office hours, some extended evenings and Saturdays, some
 * night spans past midnight, some part-time clinics, and around-the-clock lines; offices often close on holidays.
 * Closed dates cover the twelve months after the reference date, so a demo "now" near it finds them.
 */
final class HoursPlanner {

    private static final List<String> WEEKDAYS = List.of("MON", "TUE", "WED", "THU", "FRI");
    private static final List<String> WEEK = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
    private static final String[] OPENS = {"08:00", "08:30", "09:00", "09:00", "09:00"};
    private static final String[] CLOSES = {"16:30", "17:00", "17:00", "17:00", "17:30", "18:00"};

    private final Set<LocalDate> federalHolidays;
    private final Set<LocalDate> majorHolidays;

    HoursPlanner(LocalDate referenceDate) {
        LocalDate end = referenceDate.plusYears(1);
        Set<LocalDate> federal = new TreeSet<>();
        Set<LocalDate> major = new TreeSet<>();
        for (int year = referenceDate.getYear(); year <= end.getYear(); year++) {
            for (FederalHoliday holiday : UsFederalHolidays.inYear(year)) {
                federal.add(holiday.observedDate());
            }
            LocalDate thanksgiving = LocalDate.of(year, Month.NOVEMBER, 1)
                    .with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
            // Many non-profits also close the day after Thanksgiving and on Christmas Eve (not federal holidays).
            major.addAll(List.of(LocalDate.of(year, 1, 1), thanksgiving, thanksgiving.plusDays(1),
                    LocalDate.of(year, 12, 24), LocalDate.of(year, 12, 25)));
        }
        this.federalHolidays = within(federal, referenceDate, end);
        this.majorHolidays = within(major, referenceDate, end);
    }

    /** Hours of a service in {@code timeZone}; {@code open24hShare} is the chance it answers around the clock. */
    Hours plan(Random random, String timeZone, double open24hShare) {
        if (random.nextDouble() < open24hShare) {
            return new Hours(timeZone, true, List.of(), Set.of());
        }
        List<WeeklyHours> weekly = weekly(random);
        return new Hours(timeZone, false, List.copyOf(weekly), closedDates(random));
    }

    private List<WeeklyHours> weekly(Random random) {
        double kind = random.nextDouble();
        List<WeeklyHours> weekly = new ArrayList<>(2);
        if (kind < 0.62) {
            weekly.add(span(WEEKDAYS, pick(random, OPENS), pick(random, CLOSES)));
        } else if (kind < 0.77) {
            // Late evenings Monday to Thursday for people who work days.
            weekly.add(span(WEEKDAYS.subList(0, 4), "09:00", random.nextBoolean() ? "19:00" : "20:00"));
            weekly.add(span(List.of("FRI"), "09:00", "17:00"));
        } else if (kind < 0.87) {
            weekly.add(span(WEEKDAYS, "09:00", "17:00"));
            weekly.add(span(List.of("SAT"), "10:00", "14:00"));
        } else if (kind < 0.95) {
            // Night spans past midnight: outreach and drop-in centres, after-hours lines.
            switch (random.nextInt(3)) {
                case 0 -> weekly.add(span(WEEK, "18:00", "02:00"));
                case 1 -> weekly.add(span(List.of("FRI", "SAT"), "20:00", "04:00"));
                default -> weekly.add(span(WEEKDAYS, "17:00", "08:00"));
            }
        } else {
            // Part-time clinics.
            if (random.nextBoolean()) {
                weekly.add(span(List.of("TUE", "THU"), "10:00", "15:00"));
            } else {
                weekly.add(span(List.of("WED"), "13:00", "19:00"));
            }
        }
        return weekly;
    }

    private Set<LocalDate> closedDates(Random random) {
        double kind = random.nextDouble();
        if (kind < 0.55) {
            return federalHolidays;
        }
        if (kind < 0.70) {
            return majorHolidays;
        }
        return Set.of();
    }

    private static WeeklyHours span(List<String> days, String opens, String closes) {
        return new WeeklyHours(Collections.unmodifiableSet(new LinkedHashSet<>(days)), opens, closes);
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static Set<LocalDate> within(Set<LocalDate> dates, LocalDate from, LocalDate toExclusive) {
        Set<LocalDate> kept = new TreeSet<>();
        for (LocalDate date : dates) {
            if (!date.isBefore(from) && date.isBefore(toExclusive)) {
                kept.add(date);
            }
        }
        return Collections.unmodifiableSet(kept);
    }
}
