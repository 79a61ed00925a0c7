package org.hotline.routing.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.contracts.EventType;
import org.hotline.contracts.Topics;
import org.hotline.platform.outbox.OutboxWriter;
import org.hotline.routing.config.KafkaPartners;

/**
 * Appends a referral event ({@code hotline.referral.issued}, {@code .acknowledged}, {@code .escalated} or
 * {@code .outcome-recorded}) to the
 * outbox in the caller's transaction: on {@code hotline.referrals.v1}, keyed by organisation id, and for a partner
 * that reads Kafka ({@link KafkaPartners}) the same payload again, same key, on that partner's own topic. Both
 * records commit or roll back with the change they report; the copy gets its own CloudEvents id. Issued and
 * escalated events of an organisation with a webhook subscription are also kept for its webhooks
 * ({@link PartnerEventLog}), with the shared topic's CloudEvents id.
 */
@ApplicationScoped
public class ReferralEvents {

    private final OutboxWriter outbox;
    private final KafkaPartners partners;
    private final PartnerEventLog webhookEvents;

    public ReferralEvents(OutboxWriter outbox, KafkaPartners partners, PartnerEventLog webhookEvents) {
        this.outbox = outbox;
        this.partners = partners;
        this.webhookEvents = webhookEvents;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(UUID organizationId, Record event) {
        if (!EventType.of(event.getClass()).topic().equals(Topics.REFERRALS)) {
            throw new IllegalArgumentException("Not a referral event: " + event.getClass().getSimpleName());
        }
        String key = organizationId.toString();
        UUID eventId = outbox.append(key, event);
        partners.topicOf(organizationId).ifPresent(topic -> outbox.appendTo(topic, key, event));
        webhookEvents.record(organizationId, eventId, event);
    }
}
