package org.hotline.calendar;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class UsFederalHolidaysTest {

    /** An observed holiday as published by OPM, with its weekday so the table checks itself. */
    private record Observed(String date, DayOfWeek weekday) {
        LocalDate localDate() {
            return LocalDate.parse(date);
        }
    }

    private static Observed on(String date, DayOfWeek weekday) {
        return new Observed(date, weekday);
    }

    /** U.S. Office of Personnel Management federal holiday lists, by observed date. */
    private static final Map<Integer, List<Observed>> OPM = Map.of(
            2026, List.of(
                    on("2026-01-01", THURSDAY), on("2026-01-19", MONDAY), on("2026-02-16", MONDAY),
                    on("2026-05-25", MONDAY), on("2026-06-19", FRIDAY),
                    on("2026-07-03", FRIDAY), // Independence Day is Saturday 4 July
                    on("2026-09-07", MONDAY), on("2026-10-12", MONDAY), on("2026-11-11", WEDNESDAY),
                    on("2026-11-26", THURSDAY), on("2026-12-25", FRIDAY)),
            2027, List.of(
                    on("2027-01-01", FRIDAY), on("2027-01-18", MONDAY), on("2027-02-15", MONDAY),
                    on("2027-05-31", MONDAY),
                    on("2027-06-18", FRIDAY), // Juneteenth is Saturday 19 June
                    on("2027-07-05", MONDAY), // Independence Day is Sunday 4 July
                    on("2027-09-06", MONDAY), on("2027-10-11", MONDAY), on("2027-11-11", THURSDAY),
                    on("2027-11-25", THURSDAY),
                    on("2027-12-24", FRIDAY), // Christmas Day is Saturday 25 December
                    on("2027-12-31", FRIDAY)), // New Year's Day 2028 is a Saturday
            2028, List.of(
                    on("2028-01-17", MONDAY), on("2028-02-21", MONDAY), on("2028-05-29", MONDAY),
                    on("2028-06-19", MONDAY), on("2028-07-04", TUESDAY), on("2028-09-04", MONDAY),
                    on("2028-10-09", MONDAY),
                    on("2028-11-10", FRIDAY), // Veterans Day is Saturday 11 November
                    on("2028-11-23", THURSDAY), on("2028-12-25", MONDAY)),
            2029, List.of(
                    on("2029-01-01", MONDAY), on("2029-01-15", MONDAY), on("2029-02-19", MONDAY),
                    on("2029-05-28", MONDAY), on("2029-06-19", TUESDAY), on("2029-07-04", WEDNESDAY),
                    on("2029-09-03", MONDAY), on("2029-10-08", MONDAY),
                    on("2029-11-12", MONDAY), // Veterans Day is Sunday 11 November
                    on("2029-11-22", THURSDAY), on("2029-12-25", TUESDAY)),
            2030, List.of(
                    on("2030-01-01", TUESDAY), on("2030-01-21", MONDAY), on("2030-02-18", MONDAY),
                    on("2030-05-27", MONDAY), on("2030-06-19", WEDNESDAY), on("2030-07-04", THURSDAY),
                    on("2030-09-02", MONDAY), on("2030-10-14", MONDAY), on("2030-11-11", MONDAY),
                    on("2030-11-28", THURSDAY), on("2030-12-25", WEDNESDAY)));

    static Stream<Arguments> opmYears() {
        return OPM.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("opmYears")
    void tableWeekdaysAreRight(int year, List<Observed> table) {
        assertThat(table).allSatisfy(holiday ->
                assertThat(holiday.localDate().getDayOfWeek()).as(holiday.date()).isEqualTo(holiday.weekday()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("opmYears")
    void observedDatesMatchOpm(int year, List<Observed> table) {
        assertThat(UsFederalHolidays.inYear(year))
                .extracting(FederalHoliday::observedDate)
                .containsExactlyElementsOf(table.stream().map(Observed::localDate).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("opmYears")
    void isObservedHolidayMatchesOpmForEveryDayOfTheYear(int year, List<Observed> table) {
        Set<LocalDate> holidays = new HashSet<>(table.stream().map(Observed::localDate).toList());
        for (LocalDate date = LocalDate.of(year, 1, 1); date.getYear() == year; date = date.plusDays(1)) {
            assertThat(UsFederalHolidays.isObservedHoliday(date)).as(date.toString())
                    .isEqualTo(holidays.contains(date));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2026, 2027, 2028, 2029, 2030})
    void columbusDayIsPresentOnTheSecondMondayOfOctober(int year) {
        assertThat(UsFederalHolidays.inYear(year))
                .filteredOn(holiday -> holiday.name().equals("Columbus Day"))
                .singleElement()
                .satisfies(columbus -> {
                    assertThat(columbus.observedDate().getDayOfWeek()).isEqualTo(MONDAY);
                    assertThat(columbus.observedDate().getMonthValue()).isEqualTo(10);
                    assertThat(columbus.observedDate().getDayOfMonth()).isBetween(8, 14);
                });
    }

    @Test
    void newYearsDayOnSaturdayIsObservedOn31DecemberOfThePreviousYear() {
        assertThat(UsFederalHolidays.inYear(2027)).last().isEqualTo(new FederalHoliday(
                "New Year's Day", LocalDate.of(2028, 1, 1), LocalDate.of(2027, 12, 31)));
        assertThat(UsFederalHolidays.isObservedHoliday(LocalDate.of(2027, 12, 31))).isTrue();
        assertThat(UsFederalHolidays.observedOn(LocalDate.of(2027, 12, 31)))
                .map(FederalHoliday::name).contains("New Year's Day");

        assertThat(UsFederalHolidays.inYear(2028))
                .noneMatch(holiday -> holiday.name().equals("New Year's Day"))
                .allMatch(holiday -> holiday.observedDate().getYear() == 2028);
        assertThat(UsFederalHolidays.isObservedHoliday(LocalDate.of(2028, 1, 1))).isFalse();
    }

    @Test
    void newYearsDay2022WasObservedOnFriday31December2021() {
        assertThat(UsFederalHolidays.inYear(2021))
                .extracting(FederalHoliday::observedDate).contains(LocalDate.of(2021, 12, 31));
        assertThat(UsFederalHolidays.inYear(2022))
                .extracting(FederalHoliday::observedDate).doesNotContain(LocalDate.of(2022, 1, 1));
    }

    @Test
    void weekendHolidaysKeepTheirActualDate() {
        assertThat(UsFederalHolidays.inYear(2026))
                .filteredOn(FederalHoliday::isShifted)
                .containsExactly(new FederalHoliday(
                        "Independence Day", LocalDate.of(2026, 7, 4), LocalDate.of(2026, 7, 3)));
    }

    @Test
    void juneteenthOnlyFrom2021() {
        assertThat(UsFederalHolidays.inYear(2020)).hasSize(10)
                .noneMatch(holiday -> holiday.name().startsWith("Juneteenth"));
        assertThat(UsFederalHolidays.isObservedHoliday(LocalDate.of(2020, 6, 19))).isFalse();
        assertThat(UsFederalHolidays.isObservedHoliday(LocalDate.of(2021, 6, 18))).isTrue();
    }

    @Test
    void isObservedHolidayAgreesWithInYearOverACentury() {
        for (int year = 1990; year <= 2100; year++) {
            Set<LocalDate> observed = new HashSet<>();
            UsFederalHolidays.inYear(year).forEach(holiday -> observed.add(holiday.observedDate()));
            for (LocalDate date = LocalDate.of(year, 1, 1); date.getYear() == year; date = date.plusDays(1)) {
                assertThat(UsFederalHolidays.isObservedHoliday(date)).as(date.toString())
                        .isEqualTo(observed.contains(date));
            }
        }
    }

    @Test
    void everyYearHasElevenHolidaysCountingTheObservanceOnEitherSideOfNewYear() {
        for (int year = 2021; year <= 2100; year++) {
            int count = UsFederalHolidays.inYear(year).size();
            boolean newYearObservedInPreviousYear = LocalDate.of(year, 1, 1).getDayOfWeek() == DayOfWeek.SATURDAY;
            boolean nextNewYearObservedThisYear = LocalDate.of(year + 1, 1, 1).getDayOfWeek() == DayOfWeek.SATURDAY;
            int expected = 11 - (newYearObservedInPreviousYear ? 1 : 0) + (nextNewYearObservedThisYear ? 1 : 0);
            assertThat(count).as("holidays observed in %d", year).isEqualTo(expected);
        }
    }
}
