package org.hotline.console.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** routing's webhook subscription as listed (it never lists a secret). */
public record WebhookSubscription(UUID id, UUID organizationId, String url, List<String> eventTypes, String status,
        String disabledReason, Instant failingSince, Instant nextAttemptAt, Instant previousSecretValidUntil,
        Instant createdAt) {

    public boolean failing() {
        return "FAILING".equals(status);
    }
}
