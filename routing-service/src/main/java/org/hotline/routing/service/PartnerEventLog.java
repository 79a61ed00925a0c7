package org.hotline.routing.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.contracts.EventCodec;
import org.hotline.contracts.EventType;
import org.hotline.routing.PartnerEvent;
import org.hotline.routing.repository.PartnerEventRepository;
import org.hotline.routing.repository.WebhookSubscriptionRepository;

/**
 * Keeps the referral events webhooks deliver ({@link #WEBHOOK_TYPES}) in {@code partner_event}, in the transaction of
 * the change they report, for organisations with a live subscription; with the Kafka record's id, so the webhook
 * carries the same CloudEvents id as the Kafka event.
 */
@ApplicationScoped
public class PartnerEventLog {

    /** The event types a subscription may ask for. */
    public static final Set<EventType> WEBHOOK_TYPES = Set.of(EventType.REFERRAL_ISSUED, EventType.REFERRAL_ESCALATED);

    private final PartnerEventRepository events;
    private final WebhookSubscriptionRepository subscriptions;
    private final EventCodec codec;
    private final Clock clock;
    private final WebhookWake wake;

    public PartnerEventLog(PartnerEventRepository events, WebhookSubscriptionRepository subscriptions,
            EventCodec codec, Clock clock, WebhookWake wake) {
        this.events = events;
        this.subscriptions = subscriptions;
        this.codec = codec;
        this.clock = clock;
        this.wake = wake;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID organizationId, UUID eventId, Record event) {
        EventType type = EventType.of(event.getClass());
        if (!WEBHOOK_TYPES.contains(type) || !subscriptions.anyLive(organizationId)) {
            return;
        }
        events.persist(new PartnerEvent(eventId, organizationId, type.type(), codec.encode(event),
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS)));
        wake.afterCommit(events.currentTransactionId());
    }
}
