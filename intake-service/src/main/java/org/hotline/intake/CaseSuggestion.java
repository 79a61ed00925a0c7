package org.hotline.intake;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An open case a signal may belong to, proposed when the signal was stored, with its reasons (comma-separated
 * {@code PHONE}, {@code EMAIL}, {@code VENUE}, {@code PLACE}, {@code TYPOLOGY}, {@code TIME_WINDOW}, {@code TEXT}),
 * until staff confirm or reject it (who and when kept).
 */
@Entity
@Table(name = "case_suggestion")
public class CaseSuggestion {

    /** What staff made of a suggestion. */
    public enum Decision {
        CONFIRMED, REJECTED
    }

    @Id
    private UUID id;

    @Column(name = "contact_id", nullable = false, updatable = false)
    private UUID contactId;

    @Column(name = "case_id", nullable = false, updatable = false)
    private UUID caseId;

    @Column(nullable = false, updatable = false, columnDefinition = "text")
    private String reasons;

    @Column(nullable = false, updatable = false)
    private int score;

    @Column(updatable = false)
    private Float similarity;

    @Column(name = "suggested_at", nullable = false, updatable = false)
    private Instant suggestedAt;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(columnDefinition = "text")
    private Decision decision;

    @Column(name = "decided_by", columnDefinition = "text")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected CaseSuggestion() {
    }

    public CaseSuggestion(UUID contactId, UUID caseId, String reasons, int score, Float similarity, Instant at) {
        this.id = UUID.randomUUID();
        this.contactId = contactId;
        this.caseId = caseId;
        this.reasons = reasons;
        this.score = score;
        this.similarity = similarity;
        this.suggestedAt = at;
    }

    public UUID id() {
        return id;
    }

    public UUID contactId() {
        return contactId;
    }

    public UUID caseId() {
        return caseId;
    }

    public String reasons() {
        return reasons;
    }

    public int score() {
        return score;
    }

    public Float similarity() {
        return similarity;
    }

    public Instant suggestedAt() {
        return suggestedAt;
    }

    public Decision decision() {
        return decision;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public void decide(Decision decision, String by, Instant at) {
        this.decision = decision;
        this.decidedBy = by;
        this.decidedAt = at;
    }
}
