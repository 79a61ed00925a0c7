package org.hotline.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded random checks over 2026–2030; a fixed seed keeps every run identical. */
class BusinessCalendarPropertiesTest {

    private static final long SEED = 20_260_101L;
    private static final Instant FIRST = Eastern.at("2026-01-01T00:00");
    private static final Instant LAST = Eastern.at("2031-01-01T00:00");
    private static final Duration TARGET = Duration.ofHours(20);
    private static final Duration BREACH = Duration.ofHours(30);

    static Stream<Arguments> calendars() {
        return Stream.of(
                Arguments.of("hotline default", BusinessCalendar.hotlineDefault()),
                Arguments.of("with random closures", BusinessCalendar.hotlineDefault().withClosures(randomClosures())));
    }

    /** Closures on quarter-hour marks, 30 minutes to 3 days long, some overlapping. */
    private static List<Closure> randomClosures() {
        Random random = new Random(SEED);
        List<Closure> closures = new ArrayList<>();
        LocalDateTime first = LocalDateTime.of(2026, 1, 1, 0, 0);
        for (int i = 0; i < 300; i++) {
            LocalDateTime start = first.plusMinutes(15L * random.nextInt(5 * 365 * 24 * 4));
            LocalDateTime end = start.plusMinutes(15L * (2 + random.nextInt(3 * 24 * 4)));
            closures.add(new Closure(start, end, "random " + i));
        }
        return closures;
    }

    private static Instant[] randomInstants(int count, ChronoUnit precision) {
        Random random = new Random(SEED);
        long span = Duration.between(FIRST, LAST).toNanos();
        Instant[] instants = new Instant[count];
        for (int i = 0; i < count; i++) {
            instants[i] = FIRST.plusNanos((long) (random.nextDouble() * span)).truncatedTo(precision);
        }
        return instants;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calendars")
    void quotesStartOpenEndJustAfterOpenTimeAndCountExactly(String name, BusinessCalendar calendar) {
        SlaCalculator sla = new SlaCalculator(calendar, new SlaPolicy(TARGET, BREACH));
        for (Instant receivedAt : randomInstants(5_000, ChronoUnit.NANOS)) {
            SlaQuote quote = sla.quote(receivedAt);
            Instant clockStart = quote.clockStartsAt().toInstant();
            Instant target = quote.targetAt().toInstant();
            Instant breach = quote.breachAt().toInstant();

            assertThat(calendar.isOpen(clockStart)).as("clock start open for %s", receivedAt).isTrue();
            assertThat(clockStart).isAfterOrEqualTo(receivedAt);
            if (calendar.isOpen(receivedAt)) {
                assertThat(clockStart).isEqualTo(receivedAt);
            }
            assertThat(calendar.businessTimeBetween(receivedAt, clockStart)).isZero();

            assertThat(calendar.isOpen(target.minusNanos(1))).as("last instant before target of %s", receivedAt).isTrue();
            assertThat(calendar.isOpen(breach.minusNanos(1))).as("last instant before breach of %s", receivedAt).isTrue();

            assertThat(calendar.businessTimeBetween(clockStart, target)).as("target of %s", receivedAt).isEqualTo(TARGET);
            assertThat(calendar.businessTimeBetween(clockStart, breach)).as("breach of %s", receivedAt).isEqualTo(BREACH);
            assertThat(calendar.businessTimeBetween(receivedAt, target)).isEqualTo(TARGET);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calendars")
    void laterReceiptNeverGivesEarlierDeadlines(String name, BusinessCalendar calendar) {
        SlaCalculator sla = new SlaCalculator(calendar, SlaPolicy.hotlineDefault());
        Instant[] receipts = randomInstants(5_000, ChronoUnit.SECONDS);
        Arrays.sort(receipts);
        SlaQuote previous = sla.quote(receipts[0]);
        for (int i = 1; i < receipts.length; i++) {
            SlaQuote quote = sla.quote(receipts[i]);
            assertThat(quote.clockStartsAt()).isAfterOrEqualTo(previous.clockStartsAt());
            assertThat(quote.targetAt()).as("target after %s", receipts[i]).isAfterOrEqualTo(previous.targetAt());
            assertThat(quote.breachAt()).as("breach after %s", receipts[i]).isAfterOrEqualTo(previous.breachAt());
            previous = quote;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calendars")
    void addAndBetweenAreInverse(String name, BusinessCalendar calendar) {
        Random random = new Random(SEED + 1);
        for (Instant start : randomInstants(5_000, ChronoUnit.MILLIS)) {
            Duration amount = Duration.ofSeconds(random.nextInt(100 * 3600));
            Instant end = calendar.addBusinessHours(start, amount);
            assertThat(calendar.businessTimeBetween(start, end)).as("%s + %s", start, amount).isEqualTo(amount);

            Instant other = start.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 20)));
            Duration between = calendar.businessTimeBetween(start, other);
            Instant back = calendar.addBusinessHours(start, between);
            assertThat(back).isBeforeOrEqualTo(other);
            assertThat(calendar.businessTimeBetween(back, other)).isZero();
        }
    }

    /** A slow, obviously right reference: count open minutes one by one using only isOpen. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("calendars")
    void addBusinessHoursAgreesWithMinuteByMinuteCounting(String name, BusinessCalendar calendar) {
        long minutesToCount = TARGET.toMinutes();
        for (Instant start : randomInstants(300, ChronoUnit.MINUTES)) {
            Instant minute = start;
            long counted = 0;
            while (true) {
                if (calendar.isOpen(minute)) {
                    counted++;
                    if (counted == minutesToCount) {
                        break;
                    }
                }
                minute = minute.plus(1, ChronoUnit.MINUTES);
            }
            Instant endOfLastOpenMinute = minute.plus(1, ChronoUnit.MINUTES);
            assertThat(calendar.addBusinessHours(start, TARGET)).as("from %s", start).isEqualTo(endOfLastOpenMinute);
        }
    }
}
