package org.hotline.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline.calendar.Eastern.at;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SlaCalculatorTest {

    private final BusinessCalendar calendar = BusinessCalendar.hotlineDefault();
    private final SlaCalculator sla = new SlaCalculator(calendar, SlaPolicy.hotlineDefault());

    private static void assertQuote(SlaQuote quote, String clockStarts, String target, String breach) {
        assertThat(quote.clockStartsAt()).isEqualTo(Eastern.zoned(clockStarts));
        assertThat(quote.targetAt()).isEqualTo(Eastern.zoned(target));
        assertThat(quote.breachAt()).isEqualTo(Eastern.zoned(breach));
    }

    @Test
    void defaultPolicyIsTwentyAndThirtyBusinessHours() {
        assertThat(SlaPolicy.hotlineDefault()).isEqualTo(new SlaPolicy(Duration.ofHours(20), Duration.ofHours(30)));
    }

    @Test
    void messageLeftFridayEveningStartsMondayMorning() {
        assertQuote(sla.quote(at("2026-04-17T20:00")),
                "2026-04-20T09:00", "2026-04-21T19:00", "2026-04-22T19:00");
    }

    @Test
    void messageLeftFridayEveningBeforeAHolidayMondayShiftsByABusinessDay() {
        // Monday 19 January 2026 is Martin Luther King Jr. Day.
        assertQuote(sla.quote(at("2026-01-16T20:00")),
                "2026-01-20T09:00", "2026-01-21T19:00", "2026-01-22T19:00");
    }

    @Test
    void receiptDuringBusinessHoursStartsTheClockAtOnce() {
        // Tuesday 10:30: 8.5 h Tuesday + 10 h Wednesday + 1.5 h Thursday = 20 h; 10 h more ends Friday 10:30.
        assertQuote(sla.quote(at("2026-04-21T10:30")),
                "2026-04-21T10:30", "2026-04-23T10:30", "2026-04-24T10:30");
    }

    @Test
    void receiptAtOpeningTimeEndsExactlyAtClosingTime() {
        assertQuote(sla.quote(at("2026-04-20T09:00")),
                "2026-04-20T09:00", "2026-04-21T19:00", "2026-04-22T19:00");
    }

    @Test
    void receiptExactlyAtClosingTimeStartsTheNextMorning() {
        assertQuote(sla.quote(at("2026-04-21T19:00")),
                "2026-04-22T09:00", "2026-04-23T19:00", "2026-04-24T19:00");
    }

    @Test
    void receiptOneNanosecondBeforeClosingStartsAtOnce() {
        SlaQuote quote = sla.quote(at("2026-04-21T19:00").minusNanos(1));
        assertThat(quote.clockStartsAt().toInstant()).isEqualTo(at("2026-04-21T19:00").minusNanos(1));
        assertThat(quote.targetAt().toInstant()).isEqualTo(at("2026-04-23T19:00").minusNanos(1));
    }

    @Test
    void receiptBeforeTheIndependenceDayWeekend() {
        // Thursday 2 July 2026; Friday 3 July observes Independence Day (Saturday 4 July).
        assertQuote(sla.quote(at("2026-07-02T15:00")),
                "2026-07-02T15:00", "2026-07-07T15:00", "2026-07-08T15:00");
        assertQuote(sla.quote(at("2026-07-02T20:00")),
                "2026-07-06T09:00", "2026-07-07T19:00", "2026-07-08T19:00");
    }

    @Test
    void receiptOverTheNewYearObservedOn31December() {
        // Thursday 30 December 2027 14:00; Friday 31 December observes New Year's Day 2028.
        assertQuote(sla.quote(at("2027-12-30T14:00")),
                "2027-12-30T14:00", "2028-01-04T14:00", "2028-01-05T14:00");
    }

    @Nested
    class DaylightSavingWeeks {

        private static final ZoneOffset EST = ZoneOffset.ofHours(-5);
        private static final ZoneOffset EDT = ZoneOffset.ofHours(-4);

        @Test
        void fridayEveningBeforeSpringForward() {
            SlaQuote quote = sla.quote(Instant.parse("2026-03-07T01:00:00Z")); // Friday 6 March 20:00 EST
            assertThat(quote.clockStartsAt().toInstant()).isEqualTo(Instant.parse("2026-03-09T13:00:00Z"));
            assertThat(quote.targetAt().toInstant()).isEqualTo(Instant.parse("2026-03-10T23:00:00Z"));
            assertThat(quote.breachAt().toInstant()).isEqualTo(Instant.parse("2026-03-11T23:00:00Z"));
            assertThat(quote.clockStartsAt().getOffset()).isEqualTo(EDT);
        }

        @Test
        void fridayMorningBeforeSpringForwardCountsWallClockHours() {
            // Friday 10:00 EST: 9 h Friday + 10 h Monday + 1 h Tuesday; the lost night hour costs nothing.
            SlaQuote quote = sla.quote(Instant.parse("2026-03-06T15:00:00Z"));
            assertThat(quote.clockStartsAt().getOffset()).isEqualTo(EST);
            assertThat(quote.targetAt().toInstant()).isEqualTo(Instant.parse("2026-03-10T14:00:00Z"));
            assertThat(quote.targetAt().toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-10T10:00"));
            assertThat(quote.breachAt().toInstant()).isEqualTo(Instant.parse("2026-03-11T14:00:00Z"));
        }

        @Test
        void thursdayBeforeSpringForward() {
            // Thursday 14:00 EST: 5 h + 10 h Friday + 5 h Monday, ending 14:00 EDT.
            SlaQuote quote = sla.quote(Instant.parse("2026-03-05T19:00:00Z"));
            assertThat(quote.targetAt().toInstant()).isEqualTo(Instant.parse("2026-03-09T18:00:00Z"));
            assertThat(quote.breachAt().toInstant()).isEqualTo(Instant.parse("2026-03-10T18:00:00Z"));
        }

        @Test
        void fridayEveningBeforeFallBack() {
            SlaQuote quote = sla.quote(Instant.parse("2026-10-31T00:00:00Z")); // Friday 30 October 20:00 EDT
            assertThat(quote.clockStartsAt().toInstant()).isEqualTo(Instant.parse("2026-11-02T14:00:00Z"));
            assertThat(quote.targetAt().toInstant()).isEqualTo(Instant.parse("2026-11-04T00:00:00Z"));
            assertThat(quote.breachAt().toInstant()).isEqualTo(Instant.parse("2026-11-05T00:00:00Z"));
            assertThat(quote.breachAt().getOffset()).isEqualTo(EST);
        }

        @Test
        void fridayMorningBeforeFallBackCountsWallClockHours() {
            // Friday 10:00 EDT: ends Tuesday 10:00 EST; the extra night hour costs nothing.
            SlaQuote quote = sla.quote(Instant.parse("2026-10-30T14:00:00Z"));
            assertThat(quote.clockStartsAt().getOffset()).isEqualTo(EDT);
            assertThat(quote.targetAt().toInstant()).isEqualTo(Instant.parse("2026-11-03T15:00:00Z"));
            assertThat(quote.breachAt().toInstant()).isEqualTo(Instant.parse("2026-11-04T15:00:00Z"));
        }

        @Test
        void receiptDuringTheRepeatedHourStartsMondayMorning() {
            SlaQuote early = sla.quote(Instant.parse("2026-11-01T05:30:00Z")); // 01:30 EDT
            SlaQuote late = sla.quote(Instant.parse("2026-11-01T06:30:00Z")); // 01:30 EST
            assertThat(early).isEqualTo(late);
            assertThat(early.clockStartsAt().toInstant()).isEqualTo(Instant.parse("2026-11-02T14:00:00Z"));
        }
    }

    @Nested
    class Closures {

        private final Instant tuesday = at("2026-04-21T10:30");
        private final SlaQuote base = sla.quote(tuesday);

        @Test
        void fullDayClosureMovesTargetAndBreachByOneBusinessDay() {
            BusinessCalendar closed = calendar.withClosures(List.of(Closure.fullDay(LocalDate.of(2026, 4, 22), "Snow")));
            SlaQuote quote = new SlaCalculator(closed, SlaPolicy.hotlineDefault()).quote(tuesday);

            assertQuote(quote, "2026-04-21T10:30", "2026-04-24T10:30", "2026-04-27T10:30");
            assertThat(calendar.businessTimeBetween(base.targetAt().toInstant(), quote.targetAt().toInstant()))
                    .isEqualTo(Duration.ofHours(10));
            assertThat(calendar.businessTimeBetween(base.breachAt().toInstant(), quote.breachAt().toInstant()))
                    .isEqualTo(Duration.ofHours(10));
        }

        @Test
        void partialClosureMovesTargetAndBreachByTheClosedTime() {
            BusinessCalendar closed = calendar.withClosures(List.of(new Closure(
                    LocalDateTime.parse("2026-04-22T12:00"), LocalDateTime.parse("2026-04-22T14:30"), "All-staff")));
            SlaQuote quote = new SlaCalculator(closed, SlaPolicy.hotlineDefault()).quote(tuesday);

            assertQuote(quote, "2026-04-21T10:30", "2026-04-23T13:00", "2026-04-24T13:00");
            assertThat(calendar.businessTimeBetween(base.targetAt().toInstant(), quote.targetAt().toInstant()))
                    .isEqualTo(Duration.ofMinutes(150));
            assertThat(calendar.businessTimeBetween(base.breachAt().toInstant(), quote.breachAt().toInstant()))
                    .isEqualTo(Duration.ofMinutes(150));
        }

        @Test
        void closureBetweenTargetAndBreachMovesOnlyTheBreach() {
            BusinessCalendar closed = calendar.withClosures(List.of(new Closure(
                    LocalDateTime.parse("2026-04-23T15:00"), LocalDateTime.parse("2026-04-23T16:00"), "Fire drill")));
            SlaQuote quote = new SlaCalculator(closed, SlaPolicy.hotlineDefault()).quote(tuesday);

            assertQuote(quote, "2026-04-21T10:30", "2026-04-23T10:30", "2026-04-24T11:30");
        }

        @Test
        void closureOutsideBusinessHoursChangesNothing() {
            BusinessCalendar closed = calendar.withClosures(List.of(
                    Closure.fullDay(LocalDate.of(2026, 4, 25), "Saturday event"),
                    new Closure(LocalDateTime.parse("2026-04-22T19:00"), LocalDateTime.parse("2026-04-23T09:00"), "Night")));
            assertThat(new SlaCalculator(closed, SlaPolicy.hotlineDefault()).quote(tuesday)).isEqualTo(base);
        }

        @Test
        void receiptDuringAClosureStartsWhenItEnds() {
            BusinessCalendar closed = calendar.withClosures(List.of(new Closure(
                    LocalDateTime.parse("2026-04-21T10:00"), LocalDateTime.parse("2026-04-21T12:00"), "Outage")));
            assertQuote(new SlaCalculator(closed, SlaPolicy.hotlineDefault()).quote(tuesday),
                    "2026-04-21T12:00", "2026-04-23T12:00", "2026-04-24T12:00");
        }
    }

    @Test
    void quotesAreInTheCalendarZone() {
        SlaQuote quote = sla.quote(at("2026-04-21T10:30"));
        assertThat(quote.clockStartsAt().getZone()).isEqualTo(Eastern.ZONE);
        assertThat(quote.targetAt().getZone()).isEqualTo(Eastern.ZONE);
        assertThat(quote.breachAt().getZone()).isEqualTo(Eastern.ZONE);
    }

    @Test
    void policyRejectsNonPositiveTargetAndBreachBeforeTarget() {
        assertThatThrownBy(() -> new SlaPolicy(Duration.ZERO, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlaPolicy(Duration.ofHours(20), Duration.ofHours(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void breachEqualToTargetIsAllowed() {
        SlaQuote quote = new SlaCalculator(calendar, new SlaPolicy(Duration.ofHours(4), Duration.ofHours(4)))
                .quote(at("2026-04-21T10:30"));
        assertThat(quote.breachAt()).isEqualTo(quote.targetAt());
    }
}
