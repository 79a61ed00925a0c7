package org.hotline.followup.rest;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.hotline.followup.CalendarClosure;

/**
 * An operator closure: local times in the calendar's zone as entered, the same moments with their offset, and (only
 * in the answer to adding or removing one) how many open follow-ups that change rescheduled.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClosureView(UUID id, LocalDateTime start, LocalDateTime end, String reason, OffsetDateTime startsAt,
        OffsetDateTime endsAt, Integer rescheduled) {

    static ClosureView of(CalendarClosure c, ZoneId zone, Integer rescheduled) {
        return new ClosureView(c.id(), c.start(), c.end(), c.reason(), c.start().atZone(zone).toOffsetDateTime(),
                c.end().atZone(zone).toOffsetDateTime(), rescheduled);
    }
}
