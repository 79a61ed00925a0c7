package org.hotline.console.client;

import java.time.Instant;
import java.util.UUID;

/**
 * routing's answer to a registration or a secret rotation, as far as the page needs it: the subscription, its new
 * signing secret (shown this once) and, after a rotation, until when the previous secret still signs.
 */
public record WebhookSecret(UUID id, String url, String secret, Instant previousSecretValidUntil) {
}
