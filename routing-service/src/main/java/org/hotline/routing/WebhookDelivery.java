package org.hotline.routing;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One attempt to deliver one event to one subscription, scheduled or replayed: the answer's status code or the class
 * of error, when, and how long it took. Never a body, a header or a URL.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    public enum Outcome {
        /** A 2xx answer. */
        DELIVERED,
        /** Another answer, a timeout or a connection error: retried. */
        FAILED,
        /** 410 Gone: the subscription was disabled. */
        GONE,
        /** The endpoint's host resolved to an address deliveries may not go to: retried, never connected. */
        REFUSED
    }

    @Id
    private UUID id;

    @Column(name = "subscription_id", nullable = false)
    private UUID subscriptionId;

    @Column(name = "event_seq", nullable = false)
    private long eventSeq;

    @Column(name = "event_id", nullable = false)
    private UUID eventId;

    @Column(name = "event_type", nullable = false, columnDefinition = "text")
    private String eventType;

    @Column(nullable = false)
    private int attempt;

    @Column(nullable = false)
    private boolean replay;

    @Column(name = "status_code")
    private Integer statusCode;

    @Column(columnDefinition = "text")
    private String error;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "text")
    private Outcome outcome;

    @Column(name = "attempted_at", nullable = false)
    private Instant attemptedAt;

    @Column(name = "duration_ms", nullable = false)
    private long durationMs;

    protected WebhookDelivery() {
    }

    public WebhookDelivery(UUID subscriptionId, PartnerEvent event, int attempt, boolean replay,
            DeliveryResult result) {
        this.id = UUID.randomUUID();
        this.subscriptionId = subscriptionId;
        this.eventSeq = event.seq();
        this.eventId = event.eventId();
        this.eventType = event.eventType();
        this.attempt = attempt;
        this.replay = replay;
        this.statusCode = result.statusCode();
        this.error = result.error();
        this.outcome = result.outcome();
        this.attemptedAt = result.attemptedAt();
        this.durationMs = result.durationMs();
    }

    public UUID id() {
        return id;
    }

    public UUID subscriptionId() {
        return subscriptionId;
    }

    public long eventSeq() {
        return eventSeq;
    }

    public UUID eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public int attempt() {
        return attempt;
    }

    public boolean replay() {
        return replay;
    }

    public Integer statusCode() {
        return statusCode;
    }

    public String error() {
        return error;
    }

    public Outcome outcome() {
        return outcome;
    }

    public Instant attemptedAt() {
        return attemptedAt;
    }

    public long durationMs() {
        return durationMs;
    }
}
