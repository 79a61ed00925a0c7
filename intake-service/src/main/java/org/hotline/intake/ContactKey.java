package org.hotline.intake;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A contact's data key, stored only wrapped (encrypted) by the key-encryption key named {@code kekId}. Deleting it
 * makes everything sealed for the contact unreadable (crypto-shredding).
 */
@Entity
@Table(name = "contact_key")
public class ContactKey {

    @Id
    @Column(name = "contact_id")
    private UUID contactId;

    @Column(name = "kek_id", nullable = false, columnDefinition = "text")
    private String kekId;

    @Column(name = "wrapped_key", nullable = false)
    private byte[] wrappedKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "rewrapped_at")
    private Instant rewrappedAt;

    protected ContactKey() {
    }

    public ContactKey(UUID contactId, String kekId, byte[] wrappedKey, Instant createdAt) {
        this.contactId = contactId;
        this.kekId = kekId;
        this.wrappedKey = wrappedKey.clone();
        this.createdAt = createdAt;
    }

    public UUID contactId() {
        return contactId;
    }

    public String kekId() {
        return kekId;
    }

    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }

    /** The same data key, now wrapped by another key-encryption key. */
    public void rewrap(String newKekId, byte[] newWrappedKey, Instant at) {
        this.kekId = newKekId;
        this.wrappedKey = newWrappedKey.clone();
        this.rewrappedAt = at;
    }
}
