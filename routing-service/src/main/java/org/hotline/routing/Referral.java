package org.hotline.routing;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.hotline.contracts.events.Location;
import org.hotline.contracts.events.ReferralAcknowledged;
import org.hotline.contracts.events.ReferralEscalated;
import org.hotline.contracts.events.ReferralIssued;
import org.hotline.contracts.events.ReferralOutcomeRecorded;
import org.hotline.contracts.vocabulary.ConsentBasis;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.ReferralOutcome;
import org.hotline.contracts.vocabulary.Urgency;

/**
 * One referral to one partner organisation, as {@code hotline.referral.issued} announced it (no personal data), with
 * when the partner acknowledged it and when it was escalated for want of an acknowledgement. Each happens once.
 */
@Entity
@Table(name = "referral")
public class Referral {

    @Id
    @Column(name = "referral_id")
    private UUID referralId;

    @Column(nullable = false, columnDefinition = "text")
    private String reference;

    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;

    @Column(name = "organization_name", nullable = false, columnDefinition = "text")
    private String organizationName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "text")
    private Need need;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "text")
    private Urgency urgency;

    @Column(name = "law_enforcement", nullable = false)
    private boolean lawEnforcement;

    @Enumerated(EnumType.STRING)
    @Column(name = "consent_basis", nullable = false, columnDefinition = "text")
    private ConsentBasis consentBasis;

    @Column(nullable = false)
    private boolean fallback;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Set<Indicator> indicators;

    @JdbcTypeCode(SqlTypes.JSON)
    private Location location;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "escalated_at")
    private Instant escalatedAt;

    /** The latest outcome the partner recorded; null until it records one. */
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    private ReferralOutcome outcome;

    @Column(name = "outcome_recorded_at")
    private Instant outcomeRecordedAt;

    /**
     * Id of the transaction that wrote the row (the database's default, {@code pg_current_xact_id()}): the partner
     * feed's order, which follows commits. Read only; null on a row this session just created.
     */
    @Column(name = "feed_txid", insertable = false, updatable = false)
    private Long feedTxid;

    protected Referral() {
    }

    /** The row for an issued referral; its issue time must already be at PostgreSQL's (microsecond) precision. */
    public Referral(ReferralIssued issued) {
        this.referralId = issued.referralId();
        this.reference = issued.reference();
        this.organizationId = issued.organizationId();
        this.organizationName = issued.organizationName();
        this.need = issued.need();
        this.urgency = issued.urgency();
        this.lawEnforcement = issued.lawEnforcement();
        this.consentBasis = issued.consentBasis();
        this.fallback = issued.fallback();
        this.indicators = issued.indicators() == null ? Set.of() : Set.copyOf(issued.indicators());
        this.location = issued.location();
        this.issuedAt = issued.issuedAt();
    }

    public UUID referralId() {
        return referralId;
    }

    public String reference() {
        return reference;
    }

    public String organizationName() {
        return organizationName;
    }

    public Need need() {
        return need;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Long feedTxid() {
        return feedTxid;
    }

    public Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    public Instant escalatedAt() {
        return escalatedAt;
    }

    /**
     * Records the partner's acknowledgement; returns the event to publish, or nothing when it was acknowledged
     * before (a repeated acknowledgement changes nothing and publishes nothing).
     */
    public Optional<ReferralAcknowledged> acknowledge(Instant at) {
        if (acknowledgedAt != null) {
            return Optional.empty();
        }
        acknowledgedAt = at;
        return Optional.of(new ReferralAcknowledged(referralId, reference, organizationId, at));
    }

    /**
     * Records what the partner reports came of the referral; returns the event to publish, or nothing when it is the
     * outcome already recorded (a retried request changes nothing and publishes nothing). A different, later outcome
     * (contacted, then a case opened) replaces it and is published too.
     */
    public Optional<ReferralOutcomeRecorded> recordOutcome(ReferralOutcome reported, Instant at) {
        if (reported == outcome) {
            return Optional.empty();
        }
        outcome = reported;
        outcomeRecordedAt = at;
        return Optional.of(new ReferralOutcomeRecorded(referralId, reference, organizationId, reported, at));
    }

    public ReferralOutcome outcome() {
        return outcome;
    }

    public Instant outcomeRecordedAt() {
        return outcomeRecordedAt;
    }

    /** Marks an urgent referral escalated because no acknowledgement came in time; returns the event to publish. */
    public ReferralEscalated markEscalated(Instant at) {
        escalatedAt = at;
        return new ReferralEscalated(referralId, reference, organizationId, need, urgency, issuedAt, at);
    }

    /** The referral as {@code hotline.referral.issued} carried it. */
    public ReferralIssued toEvent() {
        return new ReferralIssued(referralId, reference, organizationId, organizationName, need, urgency,
                lawEnforcement, consentBasis, fallback, indicators, location, issuedAt);
    }
}
