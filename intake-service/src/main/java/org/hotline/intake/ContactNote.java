package org.hotline.intake;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A staff member's note on a contact: append-only (the table refuses changes), its text sealed with the contact's data
 * key. Internal to staff: never shown to the reporter.
 */
@Entity
@Table(name = "contact_note")
public class ContactNote {

    @Id
    private UUID id;

    @Column(name = "contact_id", nullable = false, updatable = false)
    private UUID contactId;

    @Column(nullable = false, updatable = false, columnDefinition = "text")
    private String author;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "sealed_text", updatable = false)
    private byte[] sealedText;

    protected ContactNote() {
    }

    public ContactNote(UUID contactId, String author, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.contactId = contactId;
        this.author = author;
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public UUID contactId() {
        return contactId;
    }

    public String author() {
        return author;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public byte[] sealedText() {
        return sealedText == null ? null : sealedText.clone();
    }

    /** Seals the text once, before the note is first stored. */
    public void sealText(byte[] sealed) {
        this.sealedText = sealed.clone();
    }
}
