package org.hotline.intake;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A staff note on a case: append-only, its text sealed with the case's data key ({@code case_key}). */
@Entity
@Table(name = "case_note")
public class CaseNote {

    @Id
    private UUID id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private UUID caseId;

    @Column(nullable = false, updatable = false, columnDefinition = "text")
    private String author;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "sealed_text", nullable = false, updatable = false)
    private byte[] sealedText;

    protected CaseNote() {
    }

    public CaseNote(UUID caseId, String author, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.author = author;
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public String author() {
        return author;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public byte[] sealedText() {
        return sealedText.clone();
    }

    public void sealText(byte[] sealed) {
        this.sealedText = sealed.clone();
    }
}
