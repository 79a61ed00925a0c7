package org.hotline.routing.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hotline.routing.config.RoutingConfig;
import org.hotline.routing.repository.PartnerEventRepository;
import org.hotline.routing.repository.WebhookDeliveryRepository;

/**
 * Drops delivery attempts older than {@code hotline.routing.webhooks.retention} (7 days), and events of that age that
 * every live subscription of their organisation has delivered (an undelivered event stays, however old).
 */
@ApplicationScoped
public class WebhookPurge {

    /** What one purge removed. */
    public record Purged(int deliveries, int events) {
    }

    private final WebhookDeliveryRepository deliveries;
    private final PartnerEventRepository events;
    private final Clock clock;
    private final Duration retention;

    public WebhookPurge(WebhookDeliveryRepository deliveries, PartnerEventRepository events, Clock clock,
            RoutingConfig config) {
        this.deliveries = deliveries;
        this.events = events;
        this.clock = clock;
        this.retention = config.webhooks().retention();
    }

    public Purged purge() {
        Instant cutoff = Instant.now(clock).minus(retention);
        int oldDeliveries = QuarkusTransaction.requiringNew().call(() -> deliveries.purgeOlderThan(cutoff));
        int oldEvents = QuarkusTransaction.requiringNew().call(() -> events.purgeDelivered(cutoff));
        return new Purged(oldDeliveries, oldEvents);
    }
}
