package org.hotline.routing;

import java.time.Instant;

/**
 * What one delivery attempt came to: the answer's status code, or the class of error that prevented one (a word such
 * as {@code TIMEOUT}, never a message, which could quote the endpoint).
 */
public record DeliveryResult(WebhookDelivery.Outcome outcome, Integer statusCode, String error, Instant attemptedAt,
        long durationMs) {

    public static DeliveryResult answered(int statusCode, Instant attemptedAt, long durationMs) {
        WebhookDelivery.Outcome outcome = statusCode >= 200 && statusCode < 300 ? WebhookDelivery.Outcome.DELIVERED
                : statusCode == 410 ? WebhookDelivery.Outcome.GONE : WebhookDelivery.Outcome.FAILED;
        return new DeliveryResult(outcome, statusCode, null, attemptedAt, durationMs);
    }

    public static DeliveryResult failed(String error, Instant attemptedAt, long durationMs) {
        return new DeliveryResult(WebhookDelivery.Outcome.FAILED, null, error, attemptedAt, durationMs);
    }

    public static DeliveryResult refused(Instant attemptedAt, long durationMs) {
        return new DeliveryResult(WebhookDelivery.Outcome.REFUSED, null, "ADDRESS_REFUSED", attemptedAt, durationMs);
    }
}
