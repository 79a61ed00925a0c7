package org.hotline.contracts.events;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * {@code hotline.calendar.closure.added}: an operator closed the business calendar for a while (a snow day). Published
 * by followup-service, which owns the calendar, on the compacted {@code hotline.calendar.closures.v1} keyed by
 * {@code closureId}; a tombstone for that key is its removal. Times are wall-clock times in the business window's zone
 * ({@code hotline.calendar.window.zone}), half-open {@code [start, end)}, as the operator entered them.
 *
 * @param reason shown to staff, e.g. "Snow day" (operator text, not personal data)
 */
public record CalendarClosureAdded(
        UUID closureId,
        LocalDateTime start,
        LocalDateTime end,
        String reason,
        Instant addedAt) {
}
