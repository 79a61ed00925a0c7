package org.hotline.console.client;

import java.time.OffsetDateTime;
import java.util.Map;

/** followup-service's {@code GET /api/v1/followups/backlog}. */
public record Backlog(OffsetDateTime asOf, long open, long atRisk, long breached, long dueNextBusinessDay,
        Map<String, Long> byCallType, Map<String, Long> byAge) {
}
