package org.hotline.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline.calendar.Eastern.at;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OpeningHoursTest {

    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    private static final OpeningHours DOJ_TASK_FORCE =
            OpeningHours.of(Eastern.ZONE, WeeklyHours.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)));
    private static final OpeningHours LOS_ANGELES_LINE =
            OpeningHours.of(LOS_ANGELES, WeeklyHours.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)));
    /** Friday and Saturday nights, 22:00–02:00. */
    private static final OpeningHours WEEKEND_NIGHTS = OpeningHours.of(Eastern.ZONE, new WeeklyHours(
            Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), LocalTime.of(22, 0), LocalTime.of(2, 0)));

    private static Instant la(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(LOS_ANGELES).toInstant();
    }

    @Nested
    class DojTaskForce {

        @ParameterizedTest(name = "{0} open={1}")
        @CsvSource({
                "2026-03-13T08:59:59, false",
                "2026-03-13T09:00, true",
                "2026-03-13T16:59, true",
                "2026-03-13T16:59:59.999999999, true",
                "2026-03-13T17:00, false",
                "2026-03-14T12:00, false", // Saturday
                "2026-03-15T12:00, false", // Sunday
        })
        void weekdaysNineToFiveEastern(String local, boolean open) {
            assertThat(DOJ_TASK_FORCE.isOpenAt(at(local))).isEqualTo(open);
        }

        @Test
        void nextOpeningAfterFridayCloseIsMondayMorning() {
            assertThat(DOJ_TASK_FORCE.nextOpenAt(at("2026-03-13T17:00"))).contains(at("2026-03-16T09:00"));
            assertThat(DOJ_TASK_FORCE.nextOpenAt(at("2026-03-13T16:59"))).contains(at("2026-03-13T16:59"));
            assertThat(DOJ_TASK_FORCE.nextOpenAt(at("2026-03-13T06:00"))).contains(at("2026-03-13T09:00"));
        }
    }

    @Nested
    class TimeZonesAndDaylightSaving {

        @Test
        void losAngelesNineToFiveInUtcSummerAndWinter() {
            assertThat(LOS_ANGELES_LINE.isOpenAt(Instant.parse("2026-07-15T16:30:00Z"))).isTrue();  // 09:30 PDT
            assertThat(LOS_ANGELES_LINE.isOpenAt(Instant.parse("2026-07-15T15:30:00Z"))).isFalse(); // 08:30 PDT
            assertThat(LOS_ANGELES_LINE.isOpenAt(Instant.parse("2026-01-14T17:30:00Z"))).isTrue();  // 09:30 PST
            assertThat(LOS_ANGELES_LINE.isOpenAt(Instant.parse("2026-01-14T16:30:00Z"))).isFalse(); // 08:30 PST
            assertThat(LOS_ANGELES_LINE.isOpenAt(Instant.parse("2026-07-16T00:00:00Z"))).isFalse(); // 17:00 PDT
            assertThat(LOS_ANGELES_LINE.isOpenAt(Instant.parse("2026-01-15T00:59:00Z"))).isTrue();  // 16:59 PST
        }

        @Test
        void losAngelesLineAtEasternInstants() {
            Instant easternMorning = at("2026-07-15T10:00"); // 07:00 in Los Angeles
            Instant easternEvening = at("2026-07-15T19:00"); // 16:00 in Los Angeles
            assertThat(LOS_ANGELES_LINE.isOpenAt(easternMorning)).isFalse();
            assertThat(DOJ_TASK_FORCE.isOpenAt(easternMorning)).isTrue();
            assertThat(LOS_ANGELES_LINE.isOpenAt(easternEvening)).isTrue();
            assertThat(DOJ_TASK_FORCE.isOpenAt(easternEvening)).isFalse();
            assertThat(LOS_ANGELES_LINE.nextOpenAt(easternMorning)).contains(at("2026-07-15T12:00"));
        }

        @Test
        void spanAcrossTheSpringForwardGapIsShorter() {
            OpeningHours night = OpeningHours.of(Eastern.ZONE, WeeklyHours.everyDay(LocalTime.of(1, 0), LocalTime.of(3, 0)));
            // 8 March 2026: 01:00 EST = 06:00Z; 03:00 EDT = 07:00Z.
            assertThat(night.isOpenAt(Instant.parse("2026-03-08T06:30:00Z"))).isTrue();
            assertThat(night.isOpenAt(Instant.parse("2026-03-08T07:00:00Z"))).isFalse();
        }

        @Test
        void spanAcrossTheFallBackOverlapIsLonger() {
            OpeningHours night = OpeningHours.of(Eastern.ZONE, WeeklyHours.everyDay(LocalTime.of(1, 0), LocalTime.of(3, 0)));
            // 1 November 2026: 01:00 EDT = 05:00Z; 03:00 EST = 08:00Z.
            assertThat(night.isOpenAt(Instant.parse("2026-11-01T05:00:00Z"))).isTrue();
            assertThat(night.isOpenAt(Instant.parse("2026-11-01T06:30:00Z"))).isTrue(); // the repeated 01:30
            assertThat(night.isOpenAt(Instant.parse("2026-11-01T07:59:59Z"))).isTrue();
            assertThat(night.isOpenAt(Instant.parse("2026-11-01T08:00:00Z"))).isFalse();
        }

        @Test
        void openingInsideTheGapOpensWhenTheClockJumps() {
            OpeningHours hours = OpeningHours.of(Eastern.ZONE, WeeklyHours.everyDay(LocalTime.of(2, 30), LocalTime.of(4, 0)));
            assertThat(hours.isOpenAt(Instant.parse("2026-03-08T07:29:59Z"))).isFalse(); // 03:29:59 EDT
            assertThat(hours.isOpenAt(Instant.parse("2026-03-08T07:30:00Z"))).isTrue();  // 03:30 EDT
            assertThat(hours.nextOpenAt(at("2026-03-08T00:00"))).contains(Instant.parse("2026-03-08T07:30:00Z"));
        }

        @Test
        void spanSwallowedByTheGapIsNeverAnOpening() {
            OpeningHours hours = OpeningHours.of(Eastern.ZONE, WeeklyHours.everyDay(LocalTime.of(2, 0), LocalTime.of(3, 0)));
            assertThat(hours.nextOpenAt(at("2026-03-08T00:00"))).contains(at("2026-03-09T02:00"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-03-08", "2026-11-01"})
        void everyMinuteOfAChangeDayAnswersConsistently(String date) {
            List<OpeningHours> variants = List.of(
                    OpeningHours.of(Eastern.ZONE, WeeklyHours.everyDay(LocalTime.of(1, 30), LocalTime.of(2, 30))),
                    OpeningHours.of(Eastern.ZONE, WeeklyHours.everyDay(LocalTime.of(2, 30), LocalTime.of(1, 30))),
                    OpeningHours.of(Eastern.ZONE, WeeklyHours.everyDay(LocalTime.of(2, 0), LocalTime.of(2, 0))),
                    OpeningHours.of(Eastern.ZONE, WeeklyHours.everyDay(LocalTime.of(23, 0), LocalTime.of(2, 15))));
            Instant from = LocalDate.parse(date).minusDays(1).atStartOfDay(Eastern.ZONE).toInstant();
            for (OpeningHours hours : variants) {
                for (Instant t = from; t.isBefore(from.plus(3, ChronoUnit.DAYS)); t = t.plus(1, ChronoUnit.MINUTES)) {
                    Optional<Instant> next = hours.nextOpenAt(t);
                    assertThat(next).as("%s at %s", hours, t).isPresent();
                    assertThat(hours.isOpenAt(next.get())).as("%s next open after %s", hours, t).isTrue();
                    assertThat(next.get()).isAfterOrEqualTo(t);
                }
            }
        }
    }

    @Nested
    class OvernightSpans {

        @ParameterizedTest(name = "{0} open={1}")
        @CsvSource({
                "2026-03-13T21:59, false", // Friday
                "2026-03-13T22:00, true",
                "2026-03-14T01:00, true",  // Saturday, still Friday's span
                "2026-03-14T01:59:59, true",
                "2026-03-14T02:00, false",
                "2026-03-14T23:00, true",  // Saturday's own span
                "2026-03-15T01:30, true",  // Sunday, still Saturday's span
                "2026-03-15T22:30, false", // Sunday has no span
                "2026-03-12T23:00, false", // Thursday has no span
                "2026-03-13T01:00, false", // Friday early morning: Thursday has no span
        })
        void fridayAndSaturdayNights(String local, boolean open) {
            assertThat(WEEKEND_NIGHTS.isOpenAt(at(local))).isEqualTo(open);
        }

        @Test
        void closedDateIsTheDayTheSpanStarted() {
            OpeningHours fridayClosed = WEEKEND_NIGHTS.withClosedDates(Set.of(LocalDate.of(2026, 3, 13)));
            assertThat(fridayClosed.isOpenAt(at("2026-03-13T23:00"))).isFalse();
            assertThat(fridayClosed.isOpenAt(at("2026-03-14T01:00"))).isFalse();
            assertThat(fridayClosed.isOpenAt(at("2026-03-14T23:00"))).isTrue();

            OpeningHours saturdayClosed = WEEKEND_NIGHTS.withClosedDates(Set.of(LocalDate.of(2026, 3, 14)));
            assertThat(saturdayClosed.isOpenAt(at("2026-03-14T01:00"))).as("Friday's span").isTrue();
            assertThat(saturdayClosed.isOpenAt(at("2026-03-14T23:00"))).isFalse();
            assertThat(saturdayClosed.nextOpenAt(at("2026-03-14T03:00"))).contains(at("2026-03-20T22:00"));
        }

        @Test
        void closingAtMidnightEndsAtMidnight() {
            OpeningHours evenings = OpeningHours.of(Eastern.ZONE, WeeklyHours.everyDay(LocalTime.of(18, 0), LocalTime.MIDNIGHT));
            assertThat(evenings.isOpenAt(at("2026-03-13T23:59:59"))).isTrue();
            assertThat(evenings.isOpenAt(at("2026-03-14T00:00"))).isFalse();
        }

        @Test
        void equalOpeningAndClosingTimeMeansTwentyFourHours() {
            OpeningHours mondays = OpeningHours.of(Eastern.ZONE,
                    new WeeklyHours(Set.of(DayOfWeek.MONDAY), LocalTime.of(8, 0), LocalTime.of(8, 0)));
            assertThat(mondays.isOpenAt(at("2026-03-16T07:59"))).isFalse();
            assertThat(mondays.isOpenAt(at("2026-03-16T08:00"))).isTrue();
            assertThat(mondays.isOpenAt(at("2026-03-17T07:59"))).isTrue();
            assertThat(mondays.isOpenAt(at("2026-03-17T08:00"))).isFalse();
            assertThat(new WeeklyHours(Set.of(DayOfWeek.MONDAY), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT).endsNextDay())
                    .isTrue();
        }
    }

    @Nested
    class ClosedDatesAndAroundTheClock {

        @Test
        void closedDateClosesTheWholeLocalDay() {
            OpeningHours closedOnFriday = DOJ_TASK_FORCE.withClosedDates(Set.of(LocalDate.of(2026, 3, 13)));
            assertThat(closedOnFriday.isOpenAt(at("2026-03-13T12:00"))).isFalse();
            assertThat(closedOnFriday.isOpenAt(at("2026-03-12T12:00"))).isTrue();
            assertThat(closedOnFriday.nextOpenAt(at("2026-03-12T17:00"))).contains(at("2026-03-16T09:00"));
        }

        @Test
        void aroundTheClockIsAlwaysOpen() {
            OpeningHours always = OpeningHours.alwaysOpen(LOS_ANGELES);
            assertThat(always.isOpenAt(la("2026-03-08T02:30").minusSeconds(1))).isTrue();
            assertThat(always.isOpenAt(la("2026-12-25T03:00"))).isTrue();
            assertThat(always.nextOpenAt(la("2026-12-25T03:00"))).contains(la("2026-12-25T03:00"));
        }

        @Test
        void aroundTheClockHonoursClosedDates() {
            OpeningHours always = OpeningHours.alwaysOpen(LOS_ANGELES)
                    .withClosedDates(Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26)));
            assertThat(always.isOpenAt(la("2026-12-24T23:59:59"))).isTrue();
            assertThat(always.isOpenAt(la("2026-12-25T00:00"))).isFalse();
            assertThat(always.isOpenAt(la("2026-12-26T23:59"))).isFalse();
            assertThat(always.nextOpenAt(la("2026-12-25T10:00"))).contains(la("2026-12-27T00:00"));
        }

        @Test
        void nextOpeningIsEmptyBeyondFourteenDays() {
            OpeningHours mondaysOnly = OpeningHours.of(Eastern.ZONE,
                    new WeeklyHours(Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), LocalTime.of(17, 0)));
            OpeningHours closedTwoMondays = mondaysOnly.withClosedDates(
                    Set.of(LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 23)));
            Instant fridayEvening = at("2026-03-13T18:00");
            assertThat(mondaysOnly.nextOpenAt(fridayEvening)).contains(at("2026-03-16T09:00"));
            assertThat(closedTwoMondays.nextOpenAt(fridayEvening)).isEmpty(); // 30 March is 16 days later
            assertThat(closedTwoMondays.nextOpenAt(at("2026-03-16T08:00"))).isEmpty(); // 30 March is 14 days + 1 h later
            assertThat(closedTwoMondays.nextOpenAt(at("2026-03-16T09:00"))).contains(at("2026-03-30T09:00")); // exactly 14 days
        }

        @Test
        void neverOpenHasNoNextOpening() {
            OpeningHours never = new OpeningHours(Eastern.ZONE, false, List.of(), Set.of());
            assertThat(never.isOpenAt(at("2026-03-13T12:00"))).isFalse();
            assertThat(never.nextOpenAt(at("2026-03-13T12:00"))).isEmpty();
        }
    }

    @Test
    void collectionsAreCopiedAndValidated() {
        assertThatThrownBy(() -> new WeeklyHours(Set.of(), LocalTime.of(9, 0), LocalTime.of(17, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DOJ_TASK_FORCE.weekly()).hasSize(1);
        assertThat(DOJ_TASK_FORCE.weekly().get(0).days()).hasSize(5).doesNotContain(DayOfWeek.SATURDAY);
        assertThatThrownBy(() -> DOJ_TASK_FORCE.closedDates().add(LocalDate.of(2026, 1, 1)))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
