package org.hotline.console.client;

import java.time.Instant;

/** An item of intake's {@code GET /api/v1/contacts}: no personal data. */
public record ContactSummary(String reference, String kind, String channel, String callType, String status,
        String urgency, String state, Instant receivedAt, boolean hasOpenFollowUp) {
}
