package org.hotline.intake;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A signal (a call or a tip) linked to a case; a signal belongs to one case at most. */
@Entity
@Table(name = "case_signal")
public class CaseSignal {

    @Id
    @Column(name = "contact_id")
    private UUID contactId;

    @Column(name = "case_id", nullable = false)
    private UUID caseId;

    @Column(name = "linked_at", nullable = false)
    private Instant linkedAt;

    @Column(name = "linked_by", nullable = false, columnDefinition = "text")
    private String linkedBy;

    protected CaseSignal() {
    }

    public CaseSignal(UUID contactId, UUID caseId, Instant linkedAt, String linkedBy) {
        this.contactId = contactId;
        this.caseId = caseId;
        this.linkedAt = linkedAt;
        this.linkedBy = linkedBy;
    }

    public UUID contactId() {
        return contactId;
    }

    public UUID caseId() {
        return caseId;
    }

    public Instant linkedAt() {
        return linkedAt;
    }

    public String linkedBy() {
        return linkedBy;
    }

    /** Moves the signal to another case (a merge). */
    public void moveTo(UUID caseId, Instant at, String by) {
        this.caseId = caseId;
        this.linkedAt = at;
        this.linkedBy = by;
    }
}
