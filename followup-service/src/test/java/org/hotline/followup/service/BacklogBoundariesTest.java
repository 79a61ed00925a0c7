package org.hotline.followup.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.hotline.calendar.BusinessCalendar;
import org.hotline.calendar.Closure;
import org.junit.jupiter.api.Test;

/** The backlog's age and due-date boundaries are business time, turned into instants for SQL. */
class BacklogBoundariesTest {

    private static final BusinessCalendar CALENDAR = BusinessCalendar.hotlineDefault();
    /** Wednesday 2026-12-02, 12:00 Eastern. */
    private static final Instant WEDNESDAY_NOON = at("2026-12-02T12:00:00-05:00");

    @Test
    void ageBoundaryIsTheLatestClockStartWithThatMuchBusinessTimeSince() {
        // 10 business hours before Wednesday noon: Tuesday noon. 30: Friday 27 (after Thanksgiving) at noon.
        assertThat(FollowupBacklog.startedAtLeastAgo(CALENDAR, WEDNESDAY_NOON, Duration.ofHours(10)))
                .isEqualTo(at("2026-12-01T12:00:00-05:00"));
        assertThat(FollowupBacklog.startedAtLeastAgo(CALENDAR, WEDNESDAY_NOON, Duration.ofHours(30)))
                .isEqualTo(at("2026-11-27T12:00:00-05:00"));
        // 3 hours land exactly on Wednesday's opening: the night before adds no business time.
        assertThat(FollowupBacklog.startedAtLeastAgo(CALENDAR, WEDNESDAY_NOON, Duration.ofHours(3)))
                .isEqualTo(at("2026-12-02T09:00:00-05:00"));
    }

    @Test
    void ageBoundarySkipsThanksgivingAndClosures() {
        // From Friday 27 at 10:00, 11 business hours back: Friday 1 h, Thursday is Thanksgiving, Wednesday 10 h.
        assertThat(FollowupBacklog.startedAtLeastAgo(CALENDAR, at("2026-11-27T10:00:00-05:00"),
                Duration.ofHours(11))).isEqualTo(at("2026-11-25T09:00:00-05:00"));
        BusinessCalendar closedTuesday = CALENDAR.withClosures(List.of(
                Closure.fullDay(java.time.LocalDate.of(2026, 12, 1), "Snow day")));
        assertThat(FollowupBacklog.startedAtLeastAgo(closedTuesday, WEDNESDAY_NOON, Duration.ofHours(10)))
                .isEqualTo(at("2026-11-30T12:00:00-05:00"));
    }

    @Test
    void nextBusinessDayCloses() {
        assertThat(FollowupBacklog.closeOfNextBusinessDay(CALENDAR, WEDNESDAY_NOON))
                .isEqualTo(at("2026-12-03T19:00:00-05:00"));
        // From Friday noon the next business day is Monday; from the eve of Thanksgiving, Friday.
        assertThat(FollowupBacklog.closeOfNextBusinessDay(CALENDAR, at("2026-12-04T12:00:00-05:00")))
                .isEqualTo(at("2026-12-07T19:00:00-05:00"));
        assertThat(FollowupBacklog.closeOfNextBusinessDay(CALENDAR, at("2026-11-25T12:00:00-05:00")))
                .isEqualTo(at("2026-11-27T19:00:00-05:00"));
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}
