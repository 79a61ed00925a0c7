package org.hotline.intake;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One change of a case, append-only: who, when, what; {@code detail} never holds personal data. */
@Entity
@Table(name = "case_history")
public class CaseHistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private UUID caseId;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(nullable = false, updatable = false, columnDefinition = "text")
    private String actor;

    @Column(nullable = false, updatable = false, columnDefinition = "text")
    private String change;

    @Column(updatable = false, columnDefinition = "text")
    private String detail;

    protected CaseHistoryEntry() {
    }

    public CaseHistoryEntry(UUID caseId, Instant at, String actor, String change, String detail) {
        this.caseId = caseId;
        this.at = at;
        this.actor = actor;
        this.change = change;
        this.detail = detail;
    }

    public UUID caseId() {
        return caseId;
    }

    public Instant at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public String change() {
        return change;
    }

    public String detail() {
        return detail;
    }
}
