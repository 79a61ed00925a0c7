package org.hotline.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline.calendar.Eastern.at;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BusinessCalendarTest {

    private final BusinessCalendar calendar = BusinessCalendar.hotlineDefault();

    @Test
    void hotlineDefaultIsWeekdaysNineToSevenEastern() {
        BusinessWindow window = calendar.window();
        assertThat(calendar.zone()).isEqualTo(Eastern.ZONE);
        assertThat(window.days()).containsExactlyInAnyOrder(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(window.opens()).isEqualTo(LocalTime.of(9, 0));
        assertThat(window.closes()).isEqualTo(LocalTime.of(19, 0));
        assertThat(calendar.includeFederalHolidays()).isTrue();
        assertThat(calendar.closures()).isEmpty();
    }

    @Nested
    class IsOpen {

        @ParameterizedTest(name = "{0} open={1}")
        @CsvSource({
                "2026-03-03T08:59:59, false",
                "2026-03-03T09:00, true",
                "2026-03-03T12:00, true",
                "2026-03-03T18:59:59, true",
                "2026-03-03T18:59:59.999999999, true",
                "2026-03-03T19:00, false",
                "2026-03-03T23:30, false",
                "2026-03-07T12:00, false", // Saturday
                "2026-03-08T12:00, false", // Sunday, first day of daylight saving time
                "2026-03-09T09:00, true",  // Monday after the spring-forward
                "2026-11-02T09:00, true",  // Monday after the fall-back
        })
        void windowBoundariesAndWeekends(String local, boolean open) {
            assertThat(calendar.isOpen(at(local))).isEqualTo(open);
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-10-12T12:00", "2026-07-03T10:00", "2027-12-31T09:00", "2028-11-10T18:00"})
        void observedFederalHolidaysAreClosed(String local) {
            assertThat(calendar.isOpen(at(local))).isFalse();
        }

        @Test
        void federalHolidaysCanBeSwitchedOff() {
            BusinessCalendar noHolidays = BusinessCalendar.builder().federalHolidays(false).build();
            assertThat(noHolidays.isOpen(at("2026-10-12T12:00"))).isTrue();
        }

        @Test
        void closureIsClosedHalfOpen() {
            BusinessCalendar withClosure = calendar.withClosures(List.of(new Closure(
                    LocalDateTime.parse("2026-03-04T12:00"), LocalDateTime.parse("2026-03-04T14:00"), "All-staff")));
            assertThat(withClosure.isOpen(at("2026-03-04T11:59:59"))).isTrue();
            assertThat(withClosure.isOpen(at("2026-03-04T12:00"))).isFalse();
            assertThat(withClosure.isOpen(at("2026-03-04T13:59:59"))).isFalse();
            assertThat(withClosure.isOpen(at("2026-03-04T14:00"))).isTrue();
            assertThat(calendar.isOpen(at("2026-03-04T12:00"))).as("original is unchanged").isTrue();
        }

        @Test
        void fullDayClosureIsClosedAllDay() {
            BusinessCalendar snowDay = calendar.withClosures(List.of(Closure.fullDay(LocalDate.of(2026, 2, 4), "Snow")));
            assertThat(snowDay.isOpen(at("2026-02-04T09:00"))).isFalse();
            assertThat(snowDay.isOpen(at("2026-02-04T18:59"))).isFalse();
            assertThat(snowDay.isOpen(at("2026-02-05T09:00"))).isTrue();
        }
    }

    @Nested
    class NextOpening {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "2026-03-03T10:15, 2026-03-03T10:15", // open: itself
                "2026-03-03T09:00, 2026-03-03T09:00",
                "2026-03-03T06:00, 2026-03-03T09:00",
                "2026-03-03T19:00, 2026-03-04T09:00",
                "2026-03-06T20:00, 2026-03-09T09:00", // Friday night to Monday across the spring-forward
                "2026-10-09T19:00, 2026-10-13T09:00", // Columbus Day weekend
                "2027-12-30T19:30, 2028-01-03T09:00", // 31 December observes New Year's Day 2028
        })
        void nextOpening(String from, String expected) {
            assertThat(calendar.nextOpening(at(from))).isEqualTo(at(expected));
        }

        @Test
        void insideAClosureOpensWhenItEnds() {
            BusinessCalendar withClosure = calendar.withClosures(List.of(new Closure(
                    LocalDateTime.parse("2026-03-04T12:00"), LocalDateTime.parse("2026-03-04T14:00"), "All-staff")));
            assertThat(withClosure.nextOpening(at("2026-03-04T12:30"))).isEqualTo(at("2026-03-04T14:00"));
        }

        @Test
        void closureRunningIntoTheEveningMovesToTheNextDay() {
            BusinessCalendar withClosure = calendar.withClosures(List.of(new Closure(
                    LocalDateTime.parse("2026-03-04T15:00"), LocalDateTime.parse("2026-03-05T11:00"), "Power cut")));
            assertThat(withClosure.nextOpening(at("2026-03-04T15:00"))).isEqualTo(at("2026-03-05T11:00"));
        }
    }

    @Nested
    class AddBusinessHours {

        @Test
        void landingOnClosingTimeReturnsClosingTime() {
            assertThat(calendar.addBusinessHours(at("2026-03-02T09:00"), Duration.ofHours(10)))
                    .isEqualTo(at("2026-03-02T19:00"));
        }

        @Test
        void oneNanosecondMoreSpillsIntoTheNextMorning() {
            assertThat(calendar.addBusinessHours(at("2026-03-02T09:00"), Duration.ofHours(10).plusNanos(1)))
                    .isEqualTo(at("2026-03-03T09:00").plusNanos(1));
        }

        @Test
        void closedStartCountsFromTheNextOpening() {
            assertThat(calendar.addBusinessHours(at("2026-03-07T03:00"), Duration.ofHours(1)))
                    .isEqualTo(at("2026-03-09T10:00"));
        }

        @Test
        void zeroReturnsTheStartUnchanged() {
            Instant saturday = at("2026-03-07T03:00");
            assertThat(calendar.addBusinessHours(saturday, Duration.ZERO)).isEqualTo(saturday);
        }

        @Test
        void negativeAmountIsRejected() {
            assertThatThrownBy(() -> calendar.addBusinessHours(at("2026-03-02T09:00"), Duration.ofHours(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void skipsHolidaysAndWeekends() {
            // Thursday 2 July 2026 18:00; Friday 3 July observes Independence Day.
            assertThat(calendar.addBusinessHours(at("2026-07-02T18:00"), Duration.ofHours(2)))
                    .isEqualTo(at("2026-07-06T10:00"));
        }

        @Test
        void aYearOfBusinessTimeIsStillReachable() {
            // 250 business days exceed no horizon: the horizon limits days in a row without business time.
            Instant start = at("2026-01-02T09:00");
            Instant end = calendar.addBusinessHours(start, Duration.ofHours(10 * 250));
            assertThat(calendar.businessTimeBetween(start, end)).isEqualTo(Duration.ofHours(2500));
        }
    }

    @Nested
    class BusinessTimeBetween {

        @Test
        void aWholeWeekIsFiftyHours() {
            assertThat(calendar.businessTimeBetween(at("2026-03-02T00:00"), at("2026-03-09T00:00")))
                    .isEqualTo(Duration.ofHours(50));
        }

        @Test
        void aWeekWithAHolidayIsFortyHours() {
            assertThat(calendar.businessTimeBetween(at("2026-10-10T00:00"), at("2026-10-17T00:00")))
                    .isEqualTo(Duration.ofHours(40));
        }

        @Test
        void acrossTheSpringForwardWeekend() {
            assertThat(calendar.businessTimeBetween(at("2026-03-06T09:00"), at("2026-03-09T19:00")))
                    .isEqualTo(Duration.ofHours(20));
        }

        @Test
        void emptyOrReversedRangeIsZero() {
            Instant t = at("2026-03-03T10:00");
            assertThat(calendar.businessTimeBetween(t, t)).isZero();
            assertThat(calendar.businessTimeBetween(t, t.minusSeconds(3600))).isZero();
        }

        @Test
        void partialClosureIsSubtracted() {
            BusinessCalendar withClosure = calendar.withClosures(List.of(new Closure(
                    LocalDateTime.parse("2026-03-04T12:00"), LocalDateTime.parse("2026-03-04T14:30"), "Drill")));
            assertThat(withClosure.businessTimeBetween(at("2026-03-04T00:00"), at("2026-03-05T00:00")))
                    .isEqualTo(Duration.ofMinutes(7 * 60 + 30));
        }

        @Test
        void overlappingClosuresAreNotSubtractedTwice() {
            BusinessCalendar withClosures = calendar.withClosures(List.of(
                    new Closure(LocalDateTime.parse("2026-03-04T12:00"), LocalDateTime.parse("2026-03-04T15:00"), "A"),
                    new Closure(LocalDateTime.parse("2026-03-04T10:00"), LocalDateTime.parse("2026-03-04T13:00"), "B"),
                    new Closure(LocalDateTime.parse("2026-03-04T15:00"), LocalDateTime.parse("2026-03-04T16:00"), "C")));
            assertThat(withClosures.businessTimeBetween(at("2026-03-04T00:00"), at("2026-03-05T00:00")))
                    .isEqualTo(Duration.ofHours(4));
        }
    }

    @Nested
    class DaylightSaving {

        private final BusinessCalendar everyDay = BusinessCalendar.builder()
                .window(new BusinessWindow(Eastern.ZONE, EnumSet.allOf(DayOfWeek.class),
                        LocalTime.of(9, 0), LocalTime.of(19, 0)))
                .build();

        @ParameterizedTest
        @ValueSource(strings = {"2026-03-08", "2026-11-01"})
        void nineToSevenIsTenHoursOnTheChangeDay(String date) {
            LocalDate day = LocalDate.parse(date);
            assertThat(everyDay.businessTimeBetween(
                    day.atStartOfDay(Eastern.ZONE).toInstant(), day.plusDays(1).atStartOfDay(Eastern.ZONE).toInstant()))
                    .isEqualTo(Duration.ofHours(10));
            assertThat(everyDay.addBusinessHours(at(date + "T09:00"), Duration.ofHours(10)))
                    .isEqualTo(at(date + "T19:00"));
        }

        @Test
        void aWindowSpanningTheChangeCountsElapsedTime() {
            BusinessCalendar night = BusinessCalendar.builder()
                    .window(new BusinessWindow(Eastern.ZONE, EnumSet.allOf(DayOfWeek.class),
                            LocalTime.of(0, 30), LocalTime.of(5, 0)))
                    .federalHolidays(false)
                    .build();
            assertThat(night.businessTimeBetween(at("2026-03-08T00:00"), at("2026-03-08T12:00")))
                    .isEqualTo(Duration.ofMinutes(3 * 60 + 30));
            assertThat(night.businessTimeBetween(Instant.parse("2026-11-01T04:00:00Z"), at("2026-11-01T12:00")))
                    .isEqualTo(Duration.ofMinutes(5 * 60 + 30));
        }

        @Test
        void aWindowInsideTheSpringForwardGapNeitherThrowsNorOpens() {
            BusinessCalendar gap = BusinessCalendar.builder()
                    .window(new BusinessWindow(Eastern.ZONE, Set.of(DayOfWeek.SUNDAY),
                            LocalTime.of(2, 0), LocalTime.of(3, 0)))
                    .build();
            assertThat(gap.isOpen(Instant.parse("2026-03-08T07:00:00Z"))).isFalse();
            assertThat(gap.nextOpening(at("2026-03-08T00:00"))).isEqualTo(at("2026-03-15T02:00"));
        }
    }

    @Nested
    class Horizon {

        @Test
        void noWorkingDaysFailsInsteadOfLooping() {
            BusinessCalendar never = BusinessCalendar.builder()
                    .window(new BusinessWindow(Eastern.ZONE, Set.of(), LocalTime.of(9, 0), LocalTime.of(19, 0)))
                    .build();
            Instant t = at("2026-03-03T10:00");
            assertThat(never.isOpen(t)).isFalse();
            assertThat(never.businessTimeBetween(t, t.plus(Duration.ofDays(30)))).isZero();
            assertThatThrownBy(() -> never.nextOpening(t)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> never.addBusinessHours(t, Duration.ofHours(1)))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> new SlaCalculator(never, SlaPolicy.hotlineDefault()).quote(t))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void closuresCoveringYearsFailInsteadOfLooping() {
            BusinessCalendar closed = calendar.withClosures(List.of(new Closure(
                    LocalDateTime.parse("2026-01-01T00:00"), LocalDateTime.parse("2030-01-01T00:00"), "Moved")));
            assertThatThrownBy(() -> closed.nextOpening(at("2026-03-03T10:00")))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> closed.addBusinessHours(at("2026-03-03T10:00"), Duration.ofHours(1)))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void aClosureShorterThanTheHorizonIsWaitedOut() {
            BusinessCalendar closed = calendar.withClosures(List.of(new Closure(
                    LocalDateTime.parse("2026-01-01T00:00"), LocalDateTime.parse("2028-01-04T12:00"), "Renovation")));
            assertThat(closed.nextOpening(at("2026-03-03T10:00"))).isEqualTo(at("2028-01-04T12:00"));
        }
    }

    @Nested
    class Validation {

        @Test
        void closureMustEndAfterItStarts() {
            LocalDateTime noon = LocalDateTime.parse("2026-03-04T12:00");
            assertThatThrownBy(() -> new Closure(noon, noon, "empty")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Closure(noon, noon.minusHours(1), "reversed"))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void fullDayClosureRunsMidnightToMidnight() {
            assertThat(Closure.fullDay(LocalDate.of(2026, 2, 4), "Snow")).isEqualTo(new Closure(
                    LocalDateTime.parse("2026-02-04T00:00"), LocalDateTime.parse("2026-02-05T00:00"), "Snow"));
        }

        @Test
        void windowMustOpenBeforeItCloses() {
            assertThatThrownBy(() -> new BusinessWindow(Eastern.ZONE, Set.of(DayOfWeek.MONDAY),
                    LocalTime.of(19, 0), LocalTime.of(9, 0))).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void windowDaysAreCopied() {
            Set<DayOfWeek> days = EnumSet.of(DayOfWeek.MONDAY);
            BusinessWindow window = new BusinessWindow(Eastern.ZONE, days, LocalTime.of(9, 0), LocalTime.of(19, 0));
            days.add(DayOfWeek.SUNDAY);
            assertThat(window.days()).containsExactly(DayOfWeek.MONDAY);
        }
    }
}
