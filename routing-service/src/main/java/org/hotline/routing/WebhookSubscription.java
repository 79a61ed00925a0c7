package org.hotline.routing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A partner's webhook endpoint for its organisation's referral events, with its sealed signing secret(s) and where
 * delivery stands: the cursor (last event delivered, in commit order) and the state of the first undelivered event.
 * The lease columns are written by the delivery worker's own statements only.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

    public enum Status {
        /** Delivering, or retrying within the horizon. */
        ACTIVE,
        /** The first undelivered event has failed for longer than the retry horizon; still retried, alerted on. */
        FAILING,
        /** The endpoint answered 410 Gone: nothing more is sent. */
        DISABLED
    }

    @Id
    private UUID id;

    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;

    @Column(nullable = false, columnDefinition = "text")
    private String url;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "event_types", nullable = false)
    private List<String> eventTypes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "text")
    private Status status;

    @Column(name = "disabled_reason", columnDefinition = "text")
    private String disabledReason;

    @Column(name = "kek_id", nullable = false, columnDefinition = "text")
    private String kekId;

    @Column(name = "secret_sealed", nullable = false)
    private byte[] secretSealed;

    @Column(name = "previous_secret_sealed")
    private byte[] previousSecretSealed;

    @Column(name = "previous_secret_until")
    private Instant previousSecretUntil;

    @Column(name = "cursor_txid", nullable = false)
    private long cursorTxid;

    @Column(name = "cursor_seq", nullable = false)
    private long cursorSeq;

    @Column(nullable = false)
    private int attempt;

    @Column(name = "failing_since")
    private Instant failingSince;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "lease_token", insertable = false, updatable = false)
    private UUID leaseToken;

    @Column(name = "leased_until", insertable = false, updatable = false)
    private Instant leasedUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected WebhookSubscription() {
    }

    /**
     * A new subscription, delivering the events committed after {@code startTxid} (every transaction below it has
     * ended, so the events it already wrote are history the feed serves).
     */
    public WebhookSubscription(UUID id, UUID organizationId, String url, List<String> eventTypes, String kekId,
            byte[] secretSealed, long startTxid, Instant now) {
        this.id = id;
        this.organizationId = organizationId;
        this.url = url;
        this.eventTypes = List.copyOf(eventTypes);
        this.status = Status.ACTIVE;
        this.kekId = kekId;
        this.secretSealed = secretSealed;
        this.cursorTxid = startTxid;
        this.cursorSeq = Long.MAX_VALUE;
        this.nextAttemptAt = now;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The rotation: a new current secret; the current one becomes the previous, valid until {@code previousUntil}. */
    public void rotate(String keyId, byte[] newSecret, byte[] previousSecret, Instant previousUntil, Instant now) {
        this.kekId = keyId;
        this.secretSealed = newSecret;
        this.previousSecretSealed = previousSecret;
        this.previousSecretUntil = previousUntil;
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public String url() {
        return url;
    }

    public List<String> eventTypes() {
        return eventTypes;
    }

    public Status status() {
        return status;
    }

    public String disabledReason() {
        return disabledReason;
    }

    public String kekId() {
        return kekId;
    }

    public byte[] secretSealed() {
        return secretSealed;
    }

    /** The previous secret while it still signs (null otherwise). */
    public byte[] previousSecretSealed(Instant now) {
        return previousSecretUntil != null && now.isBefore(previousSecretUntil) ? previousSecretSealed : null;
    }

    public Instant previousSecretUntil() {
        return previousSecretUntil;
    }

    public long cursorTxid() {
        return cursorTxid;
    }

    public long cursorSeq() {
        return cursorSeq;
    }

    public int attempt() {
        return attempt;
    }

    public Instant failingSince() {
        return failingSince;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
