package org.hotline.calendar;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The eleven U.S. federal holidays of 5 U.S.C. 6103, with the weekend observance rule used by the
 * Office of Personnel Management: a fixed-date holiday on a Saturday is observed the Friday before
 * (for New Year's Day that is 31 December of the previous year), on a Sunday the Monday after.
 *
 * <p>The current rules are applied to every year, except that Juneteenth only exists from 2021, the
 * year it was enacted. Inauguration Day (a holiday only around Washington, D.C.) is not included.
 */
public final class UsFederalHolidays {

    static final int FIRST_JUNETEENTH_YEAR = 2021;

    private static final MonthDay NEW_YEARS_DAY = MonthDay.of(Month.JANUARY, 1);
    private static final MonthDay JUNETEENTH = MonthDay.of(Month.JUNE, 19);
    private static final MonthDay INDEPENDENCE_DAY = MonthDay.of(Month.JULY, 4);
    private static final MonthDay VETERANS_DAY = MonthDay.of(Month.NOVEMBER, 11);
    private static final MonthDay CHRISTMAS_DAY = MonthDay.of(Month.DECEMBER, 25);

    private UsFederalHolidays() {
    }

    /**
     * The holidays observed in a calendar year, sorted by observed date. Selection is by
     * <em>observed</em> date: 2027 contains New Year's Day 2028 (observed Friday 2027-12-31) and 2028
     * contains no New Year's Day at all.
     */
    public static List<FederalHoliday> inYear(int year) {
        List<FederalHoliday> observed = new ArrayList<>(12);
        for (FederalHoliday holiday : fallingIn(year)) {
            if (holiday.observedDate().getYear() == year) {
                observed.add(holiday);
            }
        }
        FederalHoliday nextNewYear = fixed("New Year's Day", LocalDate.of(year + 1, 1, 1));
        if (nextNewYear.observedDate().getYear() == year) {
            observed.add(nextNewYear);
        }
        observed.sort(Comparator.comparing(FederalHoliday::observedDate));
        return List.copyOf(observed);
    }

    /** Whether federal offices are closed on {@code date} for a holiday (its observed date). */
    public static boolean isObservedHoliday(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        if (day == SATURDAY || day == SUNDAY) {
            return false;
        }
        // Rule-based rather than list-based: the business calendar asks this for every day it walks.
        return isFixedHoliday(date)
                || (day == FRIDAY && isFixedHoliday(date.plusDays(1)))
                || (day == MONDAY && isFixedHoliday(date.minusDays(1)))
                || isFloatingHoliday(date, day);
    }

    /** The holiday observed on {@code date}, if any. */
    public static Optional<FederalHoliday> observedOn(LocalDate date) {
        if (!isObservedHoliday(date)) {
            return Optional.empty();
        }
        return inYear(date.getYear()).stream().filter(h -> h.observedDate().equals(date)).findFirst();
    }

    private static List<FederalHoliday> fallingIn(int year) {
        List<FederalHoliday> holidays = new ArrayList<>(11);
        holidays.add(fixed("New Year's Day", LocalDate.of(year, 1, 1)));
        holidays.add(floating("Birthday of Martin Luther King, Jr.", nthWeekday(year, Month.JANUARY, 3, MONDAY)));
        holidays.add(floating("Washington's Birthday", nthWeekday(year, Month.FEBRUARY, 3, MONDAY)));
        holidays.add(floating("Memorial Day",
                LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(MONDAY))));
        if (year >= FIRST_JUNETEENTH_YEAR) {
            holidays.add(fixed("Juneteenth National Independence Day", LocalDate.of(year, 6, 19)));
        }
        holidays.add(fixed("Independence Day", LocalDate.of(year, 7, 4)));
        holidays.add(floating("Labor Day", nthWeekday(year, Month.SEPTEMBER, 1, MONDAY)));
        holidays.add(floating("Columbus Day", nthWeekday(year, Month.OCTOBER, 2, MONDAY)));
        holidays.add(fixed("Veterans Day", LocalDate.of(year, 11, 11)));
        holidays.add(floating("Thanksgiving Day", nthWeekday(year, Month.NOVEMBER, 4, THURSDAY)));
        holidays.add(fixed("Christmas Day", LocalDate.of(year, 12, 25)));
        return holidays;
    }

    private static FederalHoliday fixed(String name, LocalDate date) {
        LocalDate observed = switch (date.getDayOfWeek()) {
            case SATURDAY -> date.minusDays(1);
            case SUNDAY -> date.plusDays(1);
            default -> date;
        };
        return new FederalHoliday(name, date, observed);
    }

    private static FederalHoliday floating(String name, LocalDate date) {
        return new FederalHoliday(name, date, date);
    }

    private static LocalDate nthWeekday(int year, Month month, int ordinal, DayOfWeek day) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(ordinal, day));
    }

    private static boolean isFixedHoliday(LocalDate date) {
        MonthDay monthDay = MonthDay.from(date);
        return monthDay.equals(NEW_YEARS_DAY)
                || monthDay.equals(INDEPENDENCE_DAY)
                || monthDay.equals(VETERANS_DAY)
                || monthDay.equals(CHRISTMAS_DAY)
                || (monthDay.equals(JUNETEENTH) && date.getYear() >= FIRST_JUNETEENTH_YEAR);
    }

    /** The n-th weekday of a month lies in days 7(n-1)+1 … 7n; the last Monday of May in 25 … 31. */
    private static boolean isFloatingHoliday(LocalDate date, DayOfWeek day) {
        int dayOfMonth = date.getDayOfMonth();
        if (day == THURSDAY) {
            return date.getMonth() == Month.NOVEMBER && dayOfMonth >= 22 && dayOfMonth <= 28;
        }
        if (day != MONDAY) {
            return false;
        }
        return switch (date.getMonth()) {
            case JANUARY, FEBRUARY -> dayOfMonth >= 15 && dayOfMonth <= 21;
            case MAY -> dayOfMonth >= 25;
            case SEPTEMBER -> dayOfMonth <= 7;
            case OCTOBER -> dayOfMonth >= 8 && dayOfMonth <= 14;
            default -> false;
        };
    }
}
