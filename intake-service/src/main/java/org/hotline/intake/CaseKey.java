package org.hotline.intake;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A case's own data key for its notes, kept only wrapped by a key-encryption key (as {@link ContactKey}). */
@Entity
@Table(name = "case_key")
public class CaseKey {

    @Id
    @Column(name = "case_id")
    private UUID caseId;

    @Column(name = "kek_id", nullable = false, columnDefinition = "text")
    private String kekId;

    @Column(name = "wrapped_key", nullable = false)
    private byte[] wrappedKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CaseKey() {
    }

    public CaseKey(UUID caseId, String kekId, byte[] wrappedKey, Instant createdAt) {
        this.caseId = caseId;
        this.kekId = kekId;
        this.wrappedKey = wrappedKey.clone();
        this.createdAt = createdAt;
    }

    public java.util.UUID caseId() {
        return caseId;
    }

    /** The same data key wrapped by another KEK (the rotation). */
    public void rewrap(String kekId, byte[] wrappedKey) {
        this.kekId = kekId;
        this.wrappedKey = wrappedKey.clone();
    }

    public String kekId() {
        return kekId;
    }

    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }
}
