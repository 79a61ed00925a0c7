package org.hotline.console.client;

import java.time.Instant;
import java.util.UUID;

/** One attempt to deliver an event to a partner's endpoint. */
public record WebhookDelivery(UUID id, UUID eventId, String eventType, int attempt, boolean replay,
        Integer statusCode, String error, String outcome, Instant attemptedAt, long durationMs) {
}
