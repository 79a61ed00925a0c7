package org.hotline.routing;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One referral event for an organisation's webhooks, as published on Kafka: its CloudEvents id (the Kafka record's
 * {@code ce_id}, also the {@code webhook-id}), type and payload. Ordered by the writing transaction's id, then
 * {@code seq}.
 */
@Entity
@Table(name = "partner_event")
public class PartnerEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long seq;

    @Column(name = "event_id", nullable = false)
    private UUID eventId;

    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;

    @Column(name = "event_type", nullable = false, columnDefinition = "text")
    private String eventType;

    @Column(nullable = false, columnDefinition = "text")
    private String payload;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "feed_txid", insertable = false, updatable = false)
    private Long feedTxid;

    protected PartnerEvent() {
    }

    public PartnerEvent(UUID eventId, UUID organizationId, String eventType, String payload, Instant occurredAt) {
        this.eventId = eventId;
        this.organizationId = organizationId;
        this.eventType = eventType;
        this.payload = payload;
        this.occurredAt = occurredAt;
    }

    public long seq() {
        return seq;
    }

    public UUID eventId() {
        return eventId;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public String eventType() {
        return eventType;
    }

    public String payload() {
        return payload;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public long feedTxid() {
        return feedTxid;
    }
}
