package org.hotline.intake;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hotline.contracts.vocabulary.CaseCloseReason;
import org.hotline.contracts.vocabulary.CaseStatus;
import org.hotline.contracts.vocabulary.TraffickingType;
import org.hotline.contracts.vocabulary.Typology;

/**
 * A case: one situation of potential trafficking, which many signals (calls, tips) may describe. Holds no personal
 * data: the venue address stays sealed in the signals, notes are sealed apart ({@code case_note}). Its signals are in
 * {@code case_signal}, every change in {@code case_history}. Optimistically locked: two staff changing one case at
 * once cannot overwrite each other.
 */
@Entity
@Table(name = "case_file")
public class CaseFile {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, columnDefinition = "text")
    private String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "text")
    private CaseStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "close_reason", columnDefinition = "text")
    private CaseCloseReason closeReason;

    @Column(name = "merged_into")
    private UUID mergedInto;

    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    private Typology typology;

    @Enumerated(EnumType.STRING)
    @Column(name = "trafficking_type", columnDefinition = "text")
    private TraffickingType traffickingType;

    @Column(columnDefinition = "text")
    private String county;

    @Column(columnDefinition = "text")
    private String state;

    @Column(nullable = false)
    private int victims;

    @Column(nullable = false)
    private int minors;

    @Column(columnDefinition = "text")
    private String assignee;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "opened_by", nullable = false, columnDefinition = "text")
    private String openedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    @Column(nullable = false)
    private long version;

    protected CaseFile() {
    }

    public static CaseFile open(String reference, Instant at, String by) {
        CaseFile c = new CaseFile();
        c.id = UUID.randomUUID();
        c.reference = reference;
        c.status = CaseStatus.OPEN;
        c.openedAt = at;
        c.openedBy = by;
        c.updatedAt = at;
        return c;
    }

    public UUID id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public CaseStatus status() {
        return status;
    }

    public CaseCloseReason closeReason() {
        return closeReason;
    }

    public UUID mergedInto() {
        return mergedInto;
    }

    public Typology typology() {
        return typology;
    }

    public TraffickingType traffickingType() {
        return traffickingType;
    }

    public String county() {
        return county;
    }

    public String state() {
        return state;
    }

    public int victims() {
        return victims;
    }

    public int minors() {
        return minors;
    }

    public String assignee() {
        return assignee;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public String openedBy() {
        return openedBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public boolean isClosed() {
        return status == CaseStatus.CLOSED;
    }

    /** The typology; the four-word type follows from it, or is kept as given when no Polaris type is known. */
    public void classify(Typology typology, TraffickingType traffickingType, Instant at) {
        this.typology = typology;
        this.traffickingType = typology != null ? typology.traffickingType() : traffickingType;
        this.updatedAt = at;
    }

    public void locate(String county, String state, Instant at) {
        this.county = county;
        this.state = state;
        this.updatedAt = at;
    }

    /** The number of potential victims, minors among them counted apart (never more minors than victims). */
    public void countVictims(int victims, int minors, Instant at) {
        if (victims < 0 || minors < 0 || minors > victims) {
            throw new IllegalArgumentException("victims must be at least 0 and at least minors");
        }
        this.victims = victims;
        this.minors = minors;
        this.updatedAt = at;
    }

    public void assign(String assignee, Instant at) {
        this.assignee = assignee;
        this.updatedAt = at;
    }

    public void moveTo(CaseStatus status, Instant at) {
        if (status == CaseStatus.CLOSED) {
            throw new IllegalArgumentException("A case is closed with a reason: close(...)");
        }
        this.status = status;
        this.updatedAt = at;
    }

    public void close(CaseCloseReason reason, UUID mergedInto, Instant at) {
        this.status = CaseStatus.CLOSED;
        this.closeReason = reason;
        this.mergedInto = mergedInto;
        this.closedAt = at;
        this.updatedAt = at;
    }

    public void touch(Instant at) {
        this.updatedAt = at;
    }
}
