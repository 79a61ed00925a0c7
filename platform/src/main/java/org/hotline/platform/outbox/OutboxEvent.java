package org.hotline.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of the outbox: one event waiting to be relayed, in the order it was written. */
@Entity
@Table(name = "outbox")
public class OutboxEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    private UUID eventId;

    @Column(name = "event_type", nullable = false, columnDefinition = "text")
    private String eventType;

    @Column(nullable = false, columnDefinition = "text")
    private String topic;

    @Column(name = "record_key", nullable = false, columnDefinition = "text")
    private String recordKey;

    /** The event JSON; null is a tombstone. */
    @Column(columnDefinition = "text")
    private String payload;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    /** Refusals by the broker that waiting would not cure; the row is set aside after enough of them. */
    @Column(nullable = false, insertable = false)
    private int attempts;

    @Column(name = "next_attempt_at", insertable = false)
    private Instant nextAttemptAt;

    /** Exception types and the topic only: never the payload. */
    @Column(name = "last_error", insertable = false, columnDefinition = "text")
    private String lastError;

    @Column(name = "set_aside_at", insertable = false)
    private Instant setAsideAt;

    protected OutboxEvent() {
    }

    OutboxEvent(UUID eventId, String eventType, String topic, String recordKey, String payload, Instant occurredAt) {
        this.eventId = eventId;
        this.eventType = eventType;
        this.topic = topic;
        this.recordKey = recordKey;
        this.payload = payload;
        this.occurredAt = occurredAt;
    }

    public Long id() {
        return id;
    }

    public UUID eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public String topic() {
        return topic;
    }

    public String recordKey() {
        return recordKey;
    }

    public String payload() {
        return payload;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }

    public Instant setAsideAt() {
        return setAsideAt;
    }

    void refused(int attempts, String reason, Instant nextAttemptAt, Instant setAsideAt) {
        this.attempts = attempts;
        this.lastError = reason;
        this.nextAttemptAt = nextAttemptAt;
        this.setAsideAt = setAsideAt;
    }
}
