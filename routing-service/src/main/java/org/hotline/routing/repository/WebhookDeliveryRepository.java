package org.hotline.routing.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import org.hotline.routing.WebhookDelivery;

@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, UUID> {

    /** A subscription's attempts since {@code since}, newest first. */
    public List<WebhookDelivery> page(UUID subscriptionId, Instant since, int page, int size) {
        return find("subscriptionId = ?1 and attemptedAt >= ?2 order by attemptedAt desc, id", subscriptionId, since)
                .page(Page.of(page, size)).list();
    }

    public long count(UUID subscriptionId, Instant since) {
        return count("subscriptionId = ?1 and attemptedAt >= ?2", subscriptionId, since);
    }

    public int purgeOlderThan(Instant cutoff) {
        return (int) delete("attemptedAt < ?1", cutoff);
    }
}
