package org.hotline.routing.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hotline.routing.WebhookDelivery;
import org.hotline.routing.WebhookSubscription;

/** What the webhook endpoints answer; a secret appears only in the answers that made it. */
public final class WebhookViews {

    private WebhookViews() {
    }

    /** The body of a registration: the endpoint and the event types it wants. */
    public record Registration(String url, List<String> eventTypes) {
    }

    /** A subscription as listed (never a secret). */
    public record Subscription(UUID id, UUID organizationId, String url, List<String> eventTypes, String status,
            String disabledReason, Instant failingSince, Instant nextAttemptAt, Instant previousSecretValidUntil,
            Instant createdAt) {

        static Subscription of(WebhookSubscription s) {
            Instant previousUntil = s.previousSecretUntil() != null && s.previousSecretUntil().isAfter(Instant.now())
                    ? s.previousSecretUntil() : null;
            return new Subscription(s.id(), s.organizationId(), s.url(), s.eventTypes(), s.status().name(),
                    s.disabledReason(), s.failingSince(), s.nextAttemptAt(), previousUntil, s.createdAt());
        }
    }

    /** The answer to a registration: the subscription and its signing secret, shown this once. */
    public record Registered(UUID id, UUID organizationId, String url, List<String> eventTypes, String status,
            Instant createdAt, String secret) {
    }

    /** The answer to a rotation: the new secret, shown this once, and until when the previous one still signs. */
    public record Rotated(UUID id, String secret, Instant previousSecretValidUntil) {
    }

    /** One delivery attempt. */
    public record Delivery(UUID id, UUID eventId, String eventType, int attempt, boolean replay, Integer statusCode,
            String error, String outcome, Instant attemptedAt, long durationMs) {

        static Delivery of(WebhookDelivery d) {
            return new Delivery(d.id(), d.eventId(), d.eventType(), d.attempt(), d.replay(), d.statusCode(),
                    d.error(), d.outcome().name(), d.attemptedAt(), d.durationMs());
        }
    }
}
