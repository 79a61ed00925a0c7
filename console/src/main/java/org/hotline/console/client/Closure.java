package org.hotline.console.client;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** followup's operator closure; {@code rescheduled} (open follow-ups moved) only in the answer to a change. */
public record Closure(UUID id, LocalDateTime start, LocalDateTime end, String reason, OffsetDateTime startsAt,
        OffsetDateTime endsAt, Integer rescheduled) {
}
